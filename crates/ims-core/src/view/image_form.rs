//! The create and edit forms' state, and how it becomes a request — the same rules the server
//! applies, so every problem shows while the user types.

use crate::backend::Flavour;
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

/// A property's value as a form shows it: strings as they are, `null` empty, other JSON as JSON.
pub fn property_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
}

impl ImageForm {
    /// The editable parts of an existing image. The backend's own attributes (Glance's
    /// `os_hidden`, `os_hash_*`, …) are not custom properties and are left out; `null` shows
    /// as an empty value.
    pub fn from_image(image: &Image, flavour: Flavour) -> Self {
        let own_key = |k: &str| flavour != Flavour::Ims && k == flavour.description_key();
        let description = match flavour {
            Flavour::Ims => image.description.get().cloned(),
            _ => image.properties.get(flavour.description_key()).map(property_text),
        };
        ImageForm {
            name: image.name.get().cloned().unwrap_or_default(),
            description: description.unwrap_or_default(),
            tags: image.tags.get().cloned().unwrap_or_default(),
            properties: image
                .properties
                .iter()
                .filter(|(k, _)| !flavour.is_base_attribute(k) && !own_key(k))
                .map(|(k, v)| (k.clone(), property_text(v)))
                .collect(),
            ..ImageForm::default()
        }
    }

    /// The properties as JSON values. A property whose text the user left as it was keeps the
    /// stored value and its JSON type (`false` stays a boolean, `null` stays null), so an
    /// untouched property is never sent; only typed text becomes a string.
    fn custom_properties(
        &self,
        original: Option<&Image>,
        problems: &mut Vec<ValidationError>,
    ) -> BTreeMap<String, serde_json::Value> {
        let mut map = BTreeMap::new();
        for (key, text) in &self.properties {
            let stored = original.and_then(|o| o.properties.get(key)).filter(|v| property_text(v) == *text);
            let value = match stored {
                Some(v) => v.clone(),
                None => {
                    let value = serde_json::Value::from(text.as_str());
                    problems.extend(validate_property(key, &value));
                    value
                }
            };
            if map.insert(key.clone(), value).is_some() {
                problems.push(ValidationError::new(key.as_str(), ValidationCode::Duplicate));
            }
        }
        map
    }

    /// The description where the backend keeps it: IMS's `__description` attribute (returned),
    /// or a property of `properties` (an untouched one keeps its stored JSON value).
    fn description_in(
        &self,
        flavour: Flavour,
        properties: &mut BTreeMap<String, serde_json::Value>,
        original: Option<&Image>,
    ) -> Field<String> {
        if flavour == Flavour::Ims {
            return if self.description.is_empty() { Field::Absent } else { self.description.clone().into() };
        }
        let key = flavour.description_key();
        let stored = original.and_then(|o| o.properties.get(key)).filter(|v| property_text(v) == self.description);
        match stored {
            Some(v) => drop(properties.insert(key.to_owned(), v.clone())),
            None if !self.description.is_empty() => {
                drop(properties.insert(key.to_owned(), self.description.clone().into()))
            }
            None => drop(properties.remove(key)),
        }
        original.map_or(Field::Absent, |o| o.description.clone())
    }

    /// The `POST /v2/images` body, or every problem with the form. Formats are checked against
    /// the backend's own vocabulary; `__os_version` is IMS's and is not sent to Glance.
    pub fn create_request(&self, flavour: Flavour) -> Result<Image, Vec<ValidationError>> {
        let mut problems = Vec::new();
        let min_disk = number("min_disk", &self.min_disk, &mut problems);
        let min_ram = number("min_ram", &self.min_ram, &mut problems);
        let mut properties = self.custom_properties(None, &mut problems);
        let description = self.description_in(flavour, &mut properties, None);
        let os_version =
            if flavour.derives_os_fields() { self.os_version.trim().to_owned().into() } else { Field::Absent };
        let request = Image {
            name: self.name.clone().into(),
            description,
            os_version,
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
        if flavour != Flavour::Ims {
            problems.retain(|p| p.field != "container_format" && p.field != "disk_format");
            let formats = [
                ("container_format", &self.container_format, flavour.container_formats()),
                ("disk_format", &self.disk_format, flavour.disk_formats()),
            ];
            for (field, value, allowed) in formats {
                if !allowed.contains(&value.as_str()) {
                    let error = ValidationError::new(field, ValidationCode::NotAllowedValue);
                    problems.push(error.with("allowed", allowed.join(", ")).with("value", value));
                }
            }
        }
        if problems.is_empty() {
            Ok(request)
        } else {
            Err(problems)
        }
    }

    /// `original` with the form's name, description, tags and custom properties — what the
    /// patch diff compares — or every problem with the form. The backend's own attributes are
    /// kept as stored.
    pub fn edited(&self, original: &Image, flavour: Flavour) -> Result<Image, Vec<ValidationError>> {
        let mut problems: Vec<ValidationError> = validate_name(&self.name).into_iter().collect();
        problems.extend(validate_description(&self.description));
        problems.extend(validate_tags(&self.tags));
        let mut properties = self.custom_properties(Some(original), &mut problems);
        let base = original.properties.iter().filter(|(k, _)| flavour.is_base_attribute(k));
        properties.extend(base.map(|(k, v)| (k.clone(), v.clone())));
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut edited = original.clone();
        edited.name = self.name.clone().into();
        edited.description = self.description_in(flavour, &mut properties, Some(original));
        edited.tags = self.tags.clone().into();
        edited.properties = properties;
        Ok(edited)
    }
}

#[cfg(test)]
mod tests;
