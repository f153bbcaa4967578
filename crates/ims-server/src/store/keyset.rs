//! Keyset pagination as index seeks. The page after a marker is rendered as one or two
//! branches, each a row-value comparison `(col, id) > (?, ?)` (or an `IS NULL` equality) that
//! SQLite plans as a SEARCH on the `(col, id)` index, so a page 85,000 rows deep costs what the
//! first page costs. The old form `col > ? OR (col = ? AND id > ?)` made SQLite walk the index
//! from its start. Rows whose sort column is NULL go where the plan's `nulls` puts them; they
//! are their own branch, read after (or before) the others, because an `OR` across the two
//! would defeat the seek.

use super::list::scope::push_scope;
use super::sql::{Arg, Sql};
use super::Backend;
use crate::error::AppError;
use ims_core::catalog::plan::{ListPlan, Nulls};
use ims_core::query::{SortDir, SortKey};

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

/// The branches that make up the page after `marker` (its id and sort value) in `plan`'s order.
pub fn branches(plan: &ListPlan, marker: Option<(String, MarkerValue)>) -> Vec<Branch> {
    let Some((id, value)) = marker else { return vec![Branch::All] };
    let nulls_first = plan.nulls == Nulls::First;
    match (plan.sort, value) {
        (SortKey::Id, _) => vec![Branch::After(MarkerValue::Text(id.clone()), id)],
        (_, MarkerValue::Null) if nulls_first => vec![Branch::NullsAfter(Some(id)), Branch::NotNull],
        (_, MarkerValue::Null) => vec![Branch::NullsAfter(Some(id))],
        (_, value) if nulls_first => vec![Branch::After(value, id)],
        (_, value) => vec![Branch::After(value, id), Branch::NullsAfter(None)],
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
pub fn push_branch(qb: &mut Sql, plan: &ListPlan, branch: &Branch) {
    let (key, col) = (plan.sort, plan.sort.as_str());
    let cmp = if plan.dir == SortDir::Asc { ">" } else { "<" };
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

/// The plan's marker and its sort value; the marker must be in the plan's marker scope.
pub async fn marker(backend: &Backend, plan: &ListPlan<'_>) -> Result<Option<(String, MarkerValue)>, AppError> {
    let Some(marker) = plan.marker else { return Ok(None) };
    let col = plan.sort.as_str();
    let mut q = Sql::new(backend.dialect(), &format!("SELECT {col} FROM images WHERE id = "));
    q.text(marker).push(" AND ");
    push_scope(&mut q, plan.caller, &ListPlan::MARKER_SCOPE);
    let value = q.scalar(backend, plan.sort == SortKey::Size).await?;
    let value = match value.ok_or_else(|| ListPlan::unknown_marker(marker))? {
        None => MarkerValue::Null,
        Some(Arg::Int(n)) => MarkerValue::Int(n),
        Some(Arg::Text(s)) => MarkerValue::Text(s),
    };
    Ok(Some((marker.to_owned(), value)))
}
