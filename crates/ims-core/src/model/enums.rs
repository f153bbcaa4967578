//! Open enums: the documented values plus `Unknown(String)` (not `Other`: `Other` is itself a
//! documented `__platform` and `__os_type` value), so that a value introduced by a newer
//! server decodes, displays and round-trips instead of breaking a whole page.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

macro_rules! open_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($variant,)+
            /// A value the documents do not list, kept verbatim.
            Unknown(String),
        }

        impl $name {
            /// The documented values, in the documents' order.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The exact wire text.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $wire,)+
                    $name::Unknown(s) => s,
                }
            }

            /// Reads a wire value; never fails (unknown text becomes `Other`).
            pub fn from_wire(s: &str) -> Self {
                match s {
                    $($wire => $name::$variant,)+
                    other => $name::Unknown(other.to_owned()),
                }
            }

            /// Whether this is one of the documented values.
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Unknown(_))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self::from_wire(s)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl super::field::WireValue for $name {
            fn from_wire(value: serde_json::Value) -> Result<Self, String> {
                match value {
                    serde_json::Value::String(s) => Ok(Self::from_wire(&s)),
                    other => Err(format!("invalid type: {other}, expected a string")),
                }
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = std::borrow::Cow::<str>::deserialize(deserializer)?;
                Ok(Self::from_wire(&s))
            }
        }
    };
}

open_enum!(
    /// `status`: the image's life-cycle state.
    ImageStatus { Queued => "queued", Saving => "saving", Deleted => "deleted", Killed => "killed", Active => "active" }
);
open_enum!(
    /// `visibility`: who may see the image.
    Visibility { Public => "public", Private => "private", Shared => "shared" }
);
open_enum!(
    /// `__imagetype`: public (`gold`), private or shared.
    ImageType { Gold => "gold", Private => "private", Shared => "shared" }
);
open_enum!(
    /// `disk_format`. `iso` is listed for queries only; create accepts the other five.
    DiskFormat { Vhd => "vhd", Zvhd => "zvhd", Zvhd2 => "zvhd2", Raw => "raw", Qcow2 => "qcow2", Iso => "iso" }
);
open_enum!(
    /// `container_format`: only `bare` is documented.
    ContainerFormat { Bare => "bare" }
);
open_enum!(
    /// `__os_type`, derived from `__os_version`.
    OsType { Linux => "Linux", Windows => "Windows", Other => "Other" }
);
open_enum!(
    /// `__platform`, derived from `__os_version`.
    Platform {
        Windows => "Windows", Ubuntu => "Ubuntu", RedHat => "RedHat", Suse => "SUSE", CentOs => "CentOS",
        Debian => "Debian", OpenSuse => "OpenSUSE", OracleLinux => "Oracle Linux", Fedora => "Fedora",
        Other => "Other", CoreOs => "CoreOS", EulerOs => "EulerOS"
    }
);
open_enum!(
    /// `virtual_env_type`: what the image boots on.
    VirtualEnvType { FusionCompute => "FusionCompute", Ironic => "Ironic", DataImage => "DataImage", IsoImage => "IsoImage" }
);
open_enum!(
    /// A share's state as seen by the member project.
    MemberStatus { Pending => "pending", Accepted => "accepted", Rejected => "rejected" }
);
open_enum!(
    /// `hw_firmware_type`: the boot mode of servers made from the image.
    FirmwareType { Bios => "bios", Uefi => "uefi" }
);
open_enum!(
    /// `architecture`: the image's CPU architecture.
    Architecture { X86 => "x86", Arm => "arm" }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_round_trip_and_unknown_values_are_kept() {
        for s in Platform::KNOWN {
            assert_eq!(Platform::from_wire(s.as_str()), *s);
        }
        let v: ImageStatus = serde_json::from_str("\"pending_upload\"").unwrap();
        assert_eq!(v, ImageStatus::Unknown("pending_upload".into()));
        assert_eq!(serde_json::to_string(&v).unwrap(), "\"pending_upload\"");
        assert!(!v.is_known());
        assert_eq!(Platform::from_wire("Oracle Linux"), Platform::OracleLinux);
    }
}
