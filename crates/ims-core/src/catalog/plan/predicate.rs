//! One list filter as predicates on named attributes, and the engine's evaluation of them.
//! Every decision a filter needs is made in [`push_filter`]; a store renders each variant.

use crate::fields::{self, FilterKind};
use crate::flavor::{self, Requirement};
use crate::model::Image;
use crate::query::{FilterValue, QueryError, TimeOp};
use crate::time::Timestamp;

/// The value an attribute is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operand<'a> {
    Text(&'a str),
    Int(i64),
}

/// A condition on one image. The attribute of every variant but [`Predicate::Meets`] is a
/// documented one a store keeps in a typed column; `Meets` reads document properties.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Predicate<'a> {
    /// No image passes: the filter's value is not of the kind its parameter takes.
    Never,
    /// The attribute's text, or its integer, equals the operand.
    Eq(&'static str, Operand<'a>),
    /// The attribute read as a flag (JSON true or the text "true", any case; absent is false)
    /// equals the bool.
    Flag(&'static str, bool),
    /// The attribute is a time in the wire shape `yyyy-MM-ddThh:mm:ssZ` and compares with the
    /// reference by the operator; any other value fails.
    Time(&'static str, TimeOp, Timestamp),
    /// The attribute is absent, or its text equals the value.
    AbsentOrEq(&'static str, &'a str),
    /// The image's tags hold the tag.
    HasTag(&'a str),
    /// A flavor's condition on the image's properties.
    Meets(Requirement),
}

impl Predicate<'_> {
    /// Whether `image` passes.
    pub fn holds(&self, image: &Image) -> bool {
        match *self {
            Predicate::Never => false,
            Predicate::Eq(attr, Operand::Text(want)) => image.attr_text(attr).as_deref() == Some(want),
            Predicate::Eq(attr, Operand::Int(want)) => image.attr(attr).and_then(|v| v.as_i64()) == Some(want),
            Predicate::Flag(attr, want) => image.attr_flag(attr) == want,
            Predicate::Time(attr, op, at) => image
                .attr(attr)
                .and_then(|v| v.as_str().and_then(|s| Timestamp::parse(s).ok()))
                .is_some_and(|t| op.holds(t, at)),
            Predicate::AbsentOrEq(attr, value) => image.attr_text(attr).is_none_or(|v| v == value),
            Predicate::HasTag(tag) => image.tags.get().is_some_and(|t| t.iter().any(|x| x == tag)),
            Predicate::Meets(req) => req.holds(image),
        }
    }
}

/// Appends the predicates of the filter `param = value`. Decisions where the document is silent:
/// - `member_status` selects the inbox scope and filters nothing;
/// - `enterprise_project_id=all_granted_eps` keeps every image, and `enterprise_project_id=0`
///   also keeps images without the attribute (the default project);
/// - `flavor_id` keeps only gold (public) images the flavor can boot (see [`crate::flavor`]);
/// - a boolean filter treats an absent flag as false (`__support_kvm=false` finds images
///   without the attribute);
/// - an unknown parameter is an error, never a filter that keeps everything.
pub(super) fn push_filter<'a>(
    out: &mut Vec<Predicate<'a>>,
    param: &str,
    value: &'a FilterValue,
) -> Result<(), QueryError> {
    const EP: &str = "enterprise_project_id";
    match (param, value) {
        ("member_status", _) => {}
        (EP, FilterValue::Text(ep)) if ep == "all_granted_eps" => {}
        (EP, FilterValue::Text(ep)) if ep == "0" => out.push(Predicate::AbsentOrEq(EP, "0")),
        ("tag", FilterValue::Text(tag)) => out.push(Predicate::HasTag(tag)),
        ("flavor_id", FilterValue::Text(flavor)) => {
            let reqs = flavor::requirements(flavor).map_err(|e| QueryError::InvalidValue {
                param: param.to_owned(),
                value: flavor.clone(),
                expected: e.to_string(),
            })?;
            out.push(Predicate::Eq("__imagetype", Operand::Text("gold")));
            // A loop, not `extend`: one less generic instance in the console's bundle.
            for req in reqs {
                out.push(Predicate::Meets(req));
            }
        }
        _ => {
            let def = fields::field_for_param(param).ok_or_else(|| QueryError::Unknown(param.to_owned()))?;
            let attr = def.wire;
            out.push(match (def.filter.map(|(_, k)| k), value) {
                (Some(FilterKind::Boolean), FilterValue::Bool(want)) => Predicate::Flag(attr, *want),
                (Some(FilterKind::Integer), FilterValue::Int(n)) => Predicate::Eq(attr, Operand::Int(*n)),
                (Some(FilterKind::Time), FilterValue::Time(op, at)) => Predicate::Time(attr, *op, *at),
                (_, FilterValue::Text(text)) => Predicate::Eq(attr, Operand::Text(text)),
                _ => Predicate::Never,
            });
        }
    }
    Ok(())
}
