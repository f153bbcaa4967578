//! `GET /v2/cloudimages` in SQL: the same answers as `ims_core::catalog::Catalog::list`
//! (a differential test holds them equal, on every store), from typed columns and indexes.
//! One renderer writes both dialects; [`Dialect`] marks the few places where they differ.

use super::keyset::{self, Branch};
use super::sql::{Dialect, Sql};
use super::Backend;
use crate::error::AppError;
use ims_core::catalog::ImagePage;

use ims_core::query::{FilterValue, ListQuery, QueryError, SortDir};
use ims_core::{ErrorCode, ImsError};

mod predicates;
use predicates::push_filter;

/// What a page selects: the id (for the next marker) and the stored document as text.
fn select(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Sqlite => "SELECT id, doc FROM images WHERE ",
        Dialect::Postgres => "SELECT id, doc::text FROM images WHERE ",
    }
}

/// The typed column of a documented attribute (`__platform` → `platform`).
fn column(wire: &str) -> &str {
    wire.trim_start_matches('_')
}

fn bad_query(e: QueryError) -> AppError {
    ImsError::new(ErrorCode::InvalidQuery, e.to_string()).into()
}

/// Lists images for `caller`: visibility, filters, sort and marker pagination. Every stored
/// document was written by this server from a valid `Image`, so it is sent as it is.
pub(super) async fn list_docs(backend: &Backend, caller: &str, query: &ListQuery) -> Result<DocPage, AppError> {
    query.check().map_err(bad_query)?;
    let (key, dir) = query.effective_sort();
    let marker = match &query.marker {
        Some(m) => Some((m.clone(), keyset::marker_value(backend, caller, m, key).await?)),
        None => None,
    };
    let limit = query.effective_limit() as usize;
    let mut rows: Vec<(String, String)> = Vec::new();
    for branch in keyset::branches(key, dir, marker) {
        let wanted = limit + 1 - rows.len();
        let q = page_query(backend.dialect(), select(backend.dialect()), caller, query, &branch, wanted)?;
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

/// Who may see an image: public, own, or shared with the caller (accepted only in a plain
/// list; in the inbox, `member_status`, shares in that state of images the caller does not own).
fn push_visibility(q: &mut Sql, caller: &str, query: &ListQuery) {
    let not_owner = match q.dialect {
        Dialect::Sqlite => "owner IS NOT ",
        Dialect::Postgres => "owner IS DISTINCT FROM ",
    };
    match query.filter("member_status") {
        Some(FilterValue::Text(status)) => {
            q.push(not_owner).text(caller);
            q.push(" AND EXISTS (SELECT 1 FROM members m WHERE m.image_id = images.id AND m.member_id = ");
            q.text(caller).push(" AND m.status = ").text(status).push(")");
        }
        _ => {
            q.push("(visibility = 'public' OR owner = ").text(caller);
            q.push(" OR EXISTS (SELECT 1 FROM members m WHERE m.image_id = images.id AND m.member_id = ");
            q.text(caller).push(" AND m.status = 'accepted'))");
        }
    }
}

/// The `SELECT` of one branch of a page: visibility, filters, the branch's range, order, limit.
fn page_query(
    dialect: Dialect,
    select: &str,
    caller: &str,
    query: &ListQuery,
    branch: &Branch,
    limit: usize,
) -> Result<Sql, AppError> {
    let (key, dir) = query.effective_sort();
    let mut q = Sql::new(dialect, select);
    push_visibility(&mut q, caller, query);
    for (param, value) in &query.filters {
        q.push(" AND ");
        push_filter(&mut q, param, value)?;
    }
    keyset::push_branch(&mut q, key, dir, branch);
    let col = key.as_str();
    // NULLs first ascending and last descending: SQLite's order, which the engine shares.
    let order = match (dialect, dir) {
        (Dialect::Sqlite, SortDir::Asc) => format!("{col} ASC, id ASC"),
        (Dialect::Sqlite, SortDir::Desc) => format!("{col} DESC, id DESC"),
        (Dialect::Postgres, SortDir::Asc) => format!("{col} ASC NULLS FIRST, id ASC"),
        (Dialect::Postgres, SortDir::Desc) => format!("{col} DESC NULLS LAST, id DESC"),
    };
    q.push(&format!(" ORDER BY {order} LIMIT ")).int(limit as i64);
    Ok(q)
}

/// The query plan of every branch of the page `query` asks for: how the database reads it.
pub(super) async fn explain_list(backend: &Backend, caller: &str, query: &ListQuery) -> Result<Vec<String>, AppError> {
    let (key, dir) = query.effective_sort();
    let marker = match &query.marker {
        Some(m) => Some((m.clone(), keyset::marker_value(backend, caller, m, key).await?)),
        None => None,
    };
    let mut plan = Vec::new();
    for branch in keyset::branches(key, dir, marker) {
        let dialect = backend.dialect();
        let lines: Vec<String> = match backend {
            Backend::Sqlite(pool) => {
                let q =
                    page_query(dialect, &format!("EXPLAIN QUERY PLAN {}", select(dialect)), caller, query, &branch, 1)?;
                let rows: Vec<(i64, i64, i64, String)> = bound!(sqlx::query_as(&q.text), q).fetch_all(pool).await?;
                rows.into_iter().map(|(.., detail)| detail).collect()
            }
            Backend::Postgres(pool) => {
                let q = page_query(dialect, &format!("EXPLAIN {}", select(dialect)), caller, query, &branch, 1)?;
                let rows: Vec<(String,)> = bound!(sqlx::query_as(&q.text), q).fetch_all(pool).await?;
                rows.into_iter().map(|(line,)| line).collect()
            }
        };
        plan.push(lines.join("\n"));
    }
    Ok(plan)
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
