//! `__os_version` → `__os_type`, `__platform`, `__os_bit`: the classification the service does
//! when an image is created, table-driven over the platforms the documents list.

use crate::model::{OsType, Platform};

/// The OS version an image gets when the request names none (create document).
pub const DEFAULT_OS_VERSION: &str = "Other Linux(64 bit)";

/// `__os_version` values the console offers in its picker (and the demo catalog uses): one or
/// more per documented platform. Any other text is accepted too and classified as well as it can be.
pub const KNOWN_VERSIONS: &[&str] = &[
    "CentOS 7.9 64bit",
    "CentOS 8.2 64bit",
    "Ubuntu 18.04 server 64bit",
    "Ubuntu 20.04 server 64bit",
    "Ubuntu 22.04 server 64bit",
    "Debian GNU/Linux 10.0.0 64bit",
    "Debian GNU/Linux 11.1.0 64bit",
    "EulerOS 2.5 64bit",
    "EulerOS 2.9 64bit",
    "Red Hat Linux Enterprise 7.6 64bit",
    "SUSE Linux Enterprise Server 12 SP5 64bit",
    "OpenSUSE 15.2 64bit",
    "Oracle Linux Server release 7.6 64bit",
    "Fedora 33 64bit",
    "CoreOS 2303.3.0 64bit",
    "Windows Server 2016 Datacenter 64bit",
    "Windows Server 2019 Standard 64bit",
    "Windows Server 2008 R2 Enterprise 32bit",
    "Other Linux(64 bit)",
    "Ubuntu 16.04 server 32bit",
];

/// What an `__os_version` says about the image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OsClass {
    pub os_type: OsType,
    pub platform: Platform,
    /// `"32"` or `"64"`, as the wire carries it.
    pub bit: &'static str,
}

/// Needles searched in the lower-cased version, first match wins: more specific names first
/// (`opensuse` before `suse`), so `OpenSUSE 15.0` is not taken for SUSE.
const PLATFORMS: &[(&str, Platform, OsType)] = &[
    ("windows", Platform::Windows, OsType::Windows),
    ("ubuntu", Platform::Ubuntu, OsType::Linux),
    ("centos", Platform::CentOs, OsType::Linux),
    ("red hat", Platform::RedHat, OsType::Linux),
    ("redhat", Platform::RedHat, OsType::Linux),
    ("rhel", Platform::RedHat, OsType::Linux),
    ("opensuse", Platform::OpenSuse, OsType::Linux),
    ("suse", Platform::Suse, OsType::Linux),
    ("oracle", Platform::OracleLinux, OsType::Linux),
    ("debian", Platform::Debian, OsType::Linux),
    ("fedora", Platform::Fedora, OsType::Linux),
    ("coreos", Platform::CoreOs, OsType::Linux),
    ("euleros", Platform::EulerOs, OsType::Linux),
    ("linux", Platform::Other, OsType::Linux),
];

/// Classifies an `__os_version`. Unknown versions are `Other`/`Other`; the bit defaults to 64
/// (the service's default image is 64-bit) unless the text says 32.
pub fn classify(os_version: &str) -> OsClass {
    let lower = os_version.to_ascii_lowercase();
    let (platform, os_type) = PLATFORMS
        .iter()
        .find(|(needle, _, _)| lower.contains(needle))
        .map_or((Platform::Other, OsType::Other), |(_, p, t)| (p.clone(), t.clone()));
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    let bit =
        if compact.contains("32bit") || compact.contains("x86_32") || compact.contains("i386") { "32" } else { "64" };
    OsClass { os_type, platform, bit }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_examples_and_each_platform_classify() {
        let cases = [
            ("Ubuntu 14.04 server 64bit", Platform::Ubuntu, OsType::Linux, "64"),
            ("CentOS 7.3 64bit", Platform::CentOs, OsType::Linux, "64"),
            ("Other Linux(64 bit)", Platform::Other, OsType::Linux, "64"),
            ("Windows Server 2008 R2 Enterprise 32bit", Platform::Windows, OsType::Windows, "32"),
            ("Red Hat Linux Enterprise 7.4 64bit", Platform::RedHat, OsType::Linux, "64"),
            ("OpenSUSE 15.0 64bit", Platform::OpenSuse, OsType::Linux, "64"),
            ("SUSE Linux Enterprise Server 12 SP3 64bit", Platform::Suse, OsType::Linux, "64"),
            ("Oracle Linux Server release 7.4 64bit", Platform::OracleLinux, OsType::Linux, "64"),
            ("Debian GNU/Linux 9.0.0 32 bit", Platform::Debian, OsType::Linux, "32"),
            ("Fedora 28 64bit", Platform::Fedora, OsType::Linux, "64"),
            ("CoreOS 1298.6.0 64bit", Platform::CoreOs, OsType::Linux, "64"),
            ("EulerOS 2.5 64bit", Platform::EulerOs, OsType::Linux, "64"),
            ("FreeBSD 12 64bit", Platform::Other, OsType::Other, "64"),
            ("", Platform::Other, OsType::Other, "64"),
        ];
        for (version, platform, os_type, bit) in cases {
            assert_eq!(classify(version), OsClass { os_type, platform, bit }, "{version}");
        }
    }

    #[test]
    fn each_way_of_saying_32_bit_gives_32() {
        // (version, bit): the three spellings, with or without spaces and in any case.
        let table = [
            ("CentOS 6.5 32bit", "32"),
            ("Debian 9 32 BIT", "32"),
            ("Ubuntu 14.04 x86_32", "32"),
            ("Debian 8 i386", "32"),
            ("Other Linux(32 bit)", "32"),
            ("Ubuntu 22.04 x86_64", "64"),
            ("Windows Server 2019 Standard 64bit", "64"),
        ];
        for (version, bit) in table {
            assert_eq!(classify(version).bit, bit, "{version}");
        }
    }

    #[test]
    fn every_version_the_console_offers_names_a_platform() {
        for version in KNOWN_VERSIONS {
            let class = classify(version);
            assert_ne!(class.os_type, OsType::Other, "{version}");
            let other_linux = version.starts_with("Other Linux");
            assert_eq!(class.platform == Platform::Other, other_linux, "{version}");
        }
        assert_eq!(
            classify(DEFAULT_OS_VERSION),
            OsClass { os_type: OsType::Linux, platform: Platform::Other, bit: "64" }
        );
    }
}
