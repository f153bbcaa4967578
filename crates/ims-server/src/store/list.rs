//! `GET /v2/cloudimages` in SQL: `ims-core`'s [`ListPlan`] rendered as statements over the
//! typed columns and their indexes. The plan holds every list rule; this file only orders the
//! parts of a statement and reads the pages, so its answers are the engine's (a differential
//! test holds them equal, on every store). One renderer writes both dialects; [`Dialect`]
//! marks the few places where they differ.

use super::keyset::{self, Branch};
use super::sql::{Dialect, Sql};
use super::Backend;
use crate::error::AppError;
use ims_core::catalog::plan::{ListPlan, Nulls};
use ims_core::catalog::ImagePage;
use ims_core::query::{ListQuery, SortDir, SortKey};

mod predicates;
pub(super) mod scope;
#[cfg(test)]
mod tests;

/// What a page selects: the id (for the next marker) and the stored document as text.
fn select(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Sqlite => "SELECT id, doc FROM images WHERE ",
        Dialect::Postgres => "SELECT id, doc::text FROM images WHERE ",
    }
}

/// The typed column of a documented attribute (`__platform` → `platform`): naming, not a rule.
fn column(wire: &str) -> &str {
    wire.trim_start_matches('_')
}

/// Lists images for `caller`: the plan's branches read in order until the page is full. Every
/// stored document was written by this server from a valid `Image`, so it is sent as it is.
pub(super) async fn list_docs(backend: &Backend, caller: &str, query: &ListQuery) -> Result<DocPage, AppError> {
    let plan = ListPlan::new(caller, query)?;
    let marker = keyset::marker(backend, &plan).await?;
    let limit = plan.limit;
    let mut rows: Vec<(String, String)> = Vec::new();
    for branch in keyset::branches(&plan, marker) {
        let wanted = limit + 1 - rows.len();
        let q = page_query(backend.dialect(), select(backend.dialect()), &plan, &branch, wanted);
        rows.extend(q.rows(backend).await?);
        if rows.len() > limit {
            break;
        }
    }
    let more = rows.len() > limit;
    rows.truncate(limit);
    let next_marker = if more { rows.last().map(|(id, _)| id.clone()) } else { None };
    Ok(DocPage { docs: rows.into_iter().map(|(_, doc)| doc).collect(), next_marker })
}

/// `ORDER BY` the plan's key and id. SQLite puts NULLs first ascending and last descending
/// unless told; PostgreSQL is always told — except for `id`, the primary key, which is never
/// NULL: a NULLS clause there would keep PostgreSQL from reading the key's index in order.
fn order_by(dialect: Dialect, plan: &ListPlan) -> String {
    let dir = if plan.dir == SortDir::Asc { "ASC" } else { "DESC" };
    if plan.sort == SortKey::Id {
        return format!(" ORDER BY id {dir}");
    }
    let sqlite_default = (plan.dir == SortDir::Asc) == (plan.nulls == Nulls::First);
    let nulls = match (dialect, plan.nulls) {
        (Dialect::Sqlite, _) if sqlite_default => "",
        (_, Nulls::First) => " NULLS FIRST",
        (_, Nulls::Last) => " NULLS LAST",
    };
    format!(" ORDER BY {col} {dir}{nulls}, id {dir}", col = plan.sort.as_str())
}

/// The `SELECT` of one branch of a page: scope, predicates, the branch's range, order, limit.
fn page_query(dialect: Dialect, select: &str, plan: &ListPlan, branch: &Branch, limit: usize) -> Sql {
    let mut q = Sql::new(dialect, select);
    scope::push_scope(&mut q, plan.caller, &plan.scope);
    for predicate in &plan.predicates {
        q.push(" AND ");
        predicates::push_predicate(&mut q, predicate);
    }
    keyset::push_branch(&mut q, plan, branch);
    q.push(&order_by(dialect, plan)).push(" LIMIT ").int(limit as i64);
    q
}

/// The query plan of every branch of the page `query` asks for: how the database reads it.
pub(super) async fn explain_list(backend: &Backend, caller: &str, query: &ListQuery) -> Result<Vec<String>, AppError> {
    let plan = ListPlan::new(caller, query)?;
    let marker = keyset::marker(backend, &plan).await?;
    let dialect = backend.dialect();
    let mut out = Vec::new();
    for branch in keyset::branches(&plan, marker) {
        let lines: Vec<String> = match backend {
            Backend::Sqlite(pool) => {
                let q = page_query(dialect, &format!("EXPLAIN QUERY PLAN {}", select(dialect)), &plan, &branch, 1);
                let rows: Vec<(i64, i64, i64, String)> = bound!(sqlx::query_as(&q.text), q).fetch_all(pool).await?;
                rows.into_iter().map(|(.., detail)| detail).collect()
            }
            Backend::Postgres(pool) => {
                let q = page_query(dialect, &format!("EXPLAIN {}", select(dialect)), &plan, &branch, 1);
                let rows: Vec<(String,)> = bound!(sqlx::query_as(&q.text), q).fetch_all(pool).await?;
                rows.into_iter().map(|(line,)| line).collect()
            }
        };
        out.push(lines.join("\n"));
    }
    Ok(out)
}

/// One page of stored wire objects, exactly as written — a list response needs no decoding.
pub struct DocPage {
    pub docs: Vec<String>,
    pub next_marker: Option<String>,
}

impl DocPage {
    /// The JSON array of the page's images, built from the stored documents.
    pub fn images_json(&self) -> String {
        format!("[{}]", self.docs.join(","))
    }

    /// The page decoded: the same value as `ims_core`'s engine returns.
    pub fn decode(self) -> Result<ImagePage, AppError> {
        let images = self.docs.iter().map(|d| serde_json::from_str(d)).collect::<Result<Vec<ims_core::Image>, _>>()?;
        Ok(ImagePage { images, next_marker: self.next_marker })
    }
}
