//! `GET /v2/cloudimages` in SQL: the same answers as `ims_core::catalog::Catalog::list`
//! (a differential test holds them equal), from typed columns and indexes.

use super::keyset::{self, Branch};
use crate::error::AppError;
use ims_core::catalog::ImagePage;
use ims_core::fields::{self, FilterKind};
use ims_core::flavor::{self, Requirement};
use ims_core::query::{FilterValue, ListQuery, QueryError, SortDir};
use ims_core::{ErrorCode, ImsError};
use sqlx::{QueryBuilder, Sqlite, SqlitePool};

/// A project may see: public images, its own, and images shared with it in any state.
const CAN_SEE: &str = "(visibility IS 'public' OR owner IS ?1 OR EXISTS \
     (SELECT 1 FROM members m WHERE m.image_id = images.id AND m.member_id = ?1))";

/// What a page selects: the id (for the next marker) and the stored document.
const SELECT: &str = "SELECT id, doc FROM images WHERE ";

/// The typed column of a documented attribute (`__platform` → `platform`).
fn column(wire: &str) -> &str {
    wire.trim_start_matches('_')
}

fn bad_query(e: QueryError) -> AppError {
    ImsError::new(ErrorCode::InvalidQuery, e.to_string()).into()
}

/// The SQL form of `CASE` that reads an attribute as a flag, as the generated columns do.
fn push_flag(qb: &mut QueryBuilder<'_, Sqlite>, attr: &str) {
    let path = format!("$.{attr}");
    qb.push("(CASE json_type(doc, ")
        .push_bind(path.clone())
        .push(") WHEN 'true' THEN 1 WHEN 'text' THEN lower(json_extract(doc, ");
    qb.push_bind(path).push(")) = 'true' ELSE 0 END) = 1");
}

fn push_requirement(qb: &mut QueryBuilder<'_, Sqlite>, req: &Requirement) {
    let text_is = |qb: &mut QueryBuilder<'_, Sqlite>, attr: &str, value: &str| {
        let path = format!("$.{attr}");
        qb.push("(json_type(doc, ").push_bind(path.clone()).push(") IS 'text' AND json_extract(doc, ");
        qb.push_bind(path).push(") IS ").push_bind(value.to_owned()).push(")");
    };
    match *req {
        Requirement::Is(attr, value) => text_is(qb, attr, value),
        Requirement::IsNot(attr, value) => {
            qb.push("NOT ");
            text_is(qb, attr, value);
        }
        Requirement::Flag(attr) => push_flag(qb, attr),
        Requirement::AnySet(attrs) => {
            qb.push("(0");
            for attr in attrs {
                qb.push(" OR IFNULL(json_type(doc, ").push_bind(format!("$.{attr}")).push("), 'null') != 'null'");
            }
            qb.push(")");
        }
    }
}

fn push_filter(qb: &mut QueryBuilder<'_, Sqlite>, param: &str, value: &FilterValue) -> Result<(), AppError> {
    match (param, value) {
        ("member_status", _) => {
            qb.push("1");
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
            qb.push("(imagetype IS 'gold'");
            for r in &reqs {
                qb.push(" AND ");
                push_requirement(qb, r);
            }
            qb.push(")");
            return Ok(());
        }
        ("enterprise_project_id", FilterValue::Text(ep)) if ep == "all_granted_eps" => {
            qb.push("1");
            return Ok(());
        }
        ("enterprise_project_id", FilterValue::Text(ep)) if ep == "0" => {
            qb.push("(enterprise_project_id IS NULL OR enterprise_project_id = '0')");
            return Ok(());
        }
        ("tag", FilterValue::Text(tag)) => {
            qb.push("(json_type(doc, '$.tags') IS 'array' AND EXISTS (SELECT 1 FROM json_each(images.doc, '$.tags') t WHERE t.value IS ");
            qb.push_bind(tag.clone()).push("))");
            return Ok(());
        }
        _ => {}
    }
    let def = fields::field_for_param(param).ok_or_else(|| bad_query(QueryError::Unknown(param.to_owned())))?;
    let col = column(def.wire);
    match (def.filter.map(|(_, k)| k), value) {
        (Some(FilterKind::Boolean), FilterValue::Bool(b)) => {
            qb.push(format!("{col} = ")).push_bind(i64::from(*b));
        }
        (Some(FilterKind::Integer), FilterValue::Int(n)) => {
            qb.push(format!("{col} IS ")).push_bind(*n);
        }
        (Some(FilterKind::Time), FilterValue::Time(op, at)) => {
            let sql_op = match op.as_str() {
                "gt" => ">",
                "gte" => ">=",
                "lt" => "<",
                "lte" => "<=",
                "eq" => "=",
                _ => "!=",
            };
            qb.push(format!(
                "({col} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z' AND {col} {sql_op} "
            ));
            qb.push_bind(at.to_string()).push(")");
        }
        (_, FilterValue::Text(text)) => {
            qb.push(format!("{col} IS ")).push_bind(text.clone());
        }
        _ => {
            qb.push("0");
        }
    }
    Ok(())
}

