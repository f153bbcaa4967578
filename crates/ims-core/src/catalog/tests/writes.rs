//! What writes leave behind: created images as the API returns them, `updated_at` only on a
//! change, tags removed, and filters on enterprise projects.

use super::*;

#[test]
fn a_created_image_keeps_its_description_and_starts_with_both_times_at_now() {
    let mut c = catalog();
    let request: crate::Image = serde_json::from_value(json!({"name": "n", "__description": "why"})).unwrap();
    let made = c.create(PROJECT_A, &request, "new-id", NOW).unwrap();
    assert_eq!(made.description.get().map(String::as_str), Some("why"));
    assert_eq!(made.created_at.get().map(String::as_str), Some("2027-01-15T08:00:00Z"));
    assert_eq!(made.updated_at, made.created_at);
    assert_eq!(c.get(PROJECT_A, "new-id"), Ok(made));
}

#[test]
fn updated_at_moves_only_when_a_patch_changes_something() {
    // DESIGN "PATCH": updated_at moves on every change (and only then).
    let mut c = catalog();
    let id = own_image(&c, PROJECT_A, "db-backup-2023");
    let before = c.get(PROJECT_A, &id).unwrap().updated_at;
    let same = [PatchOp::Replace { attr: "name".into(), value: json!("db-backup-2023") }];
    assert_eq!(c.patch(PROJECT_A, &id, &same, NOW).unwrap().updated_at, before);
    let later = Timestamp(NOW.0 + 60);
    let renamed = [PatchOp::Replace { attr: "name".into(), value: json!("db-backup-2024") }];
    let after = c.patch(PROJECT_A, &id, &renamed, later).unwrap();
    assert_eq!(after.updated_at.get().map(String::as_str), Some(later.to_string().as_str()));
}

#[test]
fn removing_a_tag_the_image_has_removes_it() {
    let mut c = catalog();
    let id = own_image(&c, PROJECT_A, "web-frontend-golden");
    c.remove_tag(PROJECT_A, &id, "web", NOW).unwrap();
    let image = c.get(PROJECT_A, &id).unwrap();
    assert_eq!(image.tags.get().cloned(), Some(vec!["prod".to_owned()]));
    assert_eq!(image.updated_at.get().map(String::as_str), Some(NOW.to_string().as_str()));
    assert_eq!(c.remove_tag(PROJECT_A, &id, "web", NOW).unwrap_err().code, ErrorCode::NotFound);
}

#[test]
fn enterprise_project_filters_match_the_project_and_0_also_the_unset() {
    let mut c = catalog();
    let mut tagged = c.get(PROJECT_A, &own_image(&c, PROJECT_A, "db-backup-2023")).unwrap();
    tagged.enterprise_project_id = "ep-1".to_owned().into();
    c = Catalog::new(c.all_images().cloned().map(|i| if i.id == tagged.id { tagged.clone() } else { i }), 128);
    c.create(PROJECT_A, &crate::Image::default(), "unset", NOW).unwrap();
    let count = |s: &str| c.list(PROJECT_A, &q(s)).unwrap().images.len();
    let all = count("");
    assert_eq!(count("enterprise_project_id=ep-1"), 1);
    assert_eq!(count("enterprise_project_id=ep-2"), 0);
    assert_eq!(count("enterprise_project_id=0"), all - 1, "everything but ep-1, the unset image included");
    assert_eq!(count("enterprise_project_id=all_granted_eps"), all);
}

#[test]
fn the_inbox_holds_only_shares_with_the_caller() {
    let mut c = catalog();
    let id = own_image(&c, PROJECT_B, "ci-runner");
    c.add_member(PROJECT_B, &id, PUBLIC_OWNER, NOW).unwrap();
    for status in ["pending", "accepted", "rejected"] {
        let inbox = c.list(PROJECT_A, &q(&format!("member_status={status}&visibility=shared"))).unwrap();
        assert!(inbox.images.is_empty(), "{status}: another project's share is not in A's inbox");
    }
    let theirs = c.list(PUBLIC_OWNER, &q("member_status=pending&visibility=shared")).unwrap();
    assert_eq!(ids(&theirs), [id]);
}
