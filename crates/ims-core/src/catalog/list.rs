//! Listing: the engine's evaluation of a list plan — scope, predicates, sort and marker.

use super::plan::ListPlan;
use super::Catalog;
use crate::error::ImsError;
use crate::model::Image;
use crate::query::{ListQuery, SortDir, SortKey};
use std::cmp::Ordering;

/// One page of a list, and the marker of the next page when more images follow.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImagePage {
    pub images: Vec<Image>,
    pub next_marker: Option<String>,
}

/// A sortable value: text or number, absent sorting first (the plan's `Nulls` rule).
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
    /// `GET /v2/cloudimages` for `caller`: the [`ListPlan`] of the query, evaluated in memory.
    pub fn list(&self, caller: &str, query: &ListQuery) -> Result<ImagePage, ImsError> {
        let plan = ListPlan::new(caller, query)?;
        let (key, dir) = (plan.sort, plan.dir);
        let mut selected: Vec<&Image> = Vec::new();
        for image in self.images.values() {
            if plan.selects(image, self.share(caller, image)) {
                selected.push(image);
            }
        }
        selected.sort_by(|a, b| sort_cmp(a, b, key, dir));
        if let Some(marker) = plan.marker {
            let after = self
                .images
                .get(marker)
                .filter(|m| ListPlan::MARKER_SCOPE.admits(caller, m, self.share(caller, m)))
                .ok_or_else(|| ListPlan::unknown_marker(marker))?;
            selected.retain(|i| sort_cmp(i, after, key, dir) == Ordering::Greater);
        }
        let more = selected.len() > plan.limit;
        let images: Vec<Image> = selected.into_iter().take(plan.limit).cloned().collect();
        let next_marker = if more { images.last().and_then(|i| i.id.get().cloned()) } else { None };
        Ok(ImagePage { images, next_marker })
    }
}
