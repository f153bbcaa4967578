//! Input rules shared by the console's forms and the server: every problem at once, each as
//! `{field, code, params}` with a stable code the console translates.

use crate::model::{ContainerFormat, DiskFormat, Image, Visibility};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Longest name, tag, custom key, and `__os_version` accepted on input (DESIGN "Ranges"; the
/// response table's 128 for names is only a hint).
pub const MAX_TEXT: usize = 255;
/// Longest `__description` accepted.
pub const MAX_DESCRIPTION: usize = 1024;
/// Largest stored image document (its JSON), so repeated PATCHes cannot grow one image without
/// bound; a change beyond it is 413 `ImageTooLarge`. 64 KiB holds the ~60 attributes many times over.
pub const MAX_IMAGE_DOCUMENT: usize = 64 * 1024;
/// `min_disk` accepted on input; the documents' 40 is only a warning (their own sample uses 1).
pub const MIN_DISK_RANGE: (i64, i64) = (0, 1024);
/// `min_disk` range the documents recommend.
pub const MIN_DISK_DOCUMENTED: (i64, i64) = (40, 1024);
/// Attributes a create request may set, besides custom properties.
pub const CREATE_FIELDS: &[&str] = &[
    "name",
    "__os_version",
    "visibility",
    "protected",
    "container_format",
    "disk_format",
    "tags",
    "min_ram",
    "min_disk",
    "__description",
];
/// Disk formats accepted on create (`iso` only appears in lists).
pub const CREATE_DISK_FORMATS: &[DiskFormat] =
    &[DiskFormat::Vhd, DiskFormat::Zvhd, DiskFormat::Zvhd2, DiskFormat::Raw, DiskFormat::Qcow2];

/// Why a value was refused. The wire form is the snake_case name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValidationCode {
    Required,
    TooShort,
    TooLong,
    OutOfRange,
    NotAllowedValue,
    InvalidType,
    InvalidFormat,
    Duplicate,
    ReadOnly,
    /// replace or remove of a custom property the image does not have.
    Missing,
    /// Not an error: a value outside the documented recommendation.
    OutsideRecommendedRange,
}

/// One problem with one field (`field` is the wire name, or the custom property's key).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ValidationError {
    pub field: String,
    pub code: ValidationCode,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, String>,
}

impl ValidationError {
    pub fn new(field: impl Into<String>, code: ValidationCode) -> Self {
        ValidationError { field: field.into(), code, params: BTreeMap::new() }
    }

    pub fn with(mut self, key: &str, value: impl ToString) -> Self {
        self.params.insert(key.to_owned(), value.to_string());
        self
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = serde_json::to_value(self.code).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        write!(f, "{}: {code}", self.field)?;
        for (k, v) in &self.params {
            write!(f, " {k}={v}")?;
        }
        Ok(())
    }
}

/// A text of `min..=max` characters.
pub fn check_length(field: &str, value: &str, min: usize, max: usize) -> Option<ValidationError> {
    let n = value.chars().count();
    if n < min {
        Some(
            ValidationError::new(
                field,
                if min == 1 && n == 0 { ValidationCode::Required } else { ValidationCode::TooShort },
            )
            .with("min", min),
        )
    } else if n > max {
        Some(ValidationError::new(field, ValidationCode::TooLong).with("max", max).with("length", n))
    } else {
        None
    }
}

/// An image name: 1–255 characters.
pub fn validate_name(name: &str) -> Option<ValidationError> {
    check_length("name", name, 1, MAX_TEXT)
}

/// A description: at most 1024 characters, empty allowed.
pub fn validate_description(text: &str) -> Option<ValidationError> {
    check_length("__description", text, 0, MAX_DESCRIPTION)
}

/// A tag list: each tag 1–255 characters, no tag twice.
pub fn validate_tags(tags: &[String]) -> Vec<ValidationError> {
    let mut problems = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        if let Some(p) = check_length("tags", tag, 1, MAX_TEXT) {
            problems.push(p.with("index", i));
        } else if tags[..i].contains(tag) {
            problems.push(ValidationError::new("tags", ValidationCode::Duplicate).with("index", i).with("value", tag));
        }
    }
    problems
}

