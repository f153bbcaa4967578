use super::*;
use crate::demo::{PROJECT_A, PROJECT_B};
use serde_json::json;

const C: &str = "c0000000000000000000000000000000";

fn private_image(extra: serde_json::Value) -> Image {
    let mut base = json!({"id": "i1", "owner": PROJECT_A, "visibility": "private", "__imagetype": "private"});
    if let (Some(b), Some(e)) = (base.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    serde_json::from_value(base).unwrap()
}

fn refusals(image: &Image, caller: &str, current: &[&str], requested: &[&str], cap: usize) -> Vec<ShareRefusal> {
    let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
    share_refusals(image, caller, &s(current), &s(requested), cap)
}

#[test]
fn a_private_image_of_the_caller_can_be_shared() {
    assert!(refusals(&private_image(json!({})), PROJECT_A, &[], &[PROJECT_B, C], 128).is_empty());
    let shared = private_image(json!({"visibility": "shared"}));
    assert!(refusals(&shared, PROJECT_A, &[PROJECT_B], &[C], 128).is_empty());
}

#[test]
fn each_image_level_refusal() {
    let cases = [
        (json!({"visibility": "public"}), ShareRefusal::NotPrivate { visibility: "public".into() }),
        (json!({"__system__cmkid": "k"}), ShareRefusal::Encrypted),
        (json!({"__whole_image": true}), ShareRefusal::WholeImage),
        (json!({"__productcode": "p"}), ShareRefusal::Market),
    ];
    for (extra, want) in cases {
        assert_eq!(refusals(&private_image(extra.clone()), PROJECT_A, &[], &[PROJECT_B], 128), [want], "{extra}");
    }
    assert!(refusals(&private_image(json!({"__productcode": "", "__whole_image": false})), PROJECT_A, &[], &[C], 1)
        .is_empty());
    assert_eq!(refusals(&private_image(json!({})), PROJECT_B, &[], &[C], 128), [ShareRefusal::NotOwner]);
}

#[test]
fn each_project_level_refusal_names_its_project() {
    let got =
        refusals(&private_image(json!({})), PROJECT_A, &[PROJECT_B], &[PROJECT_A, PROJECT_B, "NOT-AN-ID", C, C], 128);
    assert_eq!(
        got,
        [
            ShareRefusal::OwnProject { project: PROJECT_A.into() },
            ShareRefusal::Duplicate { project: PROJECT_B.into() },
            ShareRefusal::MalformedProjectId { project: "NOT-AN-ID".into() },
            ShareRefusal::Duplicate { project: C.into() },
        ]
    );
    assert_eq!(got[1].code(), ErrorCode::MemberExists);
    assert_eq!(got[1].to_error().code.http_status(), 409);
}

#[test]
fn the_cap_counts_current_and_new_members() {
    let current: Vec<String> = (0..127).map(|i| format!("{i:032x}")).collect();
    let img = private_image(json!({"visibility": "shared"}));
    assert!(share_refusals(&img, PROJECT_A, &current, &[PROJECT_B.into()], 128).is_empty());
    let full: Vec<String> = (0..128).map(|i| format!("{i:032x}")).collect();
    let r = share_refusals(&img, PROJECT_A, &full, &[PROJECT_B.into()], 128);
    assert_eq!(r, [ShareRefusal::CapReached { current: 128, adding: 1, cap: 128 }]);
    assert_eq!(r[0].remaining(), Some(0));
    let r = share_refusals(
        &img,
        PROJECT_A,
        &current[..120],
        &(200..210).map(|i| format!("{i:032x}")).collect::<Vec<_>>(),
        128,
    );
    assert_eq!(r[0].remaining(), Some(8));
}

#[test]
fn only_the_member_moves_its_status() {
    assert!(check_status_change(PROJECT_B, PROJECT_B, &MemberStatus::Accepted).is_ok());
    assert!(check_status_change(PROJECT_B, PROJECT_B, &MemberStatus::Rejected).is_ok());
    assert_eq!(
        check_status_change(PROJECT_A, PROJECT_B, &MemberStatus::Accepted).unwrap_err().code,
        ErrorCode::Forbidden
    );
    let unknown = MemberStatus::Unknown("maybe".into());
    assert_eq!(check_status_change(PROJECT_B, PROJECT_B, &unknown).unwrap_err().code, ErrorCode::BadRequest);
}

#[test]
fn pasted_ids_split_on_commas_spaces_and_newlines() {
    assert_eq!(split_project_ids(" a, b\nc;;d \t e,"), ["a", "b", "c", "d", "e"]);
    assert!(split_project_ids(" \n, ").is_empty());
}

#[test]
fn a_plan_keeps_only_projects_that_can_be_added() {
    let requested: Vec<String> = [PROJECT_B, "bad", C, PROJECT_A].iter().map(|s| (*s).to_owned()).collect();
    let plan = plan_share(&private_image(json!({})), PROJECT_A, &[], &requested, 128);
    assert_eq!(plan.allowed, [PROJECT_B, C]);
    assert_eq!(plan.refusals.len(), 2);
    let blocked = plan_share(&private_image(json!({"__system__cmkid": "k"})), PROJECT_A, &[], &requested, 128);
    assert!(blocked.allowed.is_empty());
    assert!(blocked.refusals.contains(&ShareRefusal::Encrypted));
    let full = plan_share(&private_image(json!({})), PROJECT_A, &[C.to_owned()], &requested, 1);
    assert!(full.allowed.is_empty(), "over the cap nothing is sent");
}

#[test]
fn the_cap_admits_exactly_up_to_cap_members() {
    // spec/image-sharing-constraints: at most 128 members; (current, adding, refused?) at cap 128.
    let ids = |r: std::ops::Range<usize>| r.map(|i| format!("{i:032x}")).collect::<Vec<_>>();
    let img = private_image(json!({"visibility": "shared"}));
    for (current, adding, refused) in
        [(0, 128, false), (0, 129, true), (120, 8, false), (120, 9, true), (127, 1, false)]
    {
        let r = share_refusals(&img, PROJECT_A, &ids(0..current), &ids(1000..1000 + adding), 128);
        let want = if refused { vec![ShareRefusal::CapReached { current, adding, cap: 128 }] } else { vec![] };
        assert_eq!(r, want, "{current} members, adding {adding}");
    }
}

#[test]
fn a_request_that_adds_nobody_is_never_refused_for_the_cap() {
    // A server whose cap was lowered below an image's members still names the real reason.
    let current: Vec<String> = (0..3).map(|i| format!("{i:032x}")).collect();
    let img = private_image(json!({"visibility": "shared"}));
    let r = share_refusals(&img, PROJECT_A, &current, &[current[0].clone()], 2);
    assert_eq!(r, [ShareRefusal::Duplicate { project: current[0].clone() }]);
    assert!(share_refusals(&img, PROJECT_A, &current, &[], 2).is_empty());
    let r = share_refusals(&img, PROJECT_A, &current, &[C.into()], 2);
    assert_eq!(r, [ShareRefusal::CapReached { current: 3, adding: 1, cap: 2 }]);
}

#[test]
fn each_refusal_reads_as_its_api_error() {
    let table = [
        (ShareRefusal::NotOwner, ErrorCode::Forbidden, "only the image's owner can share it"),
        (ShareRefusal::NotPrivate { visibility: "public".into() }, ErrorCode::ShareNotPrivate, "this one is public"),
        (ShareRefusal::Encrypted, ErrorCode::ShareEncrypted, "encrypted images cannot be shared"),
        (ShareRefusal::WholeImage, ErrorCode::ShareWholeImage, "whole-machine images cannot be shared"),
        (ShareRefusal::Market, ErrorCode::ShareMarketImage, "market images cannot be shared"),
        (ShareRefusal::CapReached { current: 127, adding: 2, cap: 128 }, ErrorCode::ShareCapReached, "at most 128"),
        (ShareRefusal::OwnProject { project: PROJECT_A.into() }, ErrorCode::ShareOwnProject, "owns the image"),
        (ShareRefusal::Duplicate { project: C.into() }, ErrorCode::MemberExists, "already a member"),
        (ShareRefusal::MalformedProjectId { project: "x".into() }, ErrorCode::ShareBadProjectId, "not a project id"),
    ];
    for (refusal, code, text) in table {
        let e = refusal.to_error();
        assert_eq!((refusal.code(), e.code), (code, code), "{refusal:?}");
        assert!(e.message.contains(text), "{refusal:?}: {}", e.message);
        let per_project = matches!(
            refusal.code(),
            ErrorCode::ShareOwnProject | ErrorCode::MemberExists | ErrorCode::ShareBadProjectId
        );
        assert_eq!(refusal.project().is_some(), per_project, "{refusal:?}");
        assert_eq!(refusal.remaining().is_some(), code == ErrorCode::ShareCapReached, "{refusal:?}");
    }
    assert_eq!(ShareRefusal::Duplicate { project: C.into() }.project(), Some(C));
    assert_eq!(ShareRefusal::CapReached { current: 127, adding: 2, cap: 128 }.remaining(), Some(1));
    assert_eq!(ShareRefusal::CapReached { current: 130, adding: 1, cap: 128 }.remaining(), Some(0));
}

#[test]
fn a_plan_sends_each_allowed_project_once() {
    let requested: Vec<String> = [PROJECT_B, C, PROJECT_B].iter().map(|s| (*s).to_owned()).collect();
    let plan = plan_share(&private_image(json!({})), PROJECT_A, &[], &requested, 128);
    assert_eq!(plan.allowed, [PROJECT_B, C]);
    assert_eq!(plan.refusals, [ShareRefusal::Duplicate { project: PROJECT_B.into() }]);
    let other = plan_share(&private_image(json!({})), PROJECT_B, &[], &requested, 128);
    assert!(other.allowed.is_empty(), "only the owner's shares are sent");
}

#[test]
fn only_documented_statuses_and_only_the_member_itself() {
    assert!(check_status_change(C, C, &MemberStatus::Pending).is_ok());
    let e = check_status_change(PROJECT_B, C, &MemberStatus::Unknown("x".into())).unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden, "the caller is checked before the status");
}
