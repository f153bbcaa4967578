use super::*;
use std::collections::HashSet;

#[test]
fn catalog_is_deterministic_with_unique_ids() {
    let a = demo_catalog();
    assert_eq!(a, demo_catalog());
    let ids: HashSet<_> = a.iter().map(|i| i.id.get().cloned()).collect();
    assert_eq!(ids.len(), a.len());
    assert!(a.iter().filter(|i| i.image_type.get() == Some(&ImageType::Gold)).count() >= 60);
}

#[test]
fn synthetic_catalog_is_large_unique_and_mixed() {
    let images: Vec<_> = synthetic_catalog(1000).collect();
    let ids: HashSet<_> = images.iter().map(|i| i.id.get().cloned()).collect();
    assert_eq!(ids.len(), 1000);
    let private = images.iter().filter(|i| i.visibility.get() == Some(&Visibility::Private)).count();
    assert_eq!(private, 200);
}

#[test]
fn public_catalog_covers_platforms_architectures_and_env_types() {
    let public: Vec<_> =
        demo_catalog().into_iter().filter(|i| i.owner.get().map(String::as_str) == Some(PUBLIC_OWNER)).collect();
    for p in Platform::KNOWN {
        assert!(public.iter().any(|i| i.platform.get() == Some(p)), "no {p} image");
    }
    for a in Architecture::KNOWN {
        assert!(public.iter().any(|i| i.architecture.get() == Some(a)), "no {a} image");
    }
    for v in VirtualEnvType::KNOWN.iter().filter(|v| **v != VirtualEnvType::DataImage) {
        assert!(public.iter().any(|i| i.virtual_env_type.get() == Some(v)), "no {v} image");
    }
    assert!(public.iter().any(|i| i.os_bit.get().map(String::as_str) == Some("32")));
    let windows_arm =
        |i: &&Image| i.os_type.get() == Some(&OsType::Windows) && i.architecture.get() == Some(&Architecture::Arm);
    assert_eq!(public.iter().filter(windows_arm).count(), 0);
}

#[test]
fn seed_ids_are_stable_uuids() {
    // The server's first-start seed and the browser demo must name the same images in every
    // build: links and saved demo state carry these ids.
    assert_eq!(demo_id(0), "2d0f28c7-e7e7-46b2-b585-6f745165f252");
    assert_eq!(demo_id(1), "75856f74-5165-4252-8674-bbc2735955af");
    assert_eq!(demo_id(10_000), "2cc03aa4-5cf6-48ee-8569-10e4d2287fcf");
    assert_eq!(demo_catalog()[0].id.get().map(String::as_str), Some(demo_id(0).as_str()));
    let ids: HashSet<String> = (0..5000).map(demo_id).collect();
    assert_eq!(ids.len(), 5000);
    for id in &ids {
        let groups: Vec<&str> = id.split('-').collect();
        assert_eq!(groups.iter().map(|g| g.len()).collect::<Vec<_>>(), [8, 4, 4, 4, 12], "{id}");
        assert!(id.bytes().all(|b| b == b'-' || b.is_ascii_digit() || (b'a'..=b'f').contains(&b)), "{id}");
        assert!(groups[2].starts_with('4') && groups[3].starts_with(['8', '9', 'a', 'b']), "{id} is not v4");
    }
}

#[test]
fn every_seed_image_is_a_well_formed_api_image() {
    for image in demo_catalog() {
        let id = image.id.get().cloned().unwrap_or_default();
        let at = |f: &Field<String>| f.get().cloned();
        assert_eq!(at(&image.self_link), Some(format!("/v2/images/{id}")));
        assert_eq!(at(&image.file), Some(format!("/v2/images/{id}/file")));
        assert_eq!(at(&image.schema).as_deref(), Some("/v2/schemas/image"));
        assert!(image.status.get().is_some() && image.name.get().is_some(), "{id}");
        assert_eq!(image.container_format.get(), Some(&ContainerFormat::Bare), "{id}");
        assert!(image.min_ram.get().is_some_and(|m| *m >= 0), "{id}");
        assert!(image.min_disk.get().is_some_and(|m| (40..=1024).contains(m)), "{id}");
        let public = image.owner.get().map(String::as_str) == Some(PUBLIC_OWNER);
        assert_eq!(image.protected.get(), Some(&public), "public images are protected, private ones are not");
        assert!(image.created_at.is_set() && image.created_at == image.updated_at, "{id}");
        assert!(image.size.get().is_some() && image.virtual_size == Field::Null, "{id}: sizes as IMS sends them");
        assert!(image.tags.get().is_some() && image.image_size_bytes().is_some(), "{id}");
        assert_eq!((at(&image.is_registered), at(&image.image_source_type)), (Some("true".into()), Some("uds".into())));
        let os = classify(image.os_version.get().map_or("", String::as_str));
        assert_eq!((image.os_type.get(), image.platform.get()), (Some(&os.os_type), Some(&os.platform)), "{id}");
        assert_eq!(image.os_bit.get().map(String::as_str), Some(os.bit), "{id}");
    }
    let statuses: HashSet<_> = demo_catalog().iter().filter_map(|i| i.status.get().cloned()).collect();
    assert_eq!(statuses, [ImageStatus::Active, ImageStatus::Queued].into());
}

