//! The small closed vocabularies of the list query: time operators, sort keys, directions.

use crate::time::Timestamp;
use std::fmt;

macro_rules! wire_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

wire_enum!(
    /// The comparison of a `created_at` / `updated_at` filter.
    TimeOp { Gt => "gt", Gte => "gte", Lt => "lt", Lte => "lte", Eq => "eq", Neq => "neq" }
);
wire_enum!(
    /// The spec's sort keys.
    SortKey {
        Name => "name", ContainerFormat => "container_format", DiskFormat => "disk_format", Status => "status",
        Id => "id", Size => "size", CreatedAt => "created_at"
    }
);
wire_enum!(
    /// Sort direction.
    SortDir { Asc => "asc", Desc => "desc" }
);

impl TimeOp {
    /// Whether `value op reference` holds.
    pub fn holds(self, value: Timestamp, reference: Timestamp) -> bool {
        match self {
            TimeOp::Gt => value > reference,
            TimeOp::Gte => value >= reference,
            TimeOp::Lt => value < reference,
            TimeOp::Lte => value <= reference,
            TimeOp::Eq => value == reference,
            TimeOp::Neq => value != reference,
        }
    }
}
