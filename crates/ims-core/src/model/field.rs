//! A tri-state optional attribute: absent, explicitly `null`, or a value.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One optional attribute of an API object.
///
/// IMS responses carry `null` for some attributes (`virtual_size`, `__data_origin`) and omit
/// others. A plain `Option` would turn an explicit `null` into an absent key on re-encoding, so a
/// decoded image could not be written back unchanged; `Field` keeps the difference.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum Field<T> {
    /// The key is not in the object.
    #[default]
    Absent,
    /// The key is present with the value `null`.
    Null,
    /// The key is present with a value.
    Value(T),
}

impl<T> Field<T> {
    /// The value, if there is one (absent and `null` both read as "no value").
    pub fn get(&self) -> Option<&T> {
        match self {
            Field::Value(v) => Some(v),
            _ => None,
        }
    }

    /// The value, or `default` when absent or `null`.
    pub fn value_or(&self, default: T) -> T
    where
        T: Clone,
    {
        self.get().cloned().unwrap_or(default)
    }

    /// Whether the key is missing from the object (used to skip it when encoding).
    pub fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }

    /// Whether the field holds a value.
    pub fn is_set(&self) -> bool {
        matches!(self, Field::Value(_))
    }
}

impl<T> From<T> for Field<T> {
    fn from(value: T) -> Self {
        Field::Value(value)
    }
}

impl<T> From<Option<T>> for Field<T> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Field::Absent, Field::Value)
    }
}

impl<T: Serialize> Serialize for Field<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Field::Value(v) => v.serialize(serializer),
            Field::Absent | Field::Null => serializer.serialize_none(),
        }
    }
}

impl<'de, T: WireValue> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::Null => Ok(Field::Null),
            value => T::from_wire(value).map(Field::Value).map_err(serde::de::Error::custom),
        }
    }
}

/// How an attribute's value is read from JSON, leniently: the documents type many attributes
/// as strings that carry booleans or numbers, and services are not always consistent, so a
/// string attribute also accepts a JSON boolean or number (`true` reads as `"true"`), a boolean
/// accepts `"true"`/`"false"`, and an integer accepts a numeric string. A value that cannot be
/// read as the attribute's type is an error naming what was expected.
pub trait WireValue: Sized {
    fn from_wire(value: serde_json::Value) -> Result<Self, String>;
}

fn expected(what: &str, value: &serde_json::Value) -> String {
    format!("invalid type: {value}, expected {what}")
}

impl WireValue for String {
    fn from_wire(value: serde_json::Value) -> Result<Self, String> {
        match value {
            serde_json::Value::String(s) => Ok(s),
            serde_json::Value::Bool(b) => Ok(b.to_string()),
            serde_json::Value::Number(n) => Ok(n.to_string()),
            other => Err(expected("a string", &other)),
        }
    }
}

impl WireValue for bool {
    fn from_wire(value: serde_json::Value) -> Result<Self, String> {
        match &value {
            serde_json::Value::Bool(b) => Ok(*b),
            serde_json::Value::String(s) if s.eq_ignore_ascii_case("true") => Ok(true),
            serde_json::Value::String(s) if s.eq_ignore_ascii_case("false") => Ok(false),
            _ => Err(expected("a boolean", &value)),
        }
    }
}

impl WireValue for i64 {
    fn from_wire(value: serde_json::Value) -> Result<Self, String> {
        match &value {
            serde_json::Value::Number(n) => n.as_i64().ok_or_else(|| expected("an integer", &value)),
            serde_json::Value::String(s) => s.trim().parse().map_err(|_| expected("an integer", &value)),
            _ => Err(expected("an integer", &value)),
        }
    }
}

impl WireValue for Vec<String> {
    fn from_wire(value: serde_json::Value) -> Result<Self, String> {
        match value {
            serde_json::Value::Array(items) => items.into_iter().map(String::from_wire).collect(),
            other => Err(expected("a list of strings", &other)),
        }
    }
}
