//! The operations that turn one image into an edited copy: what the edit form previews and sends.

use super::PatchOp;
use crate::model::{Field, Image};
use serde_json::Value;

/// The editable differences between `original` and `edited`, in a stable order: name,
/// description, tags, then custom properties by key. Differences in read-only attributes are
/// ignored (the form never changes them).
pub fn diff(original: &Image, edited: &Image) -> Vec<PatchOp> {
    let mut ops = Vec::new();
    if let (Some(name), true) = (edited.name.get(), original.name.get() != edited.name.get()) {
        ops.push(PatchOp::Replace { attr: "name".into(), value: Value::from(name.as_str()) });
    }
    match (original.description.get(), edited.description.get()) {
        (None, Some(d)) => ops.push(PatchOp::Add { attr: "__description".into(), value: Value::from(d.as_str()) }),
        (Some(a), Some(b)) if a != b => {
            ops.push(PatchOp::Replace { attr: "__description".into(), value: Value::from(b.as_str()) });
        }
        (Some(_), None) => ops.push(PatchOp::Remove { attr: "__description".into() }),
        _ => {}
    }
    let no_tags = Vec::new();
    let (before, after) = (original.tags.get().unwrap_or(&no_tags), edited.tags.get().unwrap_or(&no_tags));
    if before != after && !matches!((&original.tags, &edited.tags), (_, Field::Absent)) {
        ops.push(PatchOp::Replace { attr: "tags".into(), value: Value::from(after.clone()) });
    }
    for (key, value) in &edited.properties {
        match original.properties.get(key) {
            None => ops.push(PatchOp::Add { attr: key.clone(), value: value.clone() }),
            Some(old) if old != value => ops.push(PatchOp::Replace { attr: key.clone(), value: value.clone() }),
            Some(_) => {}
        }
    }
    for key in original.properties.keys().filter(|k| !edited.properties.contains_key(*k)) {
        ops.push(PatchOp::Remove { attr: key.clone() });
    }
    ops
}
