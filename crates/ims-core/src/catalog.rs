//! The catalog engine: the complete API semantics for a calling project, in memory. It is the
//! executable specification — the in-browser demo backend runs it, and the server's SQL answers
//! are tested against it.
//!
//! The engine has no clock and no random source: callers pass `now` and new ids, so the same
//! calls give the same catalog on every platform.

mod images;
mod list;
mod members;
pub mod plan;
mod upload;

pub use list::{sort_cmp, ImagePage};
pub use upload::{UploadDigest, OS_HASH_ALGO};

use crate::model::{Image, MemberStatus};
use crate::sharing::{Member, DEFAULT_MEMBER_CAP};
use plan::Scope;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// All images and memberships, and the member cap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    images: BTreeMap<String, Image>,
    /// image id → member project id → membership.
    members: BTreeMap<String, BTreeMap<String, Member>>,
    member_cap: usize,
}

impl Default for Catalog {
    fn default() -> Self {
        Catalog { images: BTreeMap::new(), members: BTreeMap::new(), member_cap: DEFAULT_MEMBER_CAP }
    }
}

impl Catalog {
    /// A catalog holding `images` (each must have an id) with the given member cap.
    pub fn new(images: impl IntoIterator<Item = Image>, member_cap: usize) -> Self {
        let images = images.into_iter().filter_map(|i| Some((i.id.get()?.clone(), i))).collect();
        Catalog { images, members: BTreeMap::new(), member_cap }
    }

    /// A catalog holding `images` and `members`. Memberships of unknown images are dropped.
    pub fn with_members(
        images: impl IntoIterator<Item = Image>,
        members: impl IntoIterator<Item = Member>,
        member_cap: usize,
    ) -> Self {
        let mut catalog = Catalog::new(images, member_cap);
        for m in members {
            if catalog.images.contains_key(&m.image_id) {
                catalog.members.entry(m.image_id.clone()).or_default().insert(m.member_id.clone(), m);
            }
        }
        catalog
    }

    /// The member cap in force.
    pub fn member_cap(&self) -> usize {
        self.member_cap
    }

    /// Every image, regardless of who asks (for persistence and tests).
    pub fn all_images(&self) -> impl Iterator<Item = &Image> {
        self.images.values()
    }

    /// Every membership (for persistence and tests).
    pub fn all_members(&self) -> impl Iterator<Item = &Member> {
        self.members.values().flat_map(BTreeMap::values)
    }

    /// `caller`'s membership of an image, if any.
    pub fn membership(&self, image_id: &str, caller: &str) -> Option<&Member> {
        self.members.get(image_id)?.get(caller)
    }

    /// `caller`'s membership state of an image, if it has one.
    fn share(&self, caller: &str, image: &Image) -> Option<&MemberStatus> {
        image.id.get().and_then(|id| self.membership(id, caller)).map(|m| &m.status)
    }

    /// Whether `caller` may see the image at all: public, its own, or shared with it (in any
    /// membership state, so a pending share can be opened before it is accepted).
    pub fn can_see(&self, caller: &str, image: &Image) -> bool {
        Scope::Visible.admits(caller, image, self.share(caller, image))
    }

    /// The image if `caller` may see it; 404 otherwise (never 403 for another project's image).
    fn visible(&self, caller: &str, id: &str) -> Result<&Image, crate::ImsError> {
        self.images
            .get(id)
            .filter(|i| self.can_see(caller, i))
            .ok_or_else(|| crate::ImsError::not_found(format_args!("image {id}")))
    }
}

/// Whether `caller` owns the image.
pub fn is_owner(caller: &str, image: &Image) -> bool {
    image.owner.get().is_some_and(|o| o == caller)
}

#[cfg(test)]
mod tests;
