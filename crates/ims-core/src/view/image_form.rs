//! The create and edit forms' state, and how it becomes a request — the same rules the server
//! applies, so every problem shows while the user types.

use crate::model::{ContainerFormat, DiskFormat, Field, Image};
use crate::os::DEFAULT_OS_VERSION;
use crate::validate::{
    validate_create, validate_description, validate_name, validate_property, validate_tags, ValidationCode,
    ValidationError,
};
use std::collections::BTreeMap;

/// What the user typed, as text (numbers included, so a half-typed value is not lost).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageForm {
    pub name: String,
    pub description: String,
    pub os_version: String,
    pub container_format: String,
    pub disk_format: String,
    pub min_disk: String,
    pub min_ram: String,
    pub protected: bool,
    pub tags: Vec<String>,
    /// Custom properties in the order the user added them.
    pub properties: Vec<(String, String)>,
}

impl Default for ImageForm {
    /// A new image with the documented defaults (DESIGN "Create defaults").
    fn default() -> Self {
        ImageForm {
            name: String::new(),
            description: String::new(),
            os_version: DEFAULT_OS_VERSION.to_owned(),
            container_format: ContainerFormat::Bare.as_str().to_owned(),
            disk_format: DiskFormat::Vhd.as_str().to_owned(),
            min_disk: "0".to_owned(),
            min_ram: "0".to_owned(),
            protected: false,
            tags: Vec::new(),
            properties: Vec::new(),
        }
    }
}

fn number(field: &str, text: &str, problems: &mut Vec<ValidationError>) -> Option<i64> {
    match text.trim().parse() {
        Ok(n) => Some(n),
        Err(_) => {
            problems.push(ValidationError::new(field, ValidationCode::InvalidFormat).with("value", text));
            None
        }
    }
}

impl ImageForm {
    /// The editable parts of an existing image.
    pub fn from_image(image: &Image) -> Self {
        ImageForm {
            name: image.name.get().cloned().unwrap_or_default(),
            description: image.description.get().cloned().unwrap_or_default(),
            tags: image.tags.get().cloned().unwrap_or_default(),
            properties: image
                .properties
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().map_or_else(|| v.to_string(), str::to_owned)))
                .collect(),
            ..ImageForm::default()
        }
    }

    fn custom_properties(&self, problems: &mut Vec<ValidationError>) -> BTreeMap<String, serde_json::Value> {
        let mut map = BTreeMap::new();
        for (key, value) in &self.properties {
            let value = serde_json::Value::from(value.as_str());
            problems.extend(validate_property(key, &value));
            if map.insert(key.clone(), value).is_some() {
                problems.push(ValidationError::new(key.as_str(), ValidationCode::Duplicate));
            }
        }
        map
    }

    /// The `POST /v2/images` body, or every problem with the form.
    pub fn create_request(&self) -> Result<Image, Vec<ValidationError>> {
        let mut problems = Vec::new();
        let min_disk = number("min_disk", &self.min_disk, &mut problems);
        let min_ram = number("min_ram", &self.min_ram, &mut problems);
        let properties = self.custom_properties(&mut problems);
        let request = Image {
            name: self.name.clone().into(),
            description: if self.description.is_empty() { Field::Absent } else { self.description.clone().into() },
            os_version: self.os_version.trim().to_owned().into(),
            visibility: crate::model::Visibility::Private.into(),
            container_format: ContainerFormat::from_wire(&self.container_format).into(),
            disk_format: DiskFormat::from_wire(&self.disk_format).into(),
            min_disk: min_disk.into(),
            min_ram: min_ram.into(),
            protected: self.protected.into(),
            tags: self.tags.clone().into(),
            properties,
            ..Image::default()
        };
        problems.extend(validate_create(&request));
        if problems.is_empty() {
            Ok(request)
        } else {
            Err(problems)
        }
    }

    /// `original` with the form's name, description, tags and custom properties — what the
    /// patch diff compares — or every problem with the form.
    pub fn edited(&self, original: &Image) -> Result<Image, Vec<ValidationError>> {
        let mut problems: Vec<ValidationError> = validate_name(&self.name).into_iter().collect();
        problems.extend(validate_description(&self.description));
        problems.extend(validate_tags(&self.tags));
        let properties = self.custom_properties(&mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut edited = original.clone();
        edited.name = self.name.clone().into();
        edited.description = if self.description.is_empty() { Field::Absent } else { self.description.clone().into() };
        edited.tags = self.tags.clone().into();
        edited.properties = properties;
        Ok(edited)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patch::{diff, PatchOp};
    use serde_json::json;

    #[test]
    fn defaults_make_a_valid_request_once_named() {
        let form = ImageForm { name: "web".into(), ..ImageForm::default() };
        let request = form.create_request().unwrap();
        let wire = serde_json::to_value(&request).unwrap();
        assert_eq!(wire["disk_format"], "vhd");
        assert_eq!(wire["__os_version"], "Other Linux(64 bit)");
        assert_eq!(wire["visibility"], "private");
    }

    #[test]
    fn every_problem_is_reported_at_its_field() {
        let form = ImageForm {
            name: "x".repeat(256),
            min_disk: "lots".into(),
            min_ram: "-1".into(),
            tags: vec!["".into()],
            properties: vec![("k".into(), "1".into()), ("k".into(), "2".into()), ("status".into(), "x".into())],
            ..ImageForm::default()
        };
        let fields: Vec<String> = form.create_request().unwrap_err().into_iter().map(|p| p.field).collect();
        for f in ["name", "min_disk", "min_ram", "tags", "k", "status"] {
            assert!(fields.iter().any(|x| x == f), "{f} missing from {fields:?}");
        }
    }

    #[test]
    fn an_edit_diffs_to_the_operations_the_user_made() {
        let original: Image =
            serde_json::from_value(json!({"name": "a", "tags": ["t"], "keep": "1", "drop": "2"})).unwrap();
        let mut form = ImageForm::from_image(&original);
        assert_eq!(diff(&original, &form.edited(&original).unwrap()), []);
        form.name = "b".into();
        form.properties.retain(|(k, _)| k != "drop");
        form.properties.push(("new".into(), "3".into()));
        let ops = diff(&original, &form.edited(&original).unwrap());
        assert_eq!(
            ops,
            [
                PatchOp::Replace { attr: "name".into(), value: json!("b") },
                PatchOp::Add { attr: "new".into(), value: json!("3") },
                PatchOp::Remove { attr: "drop".into() },
            ]
        );
        form.name = String::new();
        assert_eq!(form.edited(&original).unwrap_err()[0].field, "name");
    }
}
