//! The server's PATCH rules, as a pure function.

use super::PatchOp;
use crate::error::{ErrorCode, ImsError};
use crate::fields;
use crate::model::{Field, Image};
use crate::validate::{
    validate_description, validate_name, validate_property, validate_tags, ValidationCode, ValidationError,
};
use serde_json::Value;

/// Applies `ops` in order to a copy of `image`. The first refused operation fails the whole
/// patch, so nothing is half-applied. `updated_at` is the caller's business.
pub fn apply(image: &Image, ops: &[PatchOp]) -> Result<Image, ImsError> {
    let mut out = image.clone();
    for op in ops {
        apply_one(&mut out, op)?;
    }
    Ok(out)
}

fn apply_one(image: &mut Image, op: &PatchOp) -> Result<(), ImsError> {
    let attr = op.attr();
    let Some(def) = fields::field(attr) else {
        return apply_custom(image, op);
    };
    if !def.editable {
        let mut error = ImsError::new(ErrorCode::ReadOnlyAttribute, format!("Attribute '{attr}' is read-only"));
        error.details = vec![ValidationError::new(attr, ValidationCode::ReadOnly)];
        return Err(error);
    }
    match (attr, op) {
        ("name", PatchOp::Add { value, .. } | PatchOp::Replace { value, .. }) => {
            let name = string_value(attr, value)?;
            check(validate_name(&name).into_iter().collect())?;
            image.name = Field::Value(name);
        }
        ("__description", PatchOp::Add { value, .. } | PatchOp::Replace { value, .. }) => {
            let text = string_value(attr, value)?;
            check(validate_description(&text).into_iter().collect())?;
            image.description = Field::Value(text);
        }
        ("__description", PatchOp::Remove { .. }) => {
            if !image.description.is_set() {
                return Err(missing(attr));
            }
            image.description = Field::Absent;
        }
        ("tags", PatchOp::Add { value, .. } | PatchOp::Replace { value, .. }) => {
            let tags: Vec<String> = serde_json::from_value(value.clone())
                .map_err(|_| ImsError::invalid(vec![type_error(attr, "array of strings")]))?;
            check(validate_tags(&tags))?;
            image.tags = Field::Value(tags);
        }
        _ => {
            return Err(ImsError::new(ErrorCode::Forbidden, format!("Attribute '{attr}' cannot be removed")));
        }
    }
    Ok(())
}

fn apply_custom(image: &mut Image, op: &PatchOp) -> Result<(), ImsError> {
    let attr = op.attr();
    match op {
        PatchOp::Add { value, .. } | PatchOp::Replace { value, .. } => {
            check(validate_property(attr, value))?;
            if matches!(op, PatchOp::Replace { .. }) && !image.properties.contains_key(attr) {
                return Err(missing(attr));
            }
            image.properties.insert(attr.to_owned(), value.clone());
        }
        PatchOp::Remove { .. } => {
            image.properties.remove(attr).ok_or_else(|| missing(attr))?;
        }
    }
    Ok(())
}

fn check(problems: Vec<ValidationError>) -> Result<(), ImsError> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ImsError::invalid(problems))
    }
}

fn missing(attr: &str) -> ImsError {
    let mut error = ImsError::new(ErrorCode::PropertyMissing, format!("Property '{attr}' does not exist"));
    error.details = vec![ValidationError::new(attr, ValidationCode::Missing)];
    error
}

fn type_error(attr: &str, expected: &str) -> ValidationError {
    ValidationError::new(attr, ValidationCode::InvalidType).with("expected", expected)
}

fn string_value(attr: &str, value: &Value) -> Result<String, ImsError> {
    value.as_str().map(str::to_owned).ok_or_else(|| ImsError::invalid(vec![type_error(attr, "string")]))
}
