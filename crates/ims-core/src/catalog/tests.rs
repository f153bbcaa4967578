use super::*;
use crate::demo::{demo_catalog, PROJECT_A, PROJECT_B, PUBLIC_COUNT, PUBLIC_OWNER};
use crate::error::ErrorCode;
use crate::model::Visibility;
use crate::patch::PatchOp;
use crate::time::Timestamp;
use crate::ListQuery;
use serde_json::json;

mod cap_and_persistence;
mod paging;
mod writes;

const NOW: Timestamp = Timestamp(1_800_000_000);

fn catalog() -> Catalog {
    Catalog::new(demo_catalog(), DEFAULT_MEMBER_CAP)
}

fn q(s: &str) -> ListQuery {
    ListQuery::parse(s).unwrap()
}

fn ids(page: &ImagePage) -> Vec<String> {
    page.images.iter().map(|i| i.id.get().cloned().unwrap_or_default()).collect()
}

fn own_image(c: &Catalog, owner: &str, name: &str) -> String {
    let page = c.list(owner, &q(&format!("owner={owner}&name={name}"))).unwrap();
    ids(&page).pop().expect("demo image")
}

#[test]
fn a_plain_list_shows_public_and_own_images_newest_first() {
    let c = catalog();
    let page = c.list(PROJECT_A, &ListQuery::default()).unwrap();
    assert_eq!(page.images.len(), PUBLIC_COUNT + 4);
    assert!(page.images.iter().all(|i| i.owner.get().map(String::as_str) != Some(PROJECT_B)));
    let created: Vec<_> = page.images.iter().map(|i| i.created_at.get().cloned()).collect();
    assert!(created.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(page.next_marker, None);
}

#[test]
fn filters_of_each_kind() {
    let c = catalog();
    let count = |s: &str| c.list(PROJECT_A, &q(s)).unwrap().images.len();
    assert_eq!(count("__imagetype=gold"), PUBLIC_COUNT);
    assert_eq!(count("__imagetype=private"), 4);
    assert!(count("__platform=Ubuntu") >= 4);
    assert_eq!(count("__platform=Ubuntu&__os_bit=32"), 4);
    assert_eq!(count("__support_kvm=true") + count("__support_kvm=false"), PUBLIC_COUNT + 4);
    assert_eq!(count("tag=web"), 1);
    assert_eq!(count("name=web-frontend-golden"), 1);
    assert_eq!(count("min_ram=4096"), PUBLIC_COUNT / 4);
    assert_eq!(count("architecture=arm") + count("architecture=x86"), PUBLIC_COUNT);
    assert!(count("architecture=arm") > 0);
    assert_eq!(count("__whole_image=true"), 1);
    assert_eq!(count("protected=true"), PUBLIC_COUNT);
    assert_eq!(count("created_at=gte:2023-01-01T00:00:00Z"), count("created_at=gt:2022-12-31 23:59:59"));
    let before = count("created_at=lt:2020-01-01T00:00:00Z");
    let after = count("created_at=gte:2020-01-01T00:00:00Z");
    assert_eq!(before + after, PUBLIC_COUNT + 4);
    assert!(before > 0 && after > 0);
    assert_eq!(count("enterprise_project_id=all_granted_eps"), PUBLIC_COUNT + 4);
    assert_eq!(count("enterprise_project_id=0"), PUBLIC_COUNT + 4);
    assert_eq!(
        count("virtual_env_type=Ironic&flavor_id=physical.s4.large"),
        count("virtual_env_type=Ironic&__imagetype=gold")
    );
    assert_eq!(count("flavor_id=kc1.large.2"), count("architecture=arm&__imagetype=gold"));
    let err = c.list(PROJECT_A, &q("flavor_id=nonsense")).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidQuery);
}

#[test]
fn marker_pages_walk_the_whole_list_without_repeats_in_every_order() {
    let c = catalog();
    for key in crate::query::SortKey::ALL {
        for dir in crate::query::SortDir::ALL {
            let all = ids(&c.list(PROJECT_A, &q(&format!("sort_key={key}&sort_dir={dir}"))).unwrap());
            let mut walked = Vec::new();
            let mut marker = None;
            loop {
                let mut query = q(&format!("sort_key={key}&sort_dir={dir}&limit=7"));
                query.marker = marker;
                let page = c.list(PROJECT_A, &query).unwrap();
                walked.extend(ids(&page));
                marker = page.next_marker;
                if marker.is_none() {
                    break;
                }
            }
            assert_eq!(walked, all, "{key} {dir}");
        }
    }
}

