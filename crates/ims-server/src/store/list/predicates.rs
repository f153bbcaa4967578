//! Each predicate of a list plan as SQL, in either dialect. The plan decided what each filter
//! means; this only spells it: a typed column where the attribute has one, else the document.

use super::column;
use crate::store::sql::{Dialect, Sql};
use ims_core::catalog::plan::{Operand, Predicate};
use ims_core::flavor::Requirement;
use ims_core::query::TimeOp;
use ims_core::time::Timestamp;

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

/// Appends the SQL of one plan predicate: the typed column of its attribute, or a read of the
/// document where the plan names a property.
pub(super) fn push_predicate(q: &mut Sql, predicate: &Predicate) {
    match *predicate {
        Predicate::Never => {
            q.push("1 = 0");
        }
        Predicate::Eq(attr, Operand::Text(text)) => {
            q.push(&format!("{} = ", column(attr))).text(text);
        }
        Predicate::Eq(attr, Operand::Int(n)) => {
            q.push(&format!("{} = ", column(attr))).int(n);
        }
        Predicate::Flag(attr, want) => {
            q.push(&format!("{} = ", column(attr))).int(i64::from(want));
        }
        Predicate::Time(attr, op, at) => push_time(q, column(attr), op, at),
        Predicate::AbsentOrEq(attr, value) => {
            let col = column(attr);
            q.push(&format!("({col} IS NULL OR {col} = ")).text(value).push(")");
        }
        Predicate::HasTag(tag) => push_has_tag(q, tag),
        Predicate::Meets(req) => push_requirement(q, &req),
    }
}

/// The column holds a time in the wire shape that compares with `at` by `op`. Only in that
/// shape does comparing the text compare the times, so the shape is part of the test.
fn push_time(q: &mut Sql, col: &str, op: TimeOp, at: Timestamp) {
    let sql_op = match op {
        TimeOp::Gt => ">",
        TimeOp::Gte => ">=",
        TimeOp::Lt => "<",
        TimeOp::Lte => "<=",
        TimeOp::Eq => "=",
        TimeOp::Neq => "<>",
    };
    let shape = match q.dialect {
        Dialect::Sqlite => {
            format!("{col} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'")
        }
        Dialect::Postgres => format!("{col} ~ '^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}T[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}Z$'"),
    };
    q.push(&format!("({shape} AND {col} {sql_op} ")).text(&at.to_string()).push(")");
}

/// The document's `tags` is an array holding the tag.
fn push_has_tag(q: &mut Sql, tag: &str) {
    match q.dialect {
        Dialect::Sqlite => {
            q.push(
                "(json_type(doc, '$.tags') IS 'array' AND EXISTS \
                 (SELECT 1 FROM json_each(images.doc, '$.tags') t WHERE t.value IS ",
            );
            q.text(tag).push("))");
        }
        Dialect::Postgres => {
            q.push("(jsonb_typeof(doc -> 'tags') = 'array' AND doc -> 'tags' @> jsonb_build_array(");
            q.text(tag).push("::text))");
        }
    }
}
