//! The member cap a catalog is built with, and what it hands over for persistence: the server
//! stores `all_images`/`all_members` in SQLite and the demo rebuilds its catalog from them.

use super::*;

#[test]
fn the_cap_given_is_the_cap_in_force() {
    assert_eq!(Catalog::default().member_cap(), DEFAULT_MEMBER_CAP);
    assert_eq!(Catalog::new(demo_catalog(), 2).member_cap(), 2);
    assert_eq!(Catalog::with_members(demo_catalog(), [], 256).member_cap(), 256);
    let mut c = Catalog::new(demo_catalog(), 2);
    let id = own_image(&c, PROJECT_A, "db-backup-2023");
    c.add_member(PROJECT_A, &id, PROJECT_B, NOW).unwrap();
    c.add_member(PROJECT_A, &id, PUBLIC_OWNER, NOW).unwrap();
    let err = c.add_member(PROJECT_A, &id, &format!("{:032x}", 7), NOW).unwrap_err();
    assert_eq!(err.code, ErrorCode::ShareCapReached);
    assert!(err.message.contains("at most 2 projects"), "{}", err.message);
}

#[test]
fn a_catalog_rebuilt_from_what_it_hands_over_is_the_same_catalog() {
    let mut c = Catalog::new(demo_catalog(), 5);
    let id = own_image(&c, PROJECT_A, "db-backup-2023");
    c.add_member(PROJECT_A, &id, PROJECT_B, NOW).unwrap();
    c.add_member(PROJECT_A, &id, PUBLIC_OWNER, NOW).unwrap();
    assert_eq!(c.all_images().count(), demo_catalog().len());
    let members: Vec<&Member> = c.all_members().collect();
    assert_eq!(members.len(), 2);
    assert!(members.iter().all(|m| m.image_id == id && m.status == crate::model::MemberStatus::Pending));
    let rebuilt = Catalog::with_members(c.all_images().cloned(), c.all_members().cloned(), c.member_cap());
    assert_eq!(rebuilt, c);
    assert_eq!(rebuilt.list_members(PROJECT_A, &id).unwrap().len(), 2);
}

#[test]
fn memberships_of_unknown_images_are_dropped_on_rebuild() {
    let mut c = catalog();
    let id = own_image(&c, PROJECT_A, "db-backup-2023");
    let member = c.add_member(PROJECT_A, &id, PROJECT_B, NOW).unwrap();
    let stray = Member { image_id: "no-such-image".into(), ..member.clone() };
    let rebuilt = Catalog::with_members(c.all_images().cloned(), [member, stray], DEFAULT_MEMBER_CAP);
    assert_eq!(rebuilt.all_members().count(), 1);
    assert_eq!(rebuilt.get(PROJECT_B, &id).map(|i| i.id.get().cloned()), Ok(Some(id)));
}
