//! The image object of the IMS and Glance v2 APIs.

use super::enums::*;
use super::field::{Field, WireValue};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

/// Removes one attribute from a JSON object and reads it as a [`Field`]; a value of the wrong
/// type is kept in `error` (the first one only) and read as absent. Never inlined, and with no
/// early return per attribute: one plain call per attribute keeps the decoder small in the
/// console's wasm.
#[inline(never)]
fn take<T: WireValue>(
    map: &mut serde_json::Map<String, serde_json::Value>,
    wire: &str,
    error: &mut Option<String>,
) -> Field<T> {
    match map.remove(wire) {
        None => Field::Absent,
        Some(serde_json::Value::Null) => Field::Null,
        Some(value) => T::from_wire(value).map(Field::Value).unwrap_or_else(|e| {
            error.get_or_insert_with(|| format!("{wire}: {e}"));
            Field::Absent
        }),
    }
}

macro_rules! image_struct {
    ($($(#[$meta:meta])* $field:ident: $ty:ty => $wire:literal,)+) => {
        /// An image as the API sends it: every documented attribute as a typed optional field
        /// under its exact wire name, and every other key — the user's custom properties and
        /// anything a newer server adds — in [`Image::properties`], kept and written back
        /// untouched. Unknown keys never fail decoding; `null` is accepted everywhere.
        ///
        /// Attributes the service sends as strings (`"__os_bit": "64"`,
        /// `"__isregistered": "true"`) stay strings so the wire form round-trips; typed
        /// readers such as [`Image::image_size_bytes`] interpret them.
        #[derive(Debug, Clone, PartialEq, Default)]
        pub struct Image {
            $(
                $(#[$meta])*
                pub $field: Field<$ty>,
            )+
            /// Custom properties (`"aaaa": "11111"`) and undocumented keys.
            pub properties: BTreeMap<String, serde_json::Value>,
        }

        // Hand-written rather than derived with `#[serde(flatten)]`: reading through one JSON
        // map is far less code in the console's wasm, and a type error names its attribute.
        impl Serialize for Image {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(None)?;
                $(
                    if !self.$field.is_absent() {
                        map.serialize_entry($wire, &self.$field)?;
                    }
                )+
                for (key, value) in &self.properties {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }

        impl<'de> Deserialize<'de> for Image {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let mut map = serde_json::Map::<String, serde_json::Value>::deserialize(deserializer)?;
                let mut error = None;
                let image = Image {
                    $($field: take(&mut map, $wire, &mut error),)+
                    // `extend` inserts one by one (the map's keys come sorted); `collect`
                    // would sort them again, with its own copy of the sort in the wasm.
                    properties: {
                        let mut properties = BTreeMap::new();
                        properties.extend(map);
                        properties
                    },
                };
                match error {
                    Some(e) => Err(serde::de::Error::custom(e)),
                    None => Ok(image),
                }
            }
        }

        impl Image {
            /// Wire names of every documented attribute, in declaration order.
            pub const DOCUMENTED: &'static [&'static str] = &[$($wire),+];

            /// The wire value of an attribute or custom property by its wire name; `None` when
            /// absent or `null`. This is how registry-driven code (filters, columns, the detail
            /// view) reads an image without a match of its own.
            pub fn attr(&self, wire: &str) -> Option<serde_json::Value> {
                match wire {
                    $($wire => self.$field.get().and_then(|v| serde_json::to_value(v).ok()),)+
                    other => self.properties.get(other).filter(|v| !v.is_null()).cloned(),
                }
            }
        }
    };
}

image_struct! {
    id: String => "id",
    name: String => "name",
    status: ImageStatus => "status",
    visibility: Visibility => "visibility",
    image_type: ImageType => "__imagetype",
    owner: String => "owner",
    tags: Vec<String> => "tags",
    protected: bool => "protected",
    deleted: bool => "deleted",
    container_format: ContainerFormat => "container_format",
    disk_format: DiskFormat => "disk_format",
    min_ram: i64 => "min_ram",
    min_disk: i64 => "min_disk",
    max_ram: String => "max_ram",
    size: i64 => "size",
    virtual_size: i64 => "virtual_size",
    checksum: String => "checksum",
    created_at: String => "created_at",
    updated_at: String => "updated_at",
    active_at: String => "active_at",
    deleted_at: String => "deleted_at",
    self_link: String => "self",
    file: String => "file",
    schema: String => "schema",
    description: String => "__description",
    os_version: String => "__os_version",
    os_type: OsType => "__os_type",
    platform: Platform => "__platform",
    os_bit: String => "__os_bit",
    is_registered: String => "__isregistered",
    virtual_env_type: VirtualEnvType => "virtual_env_type",
    architecture: Architecture => "architecture",
    image_source_type: String => "__image_source_type",
    image_size: String => "__image_size",
    original_image_name: String => "__originalimagename",
    backup_id: String => "__backup_id",
    product_code: String => "__productcode",
    data_origin: String => "__data_origin",
    root_origin: String => "__root_origin",
    lazy_loading: String => "__lazyloading",
    os_feature_list: String => "__os_feature_list",
    whole_image: bool => "__whole_image",
    system_cmk_id: String => "__system__cmkid",
    account_code: String => "__account_code",
    enterprise_project_id: String => "enterprise_project_id",
    system_support_market: bool => "__system_support_market",
    is_offshelved: String => "__is_offshelved",
    sequence_num: String => "__sequence_num",
    image_location: String => "__image_location",
    is_config_init: String => "__is_config_init",
    firmware_type: FirmwareType => "hw_firmware_type",
    vif_multiqueue_enabled: String => "hw_vif_multiqueue_enabled",
    support_kvm: String => "__support_kvm",
    support_xen: String => "__support_xen",
    support_largememory: String => "__support_largememory",
    support_diskintensive: String => "__support_diskintensive",
    support_highperformance: String => "__support_highperformance",
    support_xen_gpu_type: String => "__support_xen_gpu_type",
    support_kvm_gpu_type: String => "__support_kvm_gpu_type",
    support_xen_hana: String => "__support_xen_hana",
    support_kvm_infiniband: String => "__support_kvm_infiniband",
    support_kvm_fpga_type: String => "__support_kvm_fpga_type",
    support_fc_inject: String => "__support_fc_inject",
    support_arm: String => "__support_arm",
    support_amd: String => "__support_amd",
    support_agent_list: String => "__support_agent_list",
}

impl Image {
    /// `__image_size` in bytes, when it holds a number.
    pub fn image_size_bytes(&self) -> Option<u64> {
        self.image_size.get().and_then(|s| s.trim().parse().ok())
    }

    /// Whether an attribute reads as a true flag: JSON `true`, or the text `"true"` in any case
    /// (the service writes `"true"` and sometimes `"True"`). Absent, `null` or anything else is
    /// false. List filters and flavor rules both read flags through this one rule.
    pub fn attr_flag(&self, wire: &str) -> bool {
        self.attr_text(wire).is_some_and(|v| v.eq_ignore_ascii_case("true"))
    }
}

impl Image {
    /// An attribute as display text: strings as they are, numbers and booleans written out,
    /// lists joined with ", ". `None` when absent or `null`.
    pub fn attr_text(&self, wire: &str) -> Option<String> {
        self.attr(wire).map(|v| match v {
            serde_json::Value::String(s) => s,
            serde_json::Value::Array(items) => items
                .iter()
                .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
                .collect::<Vec<_>>()
                .join(", "),
            other => other.to_string(),
        })
    }
}

/// The body of `GET /v2/cloudimages`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ImageList {
    pub images: Vec<Image>,
}

/// The body of the Glance-native `GET /v2/images`: the page, relative links, and the schema.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct GlanceImageList {
    pub images: Vec<Image>,
    pub first: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<String>,
    pub schema: String,
}

#[cfg(test)]
mod tests;
