//! Listing: visibility, filters, sort and marker pagination.

use super::{filter::matches, is_owner, Catalog};
use crate::error::{ErrorCode, ImsError};
use crate::model::{Image, MemberStatus};
use crate::query::{FilterValue, ListQuery, SortDir, SortKey};
use std::cmp::Ordering;

/// One page of a list, and the marker of the next page when more images follow.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImagePage {
    pub images: Vec<Image>,
    pub next_marker: Option<String>,
}

/// A sortable value: text or number, absent sorting first (as SQL sorts NULL).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum SortValue {
    Absent,
    Int(i64),
    Text(String),
}

fn sort_value(image: &Image, key: SortKey) -> SortValue {
    match key {
        SortKey::Size => image.size.get().map_or(SortValue::Absent, |n| SortValue::Int(*n)),
        other => image.attr_text(other.as_str()).map_or(SortValue::Absent, SortValue::Text),
    }
}

/// The order of two images under a sort: by the key, then by id, both in `dir` — the same
/// total order a keyset query uses, so marker pages never repeat or skip an image.
pub fn sort_cmp(a: &Image, b: &Image, key: SortKey, dir: SortDir) -> Ordering {
    let id = |i: &Image| i.id.get().cloned().unwrap_or_default();
    let ord = sort_value(a, key).cmp(&sort_value(b, key)).then_with(|| id(a).cmp(&id(b)));
    match dir {
        SortDir::Asc => ord,
        SortDir::Desc => ord.reverse(),
    }
}

impl Catalog {
    /// `GET /v2/cloudimages` for `caller`. Without `member_status` the list holds public images,
    /// the caller's own and accepted shares; with it (and `visibility=shared`) only the shares
    /// in that state — the consumer's inbox.
    pub fn list(&self, caller: &str, query: &ListQuery) -> Result<ImagePage, ImsError> {
        let bad = |e: crate::query::QueryError| ImsError::new(ErrorCode::InvalidQuery, e.to_string());
        query.check().map_err(bad)?;
        let inbox = match query.filter("member_status") {
            Some(FilterValue::Text(s)) => Some(MemberStatus::from_wire(s)),
            _ => None,
        };
        let mut selected = Vec::new();
        for image in self.images.values() {
            let shown = match &inbox {
                Some(status) => {
                    !is_owner(caller, image)
                        && image
                            .id
                            .get()
                            .and_then(|id| self.membership(id, caller))
                            .is_some_and(|m| &m.status == status)
                }
                None => self.listed(caller, image),
            };
            if !shown {
                continue;
            }
            let mut keep = true;
            for (param, value) in &query.filters {
                keep = keep && matches(image, param, value).map_err(bad)?;
            }
            if keep {
                selected.push(image);
            }
        }
        let (key, dir) = query.effective_sort();
        selected.sort_by(|a, b| sort_cmp(a, b, key, dir));
        if let Some(marker) = &query.marker {
            let after = self.images.get(marker).filter(|m| self.can_see(caller, m)).ok_or_else(|| {
                ImsError::new(ErrorCode::UnknownMarker, format!("marker {marker} is not an image you can see"))
            })?;
            selected.retain(|i| sort_cmp(i, after, key, dir) == Ordering::Greater);
        }
        let limit = query.effective_limit() as usize;
        let more = selected.len() > limit;
        let images: Vec<Image> = selected.into_iter().take(limit).cloned().collect();
        let next_marker = if more { images.last().and_then(|i| i.id.get().cloned()) } else { None };
        Ok(ImagePage { images, next_marker })
    }
}
