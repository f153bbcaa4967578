//! Each list filter and flavor condition as a SQL predicate, in either dialect.

use super::{bad_query, column};
use crate::error::AppError;
use crate::store::sql::{Dialect, Sql};
use ims_core::fields::{self, FilterKind};
use ims_core::flavor::{self, Requirement};
use ims_core::query::{FilterValue, QueryError};

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

pub(super) fn push_filter(q: &mut Sql, param: &str, value: &FilterValue) -> Result<(), AppError> {
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