#[test]
fn unknown_or_invisible_markers_are_errors() {
    let c = catalog();
    let b_image = own_image(&c, PROJECT_B, "ci-runner");
    for marker in ["no-such-image", b_image.as_str()] {
        let query = ListQuery { marker: Some(marker.to_owned()), ..ListQuery::default() };
        assert_eq!(c.list(PROJECT_A, &query).unwrap_err().code, ErrorCode::UnknownMarker);
    }
}

#[test]
fn another_projects_private_image_is_404_for_every_operation() {
    let mut c = catalog();
    let id = own_image(&c, PROJECT_B, "ci-runner");
    let not_found = |r: Result<(), crate::ImsError>| assert_eq!(r.unwrap_err().code, ErrorCode::NotFound);
    not_found(c.get(PROJECT_A, &id).map(drop));
    not_found(c.patch(PROJECT_A, &id, &[PatchOp::Replace { attr: "name".into(), value: json!("x") }], NOW).map(drop));
    not_found(c.delete(PROJECT_A, &id));
    not_found(c.add_tag(PROJECT_A, &id, "t", NOW));
    not_found(c.add_member(PROJECT_A, &id, PROJECT_A, NOW).map(drop));
    assert!(c.get(PROJECT_B, &id).is_ok());
}

#[test]
fn public_images_are_read_only_for_everyone_but_their_owner() {
    let mut c = catalog();
    let public = ids(&c.list(PROJECT_A, &q("__imagetype=gold&limit=1")).unwrap()).remove(0);
    let rename = [PatchOp::Replace { attr: "name".into(), value: json!("mine now") }];
    assert_eq!(c.patch(PROJECT_A, &public, &rename, NOW).unwrap_err().code, ErrorCode::Forbidden);
    assert_eq!(c.delete(PROJECT_A, &public).unwrap_err().code, ErrorCode::Forbidden);
    assert_eq!(c.delete(PUBLIC_OWNER, &public).unwrap_err().code, ErrorCode::ImageProtected);
    assert!(c.patch(PUBLIC_OWNER, &public, &rename, NOW).is_ok());
}

#[test]
fn create_applies_the_documented_defaults_and_derives_os_fields() {
    let mut c = catalog();
    let request: crate::Image = serde_json::from_value(json!({
        "__os_version": "Ubuntu 14.04 server 64bit", "container_format": "bare", "disk_format": "vhd",
        "min_disk": 1, "min_ram": 1024, "name": "test", "tags": ["test", "image"], "visibility": "private",
        "protected": false, "aaaa": "11111"
    }))
    .unwrap();
    let made = c.create(PROJECT_A, &request, "4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba86", NOW).unwrap();
    let wire = serde_json::to_value(&made).unwrap();
    for (k, v) in [
        ("status", json!("queued")),
        ("visibility", json!("private")),
        ("__imagetype", json!("private")),
        ("__platform", json!("Ubuntu")),
        ("__os_type", json!("Linux")),
        ("__os_bit", json!("64")),
        ("owner", json!(PROJECT_A)),
        ("aaaa", json!("11111")),
        ("__isregistered", json!("true")),
        ("self", json!("/v2/images/4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba86")),
        ("schema", json!("/v2/schemas/image")),
        ("created_at", json!("2027-01-15T08:00:00Z")),
    ] {
        assert_eq!(wire[k], v, "{k}");
    }
    let bare = c.create(PROJECT_A, &crate::Image::default(), "x2", NOW).unwrap();
    assert_eq!(bare.os_version.get().unwrap(), "Other Linux(64 bit)");
    assert_eq!((bare.disk_format.get(), bare.min_ram.get()), (Some(&crate::model::DiskFormat::Vhd), Some(&0)));
    assert_eq!(bare.name, crate::Field::Null);
    let bad: crate::Image =
        serde_json::from_value(json!({"name": "", "visibility": "public", "status": "active"})).unwrap();
    let err = c.create(PROJECT_A, &bad, "x3", NOW).unwrap_err();
    assert_eq!((err.code, err.details.len()), (ErrorCode::InvalidBody, 3));
}

#[test]
fn tags_add_once_and_remove_or_404() {
    let mut c = catalog();
    let id = own_image(&c, PROJECT_A, "db-backup-2023");
    c.add_tag(PROJECT_A, &id, "nightly", NOW).unwrap();
    c.add_tag(PROJECT_A, &id, "nightly", NOW).unwrap();
    assert_eq!(c.get(PROJECT_A, &id).unwrap().tags.get().unwrap(), &["db", "nightly"]);
    c.remove_tag(PROJECT_A, &id, "db", NOW).unwrap();
    assert_eq!(c.remove_tag(PROJECT_A, &id, "db", NOW).unwrap_err().code, ErrorCode::NotFound);
    assert_eq!(c.get(PROJECT_A, &id).unwrap().updated_at.get().unwrap(), &NOW.to_string());
}

