//! The field registry: one row per documented image attribute. The console's table columns,
//! filter builder and detail view, the list query's parameters and the patch rules all read
//! this one table.

mod table;
mod value_label;

pub use table::FIELDS;
pub use value_label::value_label_zh;

/// What kind of value an attribute holds on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Text,
    Integer,
    Boolean,
    /// A string that carries a boolean (`"true"`).
    FlagText,
    /// A string that carries a number of bytes (`"449261568"`).
    ByteCount,
    /// One of the listed values (open: others may appear).
    Enum(&'static [&'static str]),
    /// A UTC time, `yyyy-MM-ddThh:mm:ssZ`.
    Time,
    /// A list of strings (tags).
    TextList,
}

/// How a list query filters on an attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterKind {
    /// Exact text match.
    Exact,
    /// `true` / `false`; an absent flag counts as false.
    Boolean,
    /// Exact integer match.
    Integer,
    /// One of the listed values.
    Enum(&'static [&'static str]),
    /// `op:time` with op gt, gte, lt, lte, eq or neq.
    Time,
}

/// Where the detail view shows an attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Basic,
    Os,
    Capabilities,
    Storage,
    Timestamps,
    /// `self`, `file`, `schema`.
    Links,
}

/// One documented attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldDef {
    /// The exact wire name.
    pub wire: &'static str,
    pub label_en: &'static str,
    pub label_zh: &'static str,
    pub kind: ValueKind,
    pub group: Group,
    /// The list query parameter that filters on it, and how.
    pub filter: Option<(&'static str, FilterKind)>,
    /// Whether it is one of the spec's sort keys.
    pub sortable: bool,
    /// Whether PATCH may change it.
    pub editable: bool,
    /// Whether the image table shows it before the user picks columns.
    pub default_column: bool,
}

impl FieldDef {
    pub(crate) const fn new(
        wire: &'static str,
        label_en: &'static str,
        label_zh: &'static str,
        kind: ValueKind,
        group: Group,
    ) -> Self {
        FieldDef {
            wire,
            label_en,
            label_zh,
            kind,
            group,
            filter: None,
            sortable: false,
            editable: false,
            default_column: false,
        }
    }

    /// Filterable by the parameter of the same name.
    pub(crate) const fn filter(self, kind: FilterKind) -> Self {
        FieldDef { filter: Some((self.wire, kind)), ..self }
    }

    pub(crate) const fn filter_as(self, param: &'static str, kind: FilterKind) -> Self {
        FieldDef { filter: Some((param, kind)), ..self }
    }

    pub(crate) const fn sort(self) -> Self {
        FieldDef { sortable: true, ..self }
    }

    pub(crate) const fn edit(self) -> Self {
        FieldDef { editable: true, ..self }
    }

    pub(crate) const fn column(self) -> Self {
        FieldDef { default_column: true, ..self }
    }

    /// The flat kebab-case translation id, e.g. `field-os-version` for `__os_version`.
    pub fn label_key(&self) -> String {
        format!("field-{}", self.wire.trim_start_matches('_').replace('_', "-"))
    }
}

/// Attributes the server sets from an image's uploaded data (as Glance names them), kept among
/// its properties rather than as typed fields or registry rows — each of those costs the
/// console's wasm — and refused in a patch like every read-only attribute.
pub const DATA_ATTRIBUTES: &[&str] = &["os_hash_algo", "os_hash_value"];

/// The row of a documented attribute; `None` means a custom property.
pub fn field(wire: &str) -> Option<&'static FieldDef> {
    FIELDS.iter().find(|f| f.wire == wire)
}

/// The row whose list query parameter is `param` (`tag` → `tags`).
pub fn field_for_param(param: &str) -> Option<&'static FieldDef> {
    FIELDS.iter().find(|f| f.filter.is_some_and(|(p, _)| p == param))
}

/// Whether PATCH may change `key`: the editable attributes and any custom property.
pub fn is_patchable(key: &str) -> bool {
    field(key).is_none_or(|f| f.editable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Image;
    use std::collections::HashSet;

    #[test]
    fn one_row_per_documented_attribute() {
        let rows: Vec<_> = FIELDS.iter().map(|f| f.wire).collect();
        assert_eq!(rows.iter().collect::<HashSet<_>>().len(), rows.len(), "duplicate rows");
        let mut documented = Image::DOCUMENTED.to_vec();
        let mut registered = rows.clone();
        documented.sort_unstable();
        registered.sort_unstable();
        assert_eq!(registered, documented);
    }

    #[test]
    fn sort_keys_and_editable_fields_are_exactly_the_specs() {
        let sortable: HashSet<_> = FIELDS.iter().filter(|f| f.sortable).map(|f| f.wire).collect();
        let spec: HashSet<_> = ["name", "container_format", "disk_format", "status", "id", "size", "created_at"].into();
        assert_eq!(sortable, spec);
        let editable: HashSet<_> = FIELDS.iter().filter(|f| f.editable).map(|f| f.wire).collect();
        assert_eq!(editable, ["name", "__description", "tags"].into());
        assert!(is_patchable("aaaa") && is_patchable("name") && !is_patchable("status"));
    }

    #[test]
    fn labels_exist_in_both_languages_and_keys_are_kebab_case() {
        for f in FIELDS {
            assert!(!f.label_en.is_empty() && !f.label_zh.is_empty(), "{}", f.wire);
            let key = f.label_key();
            assert!(key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{key}");
        }
        assert_eq!(field("__os_version").map(FieldDef::label_key).as_deref(), Some("field-os-version"));
        assert_eq!(field_for_param("tag").map(|f| f.wire), Some("tags"));
    }

    #[test]
    fn the_table_starts_with_the_designs_columns_and_every_list_filter_has_its_row() {
        // DESIGN "Field registry": the registry says which columns show before the user picks.
        let shown: Vec<_> = FIELDS.iter().filter(|f| f.default_column).map(|f| f.wire).collect();
        let want = [
            "name",
            "status",
            "__imagetype",
            "__os_version",
            "__platform",
            "disk_format",
            "__image_size",
            "created_at",
        ];
        assert_eq!(shown, want);
        for (param, _) in
            crate::query::FILTER_PARAMS.iter().filter(|(p, _)| !matches!(*p, "flavor_id" | "member_status"))
        {
            let row = field_for_param(param).unwrap_or_else(|| panic!("{param} has no row"));
            assert_eq!(row.filter.map(|(p, _)| p), Some(*param));
        }
        assert_eq!(field_for_param("name").map(|f| f.filter), Some(Some(("name", FilterKind::Exact))));
        assert_eq!(field("created_at").and_then(|f| f.filter), Some(("created_at", FilterKind::Time)));
        assert!(field("no_such_attribute").is_none() && field_for_param("no_such_param").is_none());
    }
}
