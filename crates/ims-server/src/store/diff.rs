//! What a change did, as rows: the one comparison both stores write back from.

use ims_core::catalog::Catalog;
use ims_core::sharing::{Member, MEMBER_SCHEMA};
use ims_core::Image;
use std::collections::BTreeMap;

/// The rows to write after a change: images gone, images new or changed, and the whole new
/// membership list of every image whose memberships changed.
pub(super) struct Diff<'a> {
    pub deleted: Vec<String>,
    pub written: Vec<&'a Image>,
    pub members: Vec<(String, Vec<Member>)>,
}

fn by_id(c: &Catalog) -> BTreeMap<String, &Image> {
    c.all_images().filter_map(|i| Some((i.id.get()?.clone(), i))).collect()
}

impl<'a> Diff<'a> {
    pub fn of(before: &Catalog, after: &'a Catalog) -> Self {
        let (old, new) = (by_id(before), by_id(after));
        let deleted = old.keys().filter(|id| !new.contains_key(*id)).cloned().collect();
        let written = new.iter().filter(|(id, image)| old.get(*id) != Some(*image)).map(|(_, i)| *i).collect();
        let member_set =
            |c: &Catalog, id: &str| c.all_members().filter(|m| m.image_id == id).cloned().collect::<Vec<_>>();
        let members = new
            .keys()
            .filter_map(|id| {
                let (was, is) = (member_set(before, id), member_set(after, id));
                (was != is).then(|| (id.clone(), is))
            })
            .collect();
        Diff { deleted, written, members }
    }
}

/// A membership from its row: `(image_id, member_id, status, created_at, updated_at)`.
pub(super) fn member(
    (image_id, member_id, status, created_at, updated_at): (String, String, String, String, String),
) -> Member {
    Member {
        created_at,
        updated_at,
        image_id,
        member_id,
        status: status.as_str().into(),
        schema: MEMBER_SCHEMA.to_owned(),
    }
}
