//! The demo catalog: one deterministic generator shared by the reference server's first-start
//! seed and the console's in-browser backend, so both demos show the same images.

pub mod saved;

use crate::model::*;
use crate::os::classify;
use crate::time::Timestamp;
use std::collections::BTreeMap;

/// Owner of the public (`gold`) catalog — the project id from the list document's sample.
pub const PUBLIC_OWNER: &str = "1bed856811654c1cb661a6ca845ebc77";
/// Demo project A — the project id from the create document's sample.
pub const PROJECT_A: &str = "b912fb4a4c464b568ecfca1071b21b10";
/// Demo project B — the project id from the update document's sample.
pub const PROJECT_B: &str = "0b1e494e2660441a957313163095fe5c";

/// OS versions of the public catalog, one or more per documented platform.
const PUBLIC_OS: &[&str] = crate::os::KNOWN_VERSIONS;

/// How many public images the catalog has (four flavours of every OS version).
pub const PUBLIC_COUNT: usize = PUBLIC_OS.len() * 4;

/// A deterministic UUID-shaped id from a number (splitmix64), stable across runs and builds.
pub fn demo_id(n: u64) -> String {
    let mut state = n.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(0xD1B5_4A32_D192_ED03);
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let (a, b) = (next(), next());
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | (b >> 48) & 0x3fff,
        b & 0xffff_ffff_ffff
    )
}

/// The whole demo catalog: the public images, then a few private images of projects A and B.
pub fn demo_catalog() -> Vec<Image> {
    let mut images: Vec<Image> = (0..PUBLIC_COUNT).map(public_image).collect();
    images.extend(private_images());
    images
}

/// A large deterministic catalog for load tests: `count` images, mostly public copies of the
/// demo catalog's public images with their own ids, names and creation times, and every fifth
/// one private to project A or B.
pub fn synthetic_catalog(count: usize) -> impl Iterator<Item = Image> {
    (0..count).map(|i| {
        let mut image = public_image(i % PUBLIC_COUNT);
        let id = demo_id(1_000_000 + i as u64);
        let name = format!("{} #{i}", image.name.get().map(String::as_str).unwrap_or_default());
        let created = Field::Value(Timestamp(1_420_070_400 + i as i64 * 3_127).to_string());
        image.self_link = format!("/v2/images/{id}").into();
        image.file = format!("/v2/images/{id}/file").into();
        image.id = id.into();
        image.name = name.into();
        image.created_at = created.clone();
        image.updated_at = created.clone();
        image.active_at = created;
        if i % 5 == 4 {
            image.owner = (if i % 2 == 0 { PROJECT_A } else { PROJECT_B }).to_owned().into();
            image.visibility = Visibility::Private.into();
            image.image_type = ImageType::Private.into();
            image.protected = false.into();
        }
        image
    })
}

fn base_image(n: u64, owner: &str, name: String, os_version: &str, created: Timestamp) -> Image {
    let id = demo_id(n);
    let os = classify(os_version);
    let stamp = Field::Value(created.to_string());
    Image {
        self_link: format!("/v2/images/{id}").into(),
        file: format!("/v2/images/{id}/file").into(),
        schema: "/v2/schemas/image".to_owned().into(),
        id: id.into(),
        name: name.into(),
        owner: owner.to_owned().into(),
        status: ImageStatus::Active.into(),
        container_format: ContainerFormat::Bare.into(),
        min_ram: 0.into(),
        min_disk: 40.into(),
        protected: false.into(),
        tags: Vec::new().into(),
        size: 0.into(),
        virtual_size: Field::Null,
        is_registered: "true".to_owned().into(),
        image_source_type: "uds".to_owned().into(),
        os_version: os_version.to_owned().into(),
        os_type: os.os_type.into(),
        platform: os.platform.into(),
        os_bit: os.bit.to_owned().into(),
        created_at: stamp.clone(),
        updated_at: stamp,
        ..Image::default()
    }
}

