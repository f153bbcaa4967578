//! The list plan: what `GET /v2/cloudimages` selects for a caller, decided once, here. The
//! catalog engine evaluates a plan in memory; each SQL store renders the same plan as a
//! statement, mapping a wire attribute to its typed column and nothing more. No list rule is
//! decided outside this module, so the two can only differ in how they evaluate, which the
//! server's differential test checks on every store.

mod predicate;

pub use predicate::{Operand, Predicate};

use super::is_owner;
use crate::error::{ErrorCode, ImsError};
use crate::model::{Image, MemberStatus, Visibility};
use crate::query::{FilterValue, ListQuery, QueryError, SortDir, SortKey};

/// Which images a caller may list, before any filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Public, the caller's own, or shared with the caller in any state: the images it may
    /// open, and so the images a marker may name (a pending share can be opened before it is
    /// accepted).
    Visible,
    /// Public, the caller's own, or an accepted share: a plain list.
    Listed,
    /// Not the caller's own and shared with it in this state: the consumer's inbox, which
    /// `member_status` (with `visibility=shared`) selects instead of filtering a plain list.
    Inbox(MemberStatus),
}

impl Scope {
    /// Whether the scope holds `image` for `caller`, whose membership of it is `share`.
    pub fn admits(&self, caller: &str, image: &Image, share: Option<&MemberStatus>) -> bool {
        let open = || image.visibility.get() == Some(&Visibility::Public) || is_owner(caller, image);
        match self {
            Scope::Visible => open() || share.is_some(),
            Scope::Listed => open() || matches!(share, Some(MemberStatus::Accepted)),
            Scope::Inbox(status) => !is_owner(caller, image) && share == Some(status),
        }
    }
}

/// Where images without a sort value go. One rule: first ascending, last descending — the
/// absent value sorts below every other (as SQLite sorts NULL), and a descending order is the
/// ascending one reversed. [`super::sort_cmp`] orders by it; PostgreSQL must be told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nulls {
    First,
    Last,
}

/// One list request, planned: who sees what, which filters hold, and the page's place in the
/// total order `(sort value, id)` in `dir`.
#[derive(Debug, Clone, PartialEq)]
pub struct ListPlan<'a> {
    pub caller: &'a str,
    pub scope: Scope,
    /// Every one must hold; a filter that keeps every image adds none.
    pub predicates: Vec<Predicate<'a>>,
    pub sort: SortKey,
    pub dir: SortDir,
    pub nulls: Nulls,
    /// The most images on a page.
    pub limit: usize,
    /// The page holds the images strictly after this one in the order. It must be an image
    /// in [`ListPlan::MARKER_SCOPE`], or the list is an [`ErrorCode::UnknownMarker`] error.
    pub marker: Option<&'a str>,
}

impl<'a> ListPlan<'a> {
    /// Which images a marker may name.
    pub const MARKER_SCOPE: Scope = Scope::Visible;

    /// The plan of `query` for `caller`, or the 400 the query earns (an unknown parameter, a
    /// parameter rule broken, a flavor id that is not one).
    pub fn new(caller: &'a str, query: &'a ListQuery) -> Result<Self, ImsError> {
        query.check().map_err(bad_query)?;
        let scope = match query.filter("member_status") {
            Some(FilterValue::Text(s)) => Scope::Inbox(MemberStatus::from_wire(s)),
            _ => Scope::Listed,
        };
        let mut predicates = Vec::new();
        for (param, value) in &query.filters {
            predicate::push_filter(&mut predicates, param, value).map_err(bad_query)?;
        }
        let (sort, dir) = query.effective_sort();
        let nulls = if dir == SortDir::Asc { Nulls::First } else { Nulls::Last };
        let limit = query.effective_limit() as usize;
        Ok(ListPlan { caller, scope, predicates, sort, dir, nulls, limit, marker: query.marker.as_deref() })
    }

    /// Whether the page may hold `image` (the caller's membership of it is `share`): in scope,
    /// and every predicate holds.
    pub fn selects(&self, image: &Image, share: Option<&MemberStatus>) -> bool {
        self.scope.admits(self.caller, image, share) && self.predicates.iter().all(|p| p.holds(image))
    }

    /// The error of a marker outside [`ListPlan::MARKER_SCOPE`] (or of no image at all).
    pub fn unknown_marker(marker: &str) -> ImsError {
        ImsError::new(ErrorCode::UnknownMarker, format!("marker {marker} is not an image you can see"))
    }
}

fn bad_query(e: QueryError) -> ImsError {
    ImsError::new(ErrorCode::InvalidQuery, e.to_string())
}

#[cfg(test)]
mod tests;