#[test]
fn sharing_lifecycle_moves_visibility_and_the_inbox() {
    let mut c = catalog();
    let id = own_image(&c, PROJECT_A, "web-frontend-golden");
    let inbox = |c: &Catalog, s: &str| {
        ids(&c.list(PROJECT_B, &q(&format!("member_status={s}&visibility=shared&__imagetype=shared"))).unwrap())
    };
    c.add_member(PROJECT_A, &id, PROJECT_B, NOW).unwrap();
    let image = c.get(PROJECT_A, &id).unwrap();
    assert_eq!(
        (image.visibility.get(), image.image_type.get()),
        (Some(&Visibility::Shared), Some(&crate::model::ImageType::Shared))
    );
    assert_eq!(inbox(&c, "pending"), std::slice::from_ref(&id));
    assert!(!ids(&c.list(PROJECT_B, &ListQuery::default()).unwrap()).contains(&id), "pending is not listed");
    assert!(c.get(PROJECT_B, &id).is_ok(), "a pending share can be opened");
    assert_eq!(
        c.set_member_status(PROJECT_A, &id, PROJECT_B, &MemberStatus::Accepted, NOW).unwrap_err().code,
        ErrorCode::Forbidden
    );
    c.set_member_status(PROJECT_B, &id, PROJECT_B, &MemberStatus::Rejected, NOW).unwrap();
    assert_eq!(inbox(&c, "rejected"), std::slice::from_ref(&id));
    c.set_member_status(PROJECT_B, &id, PROJECT_B, &MemberStatus::Accepted, NOW).unwrap();
    assert!(ids(&c.list(PROJECT_B, &ListQuery::default()).unwrap()).contains(&id));
    assert_eq!(c.list_members(PROJECT_B, &id).unwrap().len(), 1);
    assert_eq!(c.remove_member(PROJECT_B, &id, PROJECT_B, NOW).unwrap_err().code, ErrorCode::Forbidden);
    c.remove_member(PROJECT_A, &id, PROJECT_B, NOW).unwrap();
    assert_eq!(c.get(PROJECT_A, &id).unwrap().visibility.get(), Some(&Visibility::Private));
    assert_eq!(c.get(PROJECT_B, &id).unwrap_err().code, ErrorCode::NotFound);
}

#[test]
fn the_cap_admits_the_128th_member_and_refuses_the_129th() {
    let mut c = catalog();
    let id = own_image(&c, PROJECT_A, "db-backup-2023");
    for i in 0..128 {
        c.add_member(PROJECT_A, &id, &format!("{:032x}", 0xabc000 + i), NOW).unwrap();
    }
    let err = c.add_member(PROJECT_A, &id, PROJECT_B, NOW).unwrap_err();
    assert_eq!(err.code, ErrorCode::ShareCapReached);
    assert_eq!(c.list_members(PROJECT_A, &id).unwrap().len(), 128);
}

#[test]
fn refusals_reach_the_api_with_their_codes() {
    let mut c = catalog();
    let encrypted = own_image(&c, PROJECT_A, "encrypted-finance");
    let whole = own_image(&c, PROJECT_A, "whole-host-snapshot");
    let plain = own_image(&c, PROJECT_A, "db-backup-2023");
    let code = |r: Result<Member, crate::ImsError>| r.unwrap_err().code;
    assert_eq!(code(c.add_member(PROJECT_A, &encrypted, PROJECT_B, NOW)), ErrorCode::ShareEncrypted);
    assert_eq!(code(c.add_member(PROJECT_A, &whole, PROJECT_B, NOW)), ErrorCode::ShareWholeImage);
    assert_eq!(code(c.add_member(PROJECT_A, &plain, PROJECT_A, NOW)), ErrorCode::ShareOwnProject);
    assert_eq!(code(c.add_member(PROJECT_A, &plain, "bad", NOW)), ErrorCode::ShareBadProjectId);
    c.add_member(PROJECT_A, &plain, PROJECT_B, NOW).unwrap();
    assert_eq!(code(c.add_member(PROJECT_A, &plain, PROJECT_B, NOW)), ErrorCode::MemberExists);
    assert_eq!(code(c.add_member(PROJECT_B, &plain, PUBLIC_OWNER, NOW)), ErrorCode::Forbidden);
}

#[test]
fn deleting_an_image_removes_its_memberships() {
    let mut c = catalog();
    let id = own_image(&c, PROJECT_A, "db-backup-2023");
    c.add_member(PROJECT_A, &id, PROJECT_B, NOW).unwrap();
    c.delete(PROJECT_A, &id).unwrap();
    assert_eq!(c.all_members().count(), 0);
    assert_eq!(c.get(PROJECT_A, &id).unwrap_err().code, ErrorCode::NotFound);
}
