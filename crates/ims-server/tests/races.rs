//! Concurrent clients against the real binary and a real SQLite file: the member cap is exact,
//! a duplicate share is accepted once, and concurrent patches lose no acknowledged change.
//! (`multi_instance.rs` runs the same races through two processes on one PostgreSQL.)

#[path = "support/binary.rs"]
mod binary;
#[path = "support/requests.rs"]
mod requests;

use binary::Running;
use requests::{create, image, member_count, patch_all, share_all};

#[tokio::test]
async fn fifty_concurrent_shares_against_a_cap_of_five_admit_exactly_five() {
    let dir = tempfile::tempdir().expect("dir");
    let server = Running::start(&dir.path().join("ims.sqlite"), &["--member-cap", "5"]);
    let id = create(&server.base, "capped").await;
    let statuses = share_all(std::slice::from_ref(&server.base), &id, 50, |i| format!("{i:032x}")).await;
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 5, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 400), "{statuses:?}");
    assert_eq!(member_count(&server.base, &id).await, 5);
}

#[tokio::test]
async fn thirty_concurrent_duplicate_shares_admit_exactly_one() {
    let dir = tempfile::tempdir().expect("dir");
    let server = Running::start(&dir.path().join("ims.sqlite"), &[]);
    let id = create(&server.base, "dup").await;
    let statuses =
        share_all(std::slice::from_ref(&server.base), &id, 30, |_| ims_core::demo::PROJECT_B.to_owned()).await;
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 409).count(), 29, "{statuses:?}");
    assert_eq!(member_count(&server.base, &id).await, 1);
}

#[tokio::test]
async fn concurrent_patches_lose_no_acknowledged_change() {
    let dir = tempfile::tempdir().expect("dir");
    let server = Running::start(&dir.path().join("ims.sqlite"), &[]);
    let id = create(&server.base, "patched").await;
    let acked = patch_all(std::slice::from_ref(&server.base), &id, 40).await;
    assert_eq!(acked.len(), 40, "every patch is acknowledged");
    let (_, image) = image(&server.base, &id).await;
    for i in acked {
        assert_eq!(image[format!("p{i}")], format!("v{i}"), "patch {i} was lost");
    }
}
