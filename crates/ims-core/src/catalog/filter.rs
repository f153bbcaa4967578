//! Whether one image passes one list filter.

use crate::fields::{self, FilterKind};
use crate::flavor;
use crate::model::{Image, ImageType};
use crate::query::{FilterValue, QueryError};
use crate::time::Timestamp;

/// Whether `image` passes the filter `param = value`. Decisions where the document is silent:
/// - a boolean filter treats an absent flag as false (`__support_kvm=false` finds images
///   without the attribute);
/// - `enterprise_project_id=0` also finds images without the attribute (the default project),
///   and `all_granted_eps` finds every image;
/// - `flavor_id` keeps only public images the flavor can boot (see [`crate::flavor`]);
/// - `member_status` is applied by visibility, not here.
pub fn matches(image: &Image, param: &str, value: &FilterValue) -> Result<bool, QueryError> {
    match (param, value) {
        ("member_status", _) => return Ok(true),
        ("flavor_id", FilterValue::Text(flavor)) => {
            let reqs = flavor::requirements(flavor).map_err(|e| QueryError::InvalidValue {
                param: param.to_owned(),
                value: flavor.clone(),
                expected: e.to_string(),
            })?;
            let gold = image.image_type.get() == Some(&ImageType::Gold);
            return Ok(gold && reqs.iter().all(|r| r.holds(image)));
        }
        ("enterprise_project_id", FilterValue::Text(ep)) if ep == "all_granted_eps" => return Ok(true),
        ("enterprise_project_id", FilterValue::Text(ep)) if ep == "0" => {
            return Ok(image.enterprise_project_id.get().is_none_or(|v| v == "0"));
        }
        ("tag", FilterValue::Text(tag)) => return Ok(image.tags.get().is_some_and(|t| t.contains(tag))),
        _ => {}
    }
    let Some(def) = fields::field_for_param(param) else {
        return Err(QueryError::Unknown(param.to_owned()));
    };
    let attr = image.attr(def.wire);
    Ok(match (def.filter.map(|(_, k)| k), value) {
        (Some(FilterKind::Boolean), FilterValue::Bool(want)) => image.attr_flag(def.wire) == *want,
        (Some(FilterKind::Integer), FilterValue::Int(want)) => attr.and_then(|v| v.as_i64()) == Some(*want),
        (Some(FilterKind::Time), FilterValue::Time(op, at)) => {
            attr.and_then(|v| v.as_str().and_then(|s| Timestamp::parse(s).ok())).is_some_and(|t| op.holds(t, *at))
        }
        (_, FilterValue::Text(want)) => image.attr_text(def.wire).as_deref() == Some(want.as_str()),
        _ => false,
    })
}
