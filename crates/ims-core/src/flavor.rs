//! `flavor_id`: which public images a server flavor can boot.
//!
//! The list document filters "available public images" by a flavor id but the API has no flavor
//! table, so this is the reference rule, keyed on the flavor family (the letters of the first
//! segment of ids such as `s6.large.2`, `g5.8xlarge.4`, `kc1.large.2`, `physical.s4.large`):
//!
//! | family | the image must |
//! |---|---|
//! | `physical.*` (bare metal) | be `virtual_env_type` Ironic |
//! | `g`, `p`, `pi` (GPU) | declare a KVM or Xen GPU type |
//! | `kc`, `km`, `ki`, `kai` (Kunpeng) | be `architecture` arm |
//! | `e`, `m` (large memory) | have `__support_largememory` true |
//! | `d`, `i`, `ir` (disk-intensive) | have `__support_diskintensive` true |
//! | `h`, `hc`, `hi` (high performance) | have `__support_highperformance` true |
//! | anything else (general purpose) | support KVM and not be arm |
//!
//! Every virtual flavor also needs a FusionCompute image.

use crate::model::Image;

/// Why a flavor id is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is not a flavor id such as s6.large.2 or physical.s4.large")]
pub struct FlavorError(pub String);

/// One condition a flavor puts on an image's attributes. The catalog engine evaluates it with
/// [`Requirement::holds`]; the SQL store translates the same list into a `WHERE` clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    /// The attribute's text equals the value.
    Is(&'static str, &'static str),
    /// The attribute is absent or its text differs from the value.
    IsNot(&'static str, &'static str),
    /// The attribute is a true flag (`"true"`, any case).
    Flag(&'static str),
    /// At least one of the attributes is present.
    AnySet(&'static [&'static str]),
}

impl Requirement {
    /// Whether the image meets the condition.
    pub fn holds(&self, image: &Image) -> bool {
        match *self {
            Requirement::Is(attr, value) => image.attr_text(attr).as_deref() == Some(value),
            Requirement::IsNot(attr, value) => image.attr_text(attr).as_deref() != Some(value),
            Requirement::Flag(attr) => image.attr_flag(attr),
            Requirement::AnySet(attrs) => attrs.iter().any(|a| image.attr(a).is_some()),
        }
    }
}

/// The conditions a flavor puts on images.
pub fn requirements(flavor_id: &str) -> Result<Vec<Requirement>, FlavorError> {
    use Requirement::*;
    let segments: Vec<&str> = flavor_id.split('.').collect();
    let well_formed = segments.len() >= 2
        && segments.iter().all(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    if !well_formed {
        return Err(FlavorError(flavor_id.to_owned()));
    }
    if segments[0] == "physical" {
        return Ok(vec![Is("virtual_env_type", "Ironic")]);
    }
    let family: String = segments[0].chars().take_while(char::is_ascii_lowercase).collect();
    if family.is_empty() || family.len() == segments[0].len() {
        return Err(FlavorError(flavor_id.to_owned()));
    }
    let fits = match family.as_str() {
        "g" | "p" | "pi" => vec![AnySet(&["__support_kvm_gpu_type", "__support_xen_gpu_type"])],
        "kc" | "km" | "ki" | "kai" => vec![Is("architecture", "arm")],
        "e" | "m" => vec![Flag("__support_largememory")],
        "d" | "i" | "ir" => vec![Flag("__support_diskintensive")],
        "h" | "hc" | "hi" => vec![Flag("__support_highperformance")],
        _ => vec![Flag("__support_kvm"), IsNot("architecture", "arm")],
    };
    Ok(std::iter::once(Is("virtual_env_type", "FusionCompute")).chain(fits).collect())
}

/// Whether the flavor can boot the image.
pub fn flavor_accepts(flavor_id: &str, image: &Image) -> Result<bool, FlavorError> {
    Ok(requirements(flavor_id)?.iter().all(|r| r.holds(image)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn image(v: serde_json::Value) -> Image {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn families_need_their_capability() {
        let general =
            image(json!({"virtual_env_type": "FusionCompute", "__support_kvm": "true", "architecture": "x86"}));
        let gpu = image(json!({"virtual_env_type": "FusionCompute", "__support_kvm_gpu_type": "V100"}));
        let arm = image(json!({"virtual_env_type": "FusionCompute", "__support_kvm": "true", "architecture": "arm"}));
        let bms = image(json!({"virtual_env_type": "Ironic"}));
        let table = [
            ("s6.large.2", &general, true),
            ("s6.large.2", &arm, false),
            ("s6.large.2", &bms, false),
            ("g5.8xlarge.4", &gpu, true),
            ("g5.8xlarge.4", &general, false),
            ("kc1.large.2", &arm, true),
            ("kc1.large.2", &general, false),
            ("physical.s4.large", &bms, true),
            ("physical.s4.large", &general, false),
            ("m6.large.8", &general, false),
        ];
        for (flavor, img, want) in table {
            assert_eq!(flavor_accepts(flavor, img), Ok(want), "{flavor}");
        }
    }

    #[test]
    fn malformed_ids_are_errors() {
        let img = Image::default();
        for bad in ["", "s6", "S6.large", "s6..2", "large.2", "6.large", "s6.lar ge.2", "physical"] {
            assert!(flavor_accepts(bad, &img).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn every_family_member_needs_its_family_capability_and_fusioncompute() {
        let fc = |extra: serde_json::Value| {
            let mut v = json!({"virtual_env_type": "FusionCompute"});
            v.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
            image(v)
        };
        let general = fc(json!({"__support_kvm": "true", "architecture": "x86"}));
        let table = [
            (["g5", "p2", "pi2"], fc(json!({"__support_xen_gpu_type": "M60"}))),
            (["kc1", "km1", "kai1"], fc(json!({"architecture": "arm"}))),
            (["ki1", "ki2", "kc2"], fc(json!({"architecture": "arm", "__support_kvm": "true"}))),
            (["e3", "m6", "m7"], fc(json!({"__support_largememory": "TRUE"}))),
            (["d2", "i3", "ir3"], fc(json!({"__support_diskintensive": "true"}))),
            (["h3", "hc2", "hi3"], fc(json!({"__support_highperformance": "true"}))),
            (["s6", "c7", "t6"], fc(json!({"__support_kvm": "true"}))),
        ];
        for (families, fits) in &table {
            for family in families {
                let flavor = format!("{family}.large.2");
                assert_eq!(flavor_accepts(&flavor, fits), Ok(true), "{flavor}");
                if !family.starts_with(['s', 'c', 't']) {
                    assert_eq!(flavor_accepts(&flavor, &general), Ok(false), "{flavor} takes a general image");
                }
                let mut xen = fits.clone();
                xen.virtual_env_type = crate::model::VirtualEnvType::Ironic.into();
                assert_eq!(flavor_accepts(&flavor, &xen), Ok(false), "{flavor} boots a bare-metal image");
            }
        }
        let not_a_flag = fc(json!({"__support_largememory": "yes"}));
        assert_eq!(flavor_accepts("m6.large.8", &not_a_flag), Ok(false));
    }
}
