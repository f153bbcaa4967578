//! Concurrent clients against the real binary and a real SQLite file: the member cap is exact,
//! a duplicate share is accepted once, and concurrent patches lose no acknowledged change.

#[path = "support/binary.rs"]
mod binary;

use binary::Running;
use serde_json::{json, Value};
use tokio::task::JoinSet;

const TOKEN_A: &str = "demo-token-a";
const V21: &str = "application/openstack-images-v2.1-json-patch";

async fn create(client: &reqwest::Client, base: &str, name: &str) -> String {
    let r = client.post(format!("{base}/v2/images")).header("X-Auth-Token", TOKEN_A).json(&json!({"name": name}));
    let image: Value = r.send().await.expect("create").json().await.expect("image");
    image["id"].as_str().expect("id").to_owned()
}

/// Sends `n` share requests at once; `member(i)` names the project of the i-th. Statuses, sorted.
async fn share_all(base: &str, id: &str, n: usize, member: fn(usize) -> String) -> Vec<u16> {
    let client = reqwest::Client::new();
    let mut tasks = JoinSet::new();
    for i in 0..n {
        let (client, url) = (client.clone(), format!("{base}/v2/images/{id}/members"));
        tasks.spawn(async move {
            let r = client.post(url).header("X-Auth-Token", TOKEN_A).json(&json!({"member": member(i)}));
            r.send().await.expect("share").status().as_u16()
        });
    }
    let mut statuses = tasks.join_all().await;
    statuses.sort_unstable();
    statuses
}

async fn member_count(base: &str, id: &str) -> usize {
    let url = format!("{base}/v2/images/{id}/members");
    let r = reqwest::Client::new().get(url).header("X-Auth-Token", TOKEN_A).send().await.expect("members");
    let list: Value = r.json().await.expect("list");
    list["members"].as_array().map_or(0, Vec::len)
}

#[tokio::test]
async fn fifty_concurrent_shares_against_a_cap_of_five_admit_exactly_five() {
    let dir = tempfile::tempdir().expect("dir");
    let server = Running::start(&dir.path().join("ims.sqlite"), &["--member-cap", "5"]);
    let id = create(&reqwest::Client::new(), &server.base, "capped").await;
    let statuses = share_all(&server.base, &id, 50, |i| format!("{i:032x}")).await;
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 5, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 400), "{statuses:?}");
    assert_eq!(member_count(&server.base, &id).await, 5);
}

#[tokio::test]
async fn thirty_concurrent_duplicate_shares_admit_exactly_one() {
    let dir = tempfile::tempdir().expect("dir");
    let server = Running::start(&dir.path().join("ims.sqlite"), &[]);
    let id = create(&reqwest::Client::new(), &server.base, "dup").await;
    let statuses = share_all(&server.base, &id, 30, |_| ims_core::demo::PROJECT_B.to_owned()).await;
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 409).count(), 29, "{statuses:?}");
    assert_eq!(member_count(&server.base, &id).await, 1);
}

#[tokio::test]
async fn concurrent_patches_lose_no_acknowledged_change() {
    let dir = tempfile::tempdir().expect("dir");
    let server = Running::start(&dir.path().join("ims.sqlite"), &[]);
    let client = reqwest::Client::new();
    let id = create(&client, &server.base, "patched").await;
    let mut tasks = JoinSet::new();
    for i in 0..40 {
        let (client, url) = (client.clone(), format!("{}/v2/images/{id}", server.base));
        tasks.spawn(async move {
            let ops = json!([{"op": "add", "path": format!("/p{i}"), "value": format!("v{i}")}]);
            let r = client.patch(url).header("X-Auth-Token", TOKEN_A).header("Content-Type", V21).body(ops.to_string());
            (i, r.send().await.expect("patch").status().as_u16())
        });
    }
    let acked: Vec<usize> = tasks.join_all().await.into_iter().filter(|(_, s)| *s == 200).map(|(i, _)| i).collect();
    assert_eq!(acked.len(), 40, "every patch is acknowledged");
    let url = format!("{}/v2/images/{id}", server.base);
    let image: Value =
        client.get(url).header("X-Auth-Token", TOKEN_A).send().await.expect("get").json().await.expect("json");
    for i in acked {
        assert_eq!(image[format!("p{i}")], format!("v{i}"), "patch {i} was lost");
    }
}
