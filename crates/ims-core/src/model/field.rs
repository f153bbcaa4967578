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

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Option::<T>::deserialize(deserializer)?.map_or(Field::Null, Field::Value))
    }
}