#[test]
fn the_public_catalog_covers_every_format_flag_and_flavor_family() {
    let public: Vec<Image> =
        demo_catalog().into_iter().filter(|i| i.image_type.get() == Some(&ImageType::Gold)).collect();
    for f in DiskFormat::KNOWN {
        assert!(public.iter().any(|i| i.disk_format.get() == Some(f)), "no {f} image");
    }
    for f in FirmwareType::KNOWN {
        assert!(public.iter().any(|i| i.firmware_type.get() == Some(f)), "no {f} image");
    }
    let flags = [
        "__support_kvm",
        "__support_xen",
        "__support_largememory",
        "__support_diskintensive",
        "__support_highperformance",
        "__support_kvm_infiniband",
        "__support_arm",
        "__support_xen_hana",
    ];
    for flag in flags {
        assert!(public.iter().any(|i| i.attr_flag(flag)), "no image with {flag}");
        assert!(public.iter().any(|i| !i.attr_flag(flag)), "every image has {flag}");
    }
    for gpu in ["__support_kvm_gpu_type", "__support_xen_gpu_type"] {
        assert!(public.iter().any(|i| i.attr(gpu).is_some()), "no image with {gpu}");
    }
    for flavor in
        ["s6.large.2", "g5.8xlarge.4", "kc1.large.2", "m6.large.8", "d2.large.8", "h3.large.2", "physical.s4.large"]
    {
        let boots = public.iter().filter(|i| crate::flavor::flavor_accepts(flavor, i) == Ok(true)).count();
        assert!(boots > 0, "the flavor_id filter finds nothing for {flavor}");
    }
    let names: HashSet<_> = public.iter().filter_map(|i| i.name.get()).collect();
    assert_eq!(names.len(), public.len(), "name= finds one public image");
    let (first, last) = ("2017-01-01T00:00:00Z".to_owned(), "2025-01-01T00:00:00Z".to_owned());
    assert!(public.iter().filter_map(|i| i.created_at.get()).all(|t| *t >= first && *t < last), "created 2017–2024");
    let private: Vec<Image> =
        demo_catalog().into_iter().filter(|i| i.image_type.get() == Some(&ImageType::Private)).collect();
    let refusals =
        |i: &Image| crate::sharing::share_refusals(i, i.owner.get().map_or("", String::as_str), &[], &[], 128);
    assert!(private.iter().any(|i| refusals(i).is_empty()), "something the demo can share");
    assert!(private.iter().any(|i| refusals(i) == [crate::sharing::ShareRefusal::Encrypted]));
    assert!(private.iter().any(|i| refusals(i) == [crate::sharing::ShareRefusal::WholeImage]));
    assert!(private.iter().all(|i| i.properties.get("team").is_some_and(|t| t.is_string())));
}

#[test]
fn a_synthetic_catalog_grows_by_appending_and_keeps_created_times_distinct() {
    let small: Vec<Image> = synthetic_catalog(10).collect();
    let large: Vec<Image> = synthetic_catalog(PUBLIC_COUNT + 10).collect();
    assert_eq!(small[..], large[..10]);
    // The same load-test data in every build, so bench figures compare across builds.
    assert_eq!(small[0].id.get().map(String::as_str), Some("12e27034-7223-4643-a993-83a8ef22dfa6"));
    assert_eq!(small[1].id.get().map(String::as_str), Some("a99383a8-ef22-4fa6-afcd-010f33bde108"));
    let versions = |images: &[Image]| images.iter().filter_map(|i| i.os_version.get().cloned()).collect::<Vec<_>>();
    let public: Vec<Image> = demo_catalog().into_iter().take(PUBLIC_COUNT).collect();
    assert_eq!(versions(&large[..PUBLIC_COUNT]), versions(&public), "it cycles through the public catalog");
    let created: Vec<String> = large.iter().filter_map(|i| i.created_at.get().cloned()).collect();
    assert!(created.windows(2).all(|w| w[0] < w[1]), "created_at strictly increases");
    assert_eq!(created[0], "2015-01-01T00:00:00Z");
    let names: HashSet<_> = large.iter().filter_map(|i| i.name.get().cloned()).collect();
    assert_eq!(names.len(), large.len());
    let seeded: HashSet<_> = demo_catalog().iter().filter_map(|i| i.id.get().cloned()).collect();
    assert!(large.iter().all(|i| !seeded.contains(i.id.get().map_or("", String::as_str))));
    for (i, image) in large.iter().enumerate() {
        let id = image.id.get().cloned().unwrap_or_default();
        assert_eq!(image.self_link.get(), Some(&format!("/v2/images/{id}")));
        let owner = image.owner.get().map(String::as_str);
        let want = match i % 10 {
            4 => Some(PROJECT_A),
            9 => Some(PROJECT_B),
            _ => Some(PUBLIC_OWNER),
        };
        assert_eq!(owner, want, "image {i}");
        assert_eq!(image.protected.get(), Some(&(want == Some(PUBLIC_OWNER))), "image {i}");
    }
}

mod saved_state;
