//! The in-browser demo's saved state.

use super::super::saved::*;
use super::{PROJECT_A, PROJECT_B};
use crate::model::{Image, MemberStatus};
use crate::time::Timestamp;

#[test]
fn a_changed_catalog_survives_saving_and_reading() {
    let mut catalog = seed();
    let now = Timestamp(1_700_000_000);
    let request = Image { name: "saved".to_owned().into(), ..Image::default() };
    let made = catalog.create(PROJECT_A, &request, &uuid_v4([7; 16]), now).expect("create");
    let id = made.id.get().expect("id").clone();
    catalog.add_member(PROJECT_A, &id, PROJECT_B, now).expect("share");
    catalog.set_member_status(PROJECT_B, &id, PROJECT_B, &MemberStatus::Accepted, now).expect("accept");
    let read = from_saved(&to_saved(&catalog)).expect("read back");
    assert_eq!(read, catalog);
    assert_eq!(read.membership(&id, PROJECT_B).map(|m| &m.status), Some(&MemberStatus::Accepted));
}

#[test]
fn unreadable_data_is_corrupt_never_a_panic() {
    let saved = to_saved(&seed());
    for text in
        ["", "not json", "null", "[]", "{\"version\":1}", "{\"version\":1,\"catalog\":42}", &saved[..saved.len() / 2]]
    {
        assert!(matches!(from_saved(text), Err(SavedStateError::Corrupt(_))), "{text:.40}");
    }
}

#[test]
fn data_of_another_version_is_refused_by_version() {
    let other = to_saved(&seed()).replacen("\"version\":1", "\"version\":0", 1);
    assert_eq!(from_saved(&other), Err(SavedStateError::OtherVersion { found: 0 }));
    assert_eq!(key_version(SAVED_KEY), Some(SAVED_VERSION));
    assert_eq!(key_version("ims.demo.v0"), Some(0));
    assert_eq!(key_version("ims.lang"), None);
    assert!(SavedStateError::OtherVersion { found: 0 }.replaced_saved_data());
    assert!(!SavedStateError::NoStorage("denied".into()).replaced_saved_data());
}

#[test]
fn uuids_have_the_version_4_shape() {
    let id = uuid_v4([0xff; 16]);
    assert_eq!(id, "ffffffff-ffff-4fff-bfff-ffffffffffff");
    assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
}

#[test]
fn a_fresh_demo_starts_from_the_servers_seed() {
    // The in-browser demo and the reference server's first start show the same catalog.
    let fresh = seed();
    let mut seeded = crate::demo::demo_catalog();
    seeded.sort_by(|a, b| a.id.get().cmp(&b.id.get()));
    assert!(fresh.all_images().eq(seeded.iter()), "not the demo catalog");
    assert_eq!(fresh.member_cap(), crate::sharing::DEFAULT_MEMBER_CAP);
    assert_eq!(fresh.all_members().count(), 0);
}
