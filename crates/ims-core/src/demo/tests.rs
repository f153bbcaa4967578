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
