//! `GET /v2/cloudimages` in SQL: the same answers as `ims_core::catalog::Catalog::list`
//! (a differential test holds them equal, on every store), from typed columns and indexes.
//! One renderer writes both dialects; [`Dialect`] marks the few places where they differ.

use super::keyset::{self, Branch};
use super::sql::{Dialect, Sql};
use super::Backend;
use crate::error::AppError;
use ims_core::catalog::ImagePage;
use ims_core::fields::{self, FilterKind};
use ims_core::flavor::{self, Requirement};
use ims_core::query::{FilterValue, ListQuery, QueryError, SortDir};
use ims_core::{ErrorCode, ImsError};

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

/// An attribute of the document read as a flag (JSON true, or the text "true" in any case),
/// as the generated flag columns do.
fn push_flag(q: &mut Sql, attr: &str) {
    match q.dialect {
        Dialect::Sqlite => {
            let path = format!("$.{attr}");
            q.push("(CASE json_type(doc, ").text(&path);
            q.push(") WHEN 'true' THEN 1 WHEN 'text' THEN lower(json_extract(doc, ").text(&path);
            q.push(")) = 'true' ELSE 0 END) = 1");
        }
        Dialect::Postgres => {
            q.push("(doc -> ").text(attr).push(" = 'true'::jsonb OR (jsonb_typeof(doc -> ").text(attr);
            q.push(") = 'string' AND lower(doc ->> ").text(attr).push(") = 'true'))");
        }
    }
}

/// The attribute is JSON text equal to `value`.
fn push_text_is(q: &mut Sql, attr: &str, value: &str) {
    match q.dialect {
        Dialect::Sqlite => {
            let path = format!("$.{attr}");
            q.push("(json_type(doc, ").text(&path).push(") IS 'text' AND json_extract(doc, ").text(&path);
            q.push(") IS ").text(value).push(")");
        }
        Dialect::Postgres => {
            q.push("(doc -> ").text(attr).push(" = to_jsonb(").text(value).push("::text))");
        }
    }
}

fn push_requirement(q: &mut Sql, req: &Requirement) {
    match *req {
        Requirement::Is(attr, value) => push_text_is(q, attr, value),
        Requirement::IsNot(attr, value) => {
            q.push("NOT ");
            push_text_is(q, attr, value);
        }
        Requirement::Flag(attr) => push_flag(q, attr),
        Requirement::AnySet(attrs) => {
            q.push("(1 = 0");
            for attr in attrs {
                match q.dialect {
                    Dialect::Sqlite => q.push(" OR IFNULL(json_type(doc, ").text(&format!("$.{attr}")),
                    Dialect::Postgres => q.push(" OR COALESCE(jsonb_typeof(doc -> ").text(attr),
                };
                q.push("), 'null') <> 'null'");
            }
            q.push(")");
        }
    }
}

fn push_filter(q: &mut Sql, param: &str, value: &FilterValue) -> Result<(), AppError> {
    match (param, value) {
        ("member_status", _) => {
            q.push("1 = 1");
            return Ok(());
        }
        ("enterprise_project_id", FilterValue::Text(ep)) if ep == "all_granted_eps" => {
            q.push("1 = 1");
            return Ok(());
        }
        ("flavor_id", FilterValue::Text(flavor_id)) => {
            let reqs = flavor::requirements(flavor_id).map_err(|e| {
                bad_query(QueryError::InvalidValue {
                    param: param.into(),
                    value: flavor_id.clone(),
                    expected: e.to_string(),
                })
            })?;
            q.push("(imagetype = 'gold'");
            for r in &reqs {
                q.push(" AND ");
                push_requirement(q, r);
            }
            q.push(")");
            return Ok(());
        }
        ("enterprise_project_id", FilterValue::Text(ep)) if ep == "0" => {
            q.push("(enterprise_project_id IS NULL OR enterprise_project_id = '0')");
            return Ok(());
        }
        ("tag", FilterValue::Text(tag)) => {
            match q.dialect {
                Dialect::Sqlite => q.push(
                    "(json_type(doc, '$.tags') IS 'array' AND EXISTS \
                     (SELECT 1 FROM json_each(images.doc, '$.tags') t WHERE t.value IS ",
                ),
                Dialect::Postgres => {
                    q.push("(jsonb_typeof(doc -> 'tags') = 'array' AND doc -> 'tags' @> jsonb_build_array(")
                }
            };
            let close = match q.dialect {
                Dialect::Sqlite => "))",
                Dialect::Postgres => "::text))",
            };
            q.text(tag).push(close);
            return Ok(());
        }
        _ => {}
    }
    let def = fields::field_for_param(param).ok_or_else(|| bad_query(QueryError::Unknown(param.to_owned())))?;
    let col = column(def.wire);
    match (def.filter.map(|(_, k)| k), value) {
        (Some(FilterKind::Boolean), FilterValue::Bool(b)) => {
            q.push(&format!("{col} = ")).int(i64::from(*b));
        }
        (Some(FilterKind::Integer), FilterValue::Int(n)) => {
            q.push(&format!("{col} = ")).int(*n);
        }
        (Some(FilterKind::Time), FilterValue::Time(op, at)) => {
            let sql_op = match op.as_str() {
                "gt" => ">",
                "gte" => ">=",
                "lt" => "<",
                "lte" => "<=",
                "eq" => "=",
                _ => "<>",
            };
            let shape = match q.dialect {
                Dialect::Sqlite => {
                    format!("{col} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'")
                }
                Dialect::Postgres => {
                    format!("{col} ~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}T[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}Z$'")
                }
            };
            q.push(&format!("({shape} AND {col} {sql_op} ")).text(&at.to_string()).push(")");
        }
        (_, FilterValue::Text(text)) => {
            q.push(&format!("{col} = ")).text(text);
        }
        _ => {
            q.push("1 = 0");
        }
    }
    Ok(())
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