/// Lists images for `caller`: visibility, filters, sort and marker pagination. Every stored
/// document was written by this server from a valid `Image`, so it is sent as it is.
pub async fn list_docs(pool: &SqlitePool, caller: &str, query: &ListQuery) -> Result<DocPage, AppError> {
    query.check().map_err(bad_query)?;
    let (key, dir) = query.effective_sort();
    let marker = match &query.marker {
        Some(m) => Some((m.clone(), keyset::marker_value(pool, CAN_SEE, caller, m, key).await?)),
        None => None,
    };
    let limit = query.effective_limit() as usize;
    let mut rows: Vec<(String, String)> = Vec::new();
    for branch in keyset::branches(key, dir, marker) {
        let wanted = limit + 1 - rows.len();
        let mut qb = page_query(SELECT, caller, query, &branch, wanted)?;
        rows.extend(qb.build_query_as().fetch_all(pool).await?);
        if rows.len() > limit {
            break;
        }
    }
    let more = rows.len() > limit;
    rows.truncate(limit);
    let next_marker = if more { rows.last().map(|(id, _)| id.clone()) } else { None };
    Ok(DocPage { docs: rows.into_iter().map(|(_, doc)| doc).collect(), next_marker })
}

/// The `SELECT` of one branch of a page: visibility, filters, the branch's range, order, limit.
fn page_query<'a>(
    select: &str,
    caller: &str,
    query: &ListQuery,
    branch: &Branch,
    limit: usize,
) -> Result<QueryBuilder<'a, Sqlite>, AppError> {
    let (key, dir) = query.effective_sort();
    let mut qb = QueryBuilder::<Sqlite>::new(select);
    match query.filter("member_status") {
        Some(FilterValue::Text(status)) => {
            qb.push("owner IS NOT ").push_bind(caller.to_owned());
            qb.push(" AND EXISTS (SELECT 1 FROM members m WHERE m.image_id = images.id AND m.member_id = ");
            qb.push_bind(caller.to_owned()).push(" AND m.status = ").push_bind(status.clone()).push(")");
        }
        _ => {
            qb.push("(visibility IS 'public' OR owner IS ").push_bind(caller.to_owned());
            qb.push(" OR EXISTS (SELECT 1 FROM members m WHERE m.image_id = images.id AND m.member_id = ");
            qb.push_bind(caller.to_owned()).push(" AND m.status = 'accepted'))");
        }
    }
    for (param, value) in &query.filters {
        qb.push(" AND ");
        push_filter(&mut qb, param, value)?;
    }
    keyset::push_branch(&mut qb, key, dir, branch);
    let (col, dir_sql) = (key.as_str(), if dir == SortDir::Asc { "ASC" } else { "DESC" });
    qb.push(format!(" ORDER BY {col} {dir_sql}, id {dir_sql} LIMIT ")).push_bind(limit as i64);
    Ok(qb)
}

/// `EXPLAIN QUERY PLAN` of every branch of the page `query` asks for: how SQLite reads it.
pub async fn explain_list(pool: &SqlitePool, caller: &str, query: &ListQuery) -> Result<Vec<String>, AppError> {
    let (key, dir) = query.effective_sort();
    let marker = match &query.marker {
        Some(m) => Some((m.clone(), keyset::marker_value(pool, CAN_SEE, caller, m, key).await?)),
        None => None,
    };
    let mut plan = Vec::new();
    for branch in keyset::branches(key, dir, marker) {
        let mut qb = page_query(&format!("EXPLAIN QUERY PLAN {SELECT}"), caller, query, &branch, 1)?;
        let rows: Vec<(i64, i64, i64, String)> = qb.build_query_as().fetch_all(pool).await?;
        plan.push(rows.into_iter().map(|(.., detail)| detail).collect::<Vec<_>>().join("\n"));
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
}

/// [`list_docs`] decoded: the same page as `ims_core`'s engine returns.
pub async fn list_images(pool: &SqlitePool, caller: &str, query: &ListQuery) -> Result<ImagePage, AppError> {
    let page = list_docs(pool, caller, query).await?;
    let images = page.docs.iter().map(|d| serde_json::from_str(d)).collect::<Result<Vec<ims_core::Image>, _>>()?;
    Ok(ImagePage { images, next_marker: page.next_marker })
}