/// A custom property: key 1–255 characters, not a documented attribute, value a string
/// (empty allowed).
pub fn validate_property(key: &str, value: &serde_json::Value) -> Vec<ValidationError> {
    let mut problems = Vec::new();
    if let Some(p) = check_length(key, key, 1, MAX_TEXT) {
        problems.push(p.with("part", "key"));
    }
    if crate::fields::field(key).is_some() || crate::fields::DATA_ATTRIBUTES.contains(&key) {
        problems.push(ValidationError::new(key, ValidationCode::ReadOnly));
    }
    if !value.is_string() {
        problems.push(ValidationError::new(key, ValidationCode::InvalidType).with("expected", "string"));
    }
    problems
}

/// A project id as IMS issues them: 32 lower-case hexadecimal characters.
pub fn validate_project_id(id: &str) -> Option<ValidationError> {
    let ok = id.len() == 32 && id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    (!ok).then(|| ValidationError::new("member", ValidationCode::InvalidFormat).with("value", id))
}

/// Every problem with a create request (`POST /v2/images`).
pub fn validate_create(request: &Image) -> Vec<ValidationError> {
    let mut problems = Vec::new();
    if let Some(name) = request.name.get() {
        problems.extend(validate_name(name));
    }
    if let Some(v) = request.os_version.get() {
        problems.extend(check_length("__os_version", v, 1, MAX_TEXT));
    }
    if let Some(d) = request.description.get() {
        problems.extend(validate_description(d));
    }
    if let Some(v) = request.visibility.get().filter(|v| **v != Visibility::Private) {
        problems.push(
            ValidationError::new("visibility", ValidationCode::NotAllowedValue)
                .with("allowed", "private")
                .with("value", v),
        );
    }
    if let Some(c) = request.container_format.get().filter(|c| **c != ContainerFormat::Bare) {
        problems.push(
            ValidationError::new("container_format", ValidationCode::NotAllowedValue)
                .with("allowed", "bare")
                .with("value", c),
        );
    }
    if let Some(d) = request.disk_format.get().filter(|d| !CREATE_DISK_FORMATS.contains(d)) {
        let allowed = CREATE_DISK_FORMATS.iter().map(DiskFormat::as_str).collect::<Vec<_>>().join(", ");
        problems.push(
            ValidationError::new("disk_format", ValidationCode::NotAllowedValue)
                .with("allowed", allowed)
                .with("value", d),
        );
    }
    if let Some(&m) = request.min_disk.get().filter(|m| !(MIN_DISK_RANGE.0..=MIN_DISK_RANGE.1).contains(*m)) {
        problems.push(range_error("min_disk", m, MIN_DISK_RANGE.0, Some(MIN_DISK_RANGE.1)));
    }
    if let Some(&m) = request.min_ram.get().filter(|m| **m < 0) {
        problems.push(range_error("min_ram", m, 0, None));
    }
    if let Some(tags) = request.tags.get() {
        problems.extend(validate_tags(tags));
    }
    for field in set_documented_fields(request) {
        if !CREATE_FIELDS.contains(&field) {
            problems.push(ValidationError::new(field, ValidationCode::ReadOnly));
        }
    }
    for (key, value) in &request.properties {
        problems.extend(validate_property(key, value));
    }
    problems
}

/// Advice that does not block a create: `min_disk` outside IMS's documented 40–1024 (Glance
/// documents no such range, so it gets no such advice).
pub fn create_warnings(request: &Image, flavour: crate::Flavour) -> Vec<ValidationError> {
    if flavour != crate::Flavour::Ims {
        return Vec::new();
    }
    let (lo, hi) = MIN_DISK_DOCUMENTED;
    match request.min_disk.get() {
        Some(&m) if (MIN_DISK_RANGE.0..=MIN_DISK_RANGE.1).contains(&m) && !(lo..=hi).contains(&m) => {
            vec![ValidationError::new("min_disk", ValidationCode::OutsideRecommendedRange)
                .with("min", lo)
                .with("max", hi)]
        }
        _ => Vec::new(),
    }
}

fn range_error(field: &str, value: i64, min: i64, max: Option<i64>) -> ValidationError {
    let e = ValidationError::new(field, ValidationCode::OutOfRange).with("min", min).with("value", value);
    match max {
        Some(max) => e.with("max", max),
        None => e,
    }
}

/// Wire names of the documented attributes present (value or `null`) in `image`.
fn set_documented_fields(image: &Image) -> Vec<&'static str> {
    match serde_json::to_value(image) {
        Ok(serde_json::Value::Object(map)) => {
            Image::DOCUMENTED.iter().copied().filter(|name| map.contains_key(*name)).collect()
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests;