fn public_image(i: usize) -> Image {
    let os_version = PUBLIC_OS[i % PUBLIC_OS.len()];
    let flavour = i / PUBLIC_OS.len();
    let windows = os_version.starts_with("Windows");
    // There is no Windows for ARM in the catalog: its fourth flavour is a SQL Server build.
    let arm = flavour == 3 && !windows;
    let suffix = ["", " with GPU driver", " for bare metal", if arm { " ARM" } else { " with SQL Server" }][flavour];
    // Spread creation over 2017–2024, a little under a month apart, at varied hours.
    let created = Timestamp(1_483_228_800 + i as i64 * 2_450_000 + (i as i64 * 7 % 24) * 3600);
    let mut image = base_image(i as u64, PUBLIC_OWNER, format!("{os_version}{suffix}"), os_version, created);
    image.visibility = Visibility::Public.into();
    image.image_type = ImageType::Gold.into();
    image.protected = true.into();
    image.checksum = "d41d8cd98f00b204e9800998ecf8427e".to_owned().into();
    image.min_disk = (if windows { 40 } else { 40 + (i as i64 % 3) * 20 }).into();
    image.min_ram = [0, 1024, 2048, 4096][i % 4].into();
    image.disk_format = [DiskFormat::Zvhd2, DiskFormat::Zvhd, DiskFormat::Vhd, DiskFormat::Qcow2, DiskFormat::Raw]
        [i % 5]
        .clone()
        .into();
    image.image_size = (1_073_741_824u64 + i as u64 * 97_003_201).to_string().into();
    image.firmware_type = (if i % 6 == 5 { FirmwareType::Uefi } else { FirmwareType::Bios }).into();
    image.lazy_loading = "true".to_owned().into();
    image.active_at = image.created_at.clone();
    image.support_fc_inject = "true".to_owned().into();
    image.enterprise_project_id = "0".to_owned().into();
    match flavour {
        0 => {
            image.virtual_env_type = VirtualEnvType::FusionCompute.into();
            image.support_kvm = "true".to_owned().into();
            if i.is_multiple_of(2) {
                image.support_xen = "true".to_owned().into();
            }
            if i.is_multiple_of(3) {
                image.support_largememory = "true".to_owned().into();
                image.support_diskintensive = "true".to_owned().into();
            }
            if i % 4 == 1 {
                image.support_highperformance = "true".to_owned().into();
            }
            image.architecture = Architecture::X86.into();
        }
        1 => {
            image.virtual_env_type = VirtualEnvType::FusionCompute.into();
            image.support_kvm_gpu_type = (if i.is_multiple_of(2) { "V100" } else { "T4" }).to_owned().into();
            if i.is_multiple_of(5) {
                image.support_xen_gpu_type = "M60".to_owned().into();
                image.support_kvm_gpu_type = Field::Absent;
            }
            image.support_kvm_infiniband = (if i.is_multiple_of(3) { "true" } else { "false" }).to_owned().into();
            image.architecture = Architecture::X86.into();
        }
        2 => {
            image.virtual_env_type =
                (if i.is_multiple_of(4) { VirtualEnvType::IsoImage } else { VirtualEnvType::Ironic }).into();
            if i.is_multiple_of(4) {
                image.disk_format = DiskFormat::Iso.into();
            } else {
                image.support_xen_hana = (if i.is_multiple_of(3) { "true" } else { "false" }).to_owned().into();
            }
            image.architecture = Architecture::X86.into();
        }
        _ => {
            image.virtual_env_type = VirtualEnvType::FusionCompute.into();
            image.support_kvm = "true".to_owned().into();
            image.support_arm = arm.to_string().into();
            image.architecture = (if arm { Architecture::Arm } else { Architecture::X86 }).into();
        }
    }
    image
}

fn private_images() -> Vec<Image> {
    let specs: [(&str, &str, &str, &[&str]); 7] = [
        (PROJECT_A, "web-frontend-golden", "Ubuntu 22.04 server 64bit", &["web", "prod"]),
        (PROJECT_A, "db-backup-2023", "CentOS 7.9 64bit", &["db"]),
        (PROJECT_A, "encrypted-finance", "EulerOS 2.9 64bit", &[]),
        (PROJECT_A, "whole-host-snapshot", "Windows Server 2019 Standard 64bit", &[]),
        (PROJECT_B, "ci-runner", "Debian GNU/Linux 11.1.0 64bit", &["ci"]),
        (PROJECT_B, "data-disk-template", "Other Linux(64 bit)", &[]),
        (PROJECT_B, "gpu-trainer", "Ubuntu 20.04 server 64bit", &["ml", "gpu"]),
    ];
    specs
        .iter()
        .enumerate()
        .map(|(k, (owner, name, os_version, tags))| {
            let created = Timestamp(1_672_531_200 + k as i64 * 1_987_200);
            let mut image = base_image(10_000 + k as u64, owner, (*name).to_owned(), os_version, created);
            image.visibility = Visibility::Private.into();
            image.image_type = ImageType::Private.into();
            image.disk_format = DiskFormat::Zvhd2.into();
            image.virtual_env_type = VirtualEnvType::FusionCompute.into();
            image.tags = tags.iter().map(|t| (*t).to_owned()).collect::<Vec<_>>().into();
            image.image_size = (2_147_483_648u64 + k as u64 * 123_456_789).to_string().into();
            image.description = format!("Demo image {name}").into();
            image.enterprise_project_id = "0".to_owned().into();
            if *name == "encrypted-finance" {
                image.system_cmk_id = "83cdb52d-9ebf-4469-9cfa-e7b5b80da846".to_owned().into();
            }
            if *name == "whole-host-snapshot" {
                image.whole_image = true.into();
            }
            if *name == "data-disk-template" {
                image.virtual_env_type = VirtualEnvType::DataImage.into();
                image.status = ImageStatus::Queued.into();
            }
            image.properties =
                BTreeMap::from([("team".to_owned(), serde_json::Value::from(format!("team-{}", k % 3)))]);
            image
        })
        .collect()
}

#[cfg(test)]
mod tests;
