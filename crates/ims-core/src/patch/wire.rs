//! Reading and writing the two body shapes.

use super::{MediaType, PatchOp};
use crate::error::{ErrorCode, ImsError};
use serde_json::{Map, Value};

const V20_OPS: [&str; 3] = ["add", "replace", "remove"];

fn invalid(message: impl Into<String>) -> ImsError {
    ImsError::new(ErrorCode::InvalidPatch, message)
}

/// Parses a PATCH body of `media` type. Mixtures of the two shapes, unknown operations, extra
/// keys, missing values and nested paths are errors; nothing panics.
pub fn parse(media: MediaType, body: &[u8]) -> Result<Vec<PatchOp>, ImsError> {
    let value: Value = serde_json::from_slice(body).map_err(|e| invalid(format!("the body is not JSON: {e}")))?;
    let Value::Array(items) = value else {
        return Err(invalid("a JSON patch is an array of operations"));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let obj = item.as_object().ok_or_else(|| invalid(format!("operation {i} is not an object")))?;
            match media {
                MediaType::V2_1 => parse_v21(i, obj),
                MediaType::V2_0 => parse_v20(i, obj),
            }
        })
        .collect()
}

fn parse_v21(i: usize, obj: &Map<String, Value>) -> Result<PatchOp, ImsError> {
    if V20_OPS.iter().any(|k| obj.contains_key(*k)) {
        return Err(invalid(format!("operation {i} uses the v2.0 form in a v2.1 patch")));
    }
    if let Some(extra) = obj.keys().find(|k| !["op", "path", "value"].contains(&k.as_str())) {
        return Err(invalid(format!("operation {i} has an unknown key {extra:?}")));
    }
    let op = obj.get("op").and_then(Value::as_str).ok_or_else(|| invalid(format!("operation {i} has no \"op\"")))?;
    let path =
        obj.get("path").and_then(Value::as_str).ok_or_else(|| invalid(format!("operation {i} has no \"path\"")))?;
    build(i, op, path, obj.get("value"))
}

fn parse_v20(i: usize, obj: &Map<String, Value>) -> Result<PatchOp, ImsError> {
    if obj.contains_key("op") || obj.contains_key("path") {
        return Err(invalid(format!("operation {i} uses the v2.1 form in a v2.0 patch")));
    }
    if let Some(extra) = obj.keys().find(|k| !V20_OPS.contains(&k.as_str()) && *k != "value") {
        return Err(invalid(format!("operation {i} has an unknown key {extra:?}")));
    }
    let ops: Vec<&str> = V20_OPS.into_iter().filter(|k| obj.contains_key(*k)).collect();
    let [op] = ops[..] else {
        return Err(invalid(format!("operation {i} needs exactly one of add, replace, remove")));
    };
    let path = obj
        .get(op)
        .and_then(Value::as_str)
        .ok_or_else(|| invalid(format!("operation {i}: the path must be a string")))?;
    build(i, op, path, obj.get("value"))
}

fn build(i: usize, op: &str, path: &str, value: Option<&Value>) -> Result<PatchOp, ImsError> {
    let attr =
        decode_path(path).ok_or_else(|| invalid(format!("operation {i}: {path:?} is not a path to one attribute")))?;
    let value = || value.cloned().ok_or_else(|| invalid(format!("operation {i}: {op} needs a \"value\"")));
    match op {
        "add" => Ok(PatchOp::Add { attr, value: value()? }),
        "replace" => Ok(PatchOp::Replace { attr, value: value()? }),
        "remove" => Ok(PatchOp::Remove { attr }),
        other => Err(invalid(format!("operation {i}: unknown op {other:?}"))),
    }
}

/// `/name` → `name`, with JSON-pointer escapes (`~1` → `/`, `~0` → `~`); one segment only.
fn decode_path(path: &str) -> Option<String> {
    let segment = path.strip_prefix('/')?;
    if segment.is_empty() || segment.contains('/') {
        return None;
    }
    let mut out = String::with_capacity(segment.len());
    let mut chars = segment.chars();
    while let Some(c) = chars.next() {
        if c != '~' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('0') => out.push('~'),
            Some('1') => out.push('/'),
            _ => return None,
        }
    }
    Some(out)
}

fn encode_path(attr: &str) -> String {
    format!("/{}", attr.replace('~', "~0").replace('/', "~1"))
}

/// The body to send for `ops` in `media` type.
pub fn to_body(ops: &[PatchOp], media: MediaType) -> Value {
    Value::Array(
        ops.iter()
            .map(|op| {
                let mut obj = Map::new();
                let path = Value::from(encode_path(op.attr()));
                match media {
                    MediaType::V2_1 => {
                        obj.insert("op".into(), op.op_name().into());
                        obj.insert("path".into(), path);
                    }
                    MediaType::V2_0 => {
                        obj.insert(op.op_name().into(), path);
                    }
                }
                if let PatchOp::Add { value, .. } | PatchOp::Replace { value, .. } = op {
                    obj.insert("value".into(), value.clone());
                }
                Value::Object(obj)
            })
            .collect(),
    )
}
