//! Keyset pagination as index seeks. The page after a marker is rendered as one or two
//! branches, each a row-value comparison `(col, id) > (?, ?)` (or an `IS NULL` equality) that
//! SQLite plans as a SEARCH on the `(col, id)` index, so a page 85,000 rows deep costs what the
//! first page costs. The old form `col > ? OR (col = ? AND id > ?)` made SQLite walk the index
//! from its start. Rows whose sort column is NULL sort first ascending and last descending
//! (SQLite's order, which the `ims-core` engine shares); they are their own branch, read
//! after (or before) the others, because an `OR` across the two would defeat the seek.

use super::sql::{Arg, Sql};
use super::Backend;
use crate::error::AppError;
use ims_core::query::{SortDir, SortKey};
use ims_core::{ErrorCode, ImsError};

/// The value of the sort column at the marker image.
#[derive(Debug, Clone)]
pub enum MarkerValue {
    Null,
    Int(i64),
    Text(String),
}

/// One range of the sort order, in the order the page reads them.
#[derive(Debug, Clone)]
pub enum Branch {
    /// The whole order (no marker).
    All,
    /// Rows strictly after `(value, id)` in the direction, non-NULL sort values only.
    After(MarkerValue, String),
    /// Rows with a NULL sort value and an id after this one (all of them when `None`).
    NullsAfter(Option<String>),
    /// Every row with a non-NULL sort value.
    NotNull,
}

/// The branches that make up the page after `marker` (its id and sort value).
pub fn branches(key: SortKey, dir: SortDir, marker: Option<(String, MarkerValue)>) -> Vec<Branch> {
    let Some((id, value)) = marker else { return vec![Branch::All] };
    match (key, value, dir) {
        (SortKey::Id, _, _) => vec![Branch::After(MarkerValue::Text(id.clone()), id)],
        (_, MarkerValue::Null, SortDir::Asc) => vec![Branch::NullsAfter(Some(id)), Branch::NotNull],
        (_, MarkerValue::Null, SortDir::Desc) => vec![Branch::NullsAfter(Some(id))],
        (_, value, SortDir::Asc) => vec![Branch::After(value, id)],
        (_, value, SortDir::Desc) => vec![Branch::After(value, id), Branch::NullsAfter(None)],
    }
}

fn push_value(q: &mut Sql, value: &MarkerValue) {
    match value {
        MarkerValue::Int(n) => q.int(*n),
        MarkerValue::Text(s) => q.text(s),
        MarkerValue::Null => q.push("NULL"),
    };
}

/// Appends ` AND <the branch's range>` for sort column `col` (nothing for [`Branch::All`]).
pub fn push_branch(qb: &mut Sql, key: SortKey, dir: SortDir, branch: &Branch) {
    let col = key.as_str();
    let cmp = if dir == SortDir::Asc { ">" } else { "<" };
    match branch {
        Branch::All => {}
        Branch::After(_, id) if key == SortKey::Id => {
            qb.push(&format!(" AND id {cmp} ")).text(id);
        }
        Branch::After(value, id) => {
            qb.push(&format!(" AND ({col}, id) {cmp} ("));
            push_value(qb, value);
            qb.push(", ").text(id).push(")");
        }
        Branch::NullsAfter(Some(id)) => {
            qb.push(&format!(" AND {col} IS NULL AND id {cmp} ")).text(id);
        }
        Branch::NullsAfter(None) => {
            qb.push(&format!(" AND {col} IS NULL"));
        }
        Branch::NotNull => {
            qb.push(&format!(" AND {col} IS NOT NULL"));
        }
    }
}

/// The sort value of the marker image, which must be one `caller` can see (in any share state).
pub async fn marker_value(
    backend: &Backend,
    caller: &str,
    marker: &str,
    key: SortKey,
) -> Result<MarkerValue, AppError> {
    let col = key.as_str();
    let mut q = Sql::new(backend.dialect(), &format!("SELECT {col} FROM images WHERE id = "));
    q.text(marker).push(" AND (visibility = 'public' OR owner = ").text(caller);
    q.push(" OR EXISTS (SELECT 1 FROM members m WHERE m.image_id = images.id AND m.member_id = ").text(caller);
    q.push("))");
    let unknown = || {
        AppError::from(ImsError::new(ErrorCode::UnknownMarker, format!("marker {marker} is not an image you can see")))
    };
    Ok(match q.scalar(backend, key == SortKey::Size).await?.ok_or_else(unknown)? {
        None => MarkerValue::Null,
        Some(Arg::Int(n)) => MarkerValue::Int(n),
        Some(Arg::Text(s)) => MarkerValue::Text(s),
    })
}
