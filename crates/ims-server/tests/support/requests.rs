//! Concurrent requests spread over one or several instances of the server: request `i` goes
//! to `bases[i % bases.len()]`, so the same helpers test one process or several on one database.
#![allow(dead_code)]

use serde_json::{json, Value};
use tokio::task::JoinSet;

pub const TOKEN_A: &str = "demo-token-a";
pub const V21: &str = "application/openstack-images-v2.1-json-patch";

pub async fn create(base: &str, name: &str) -> String {
    let client = reqwest::Client::new();
    let r = client.post(format!("{base}/v2/images")).header("X-Auth-Token", TOKEN_A).json(&json!({"name": name}));
    let image: Value = r.send().await.expect("create").json().await.expect("image");
    image["id"].as_str().expect("id").to_owned()
}

/// Sends `n` share requests at once; `member(i)` names the project of the i-th. Statuses, sorted.
pub async fn share_all(bases: &[String], id: &str, n: usize, member: fn(usize) -> String) -> Vec<u16> {
    let client = reqwest::Client::new();
    let mut tasks = JoinSet::new();
    for i in 0..n {
        let (client, url) = (client.clone(), format!("{}/v2/images/{id}/members", bases[i % bases.len()]));
        tasks.spawn(async move {
            let r = client.post(url).header("X-Auth-Token", TOKEN_A).json(&json!({"member": member(i)}));
            r.send().await.expect("share").status().as_u16()
        });
    }
    let mut statuses = tasks.join_all().await;
    statuses.sort_unstable();
    statuses
}

pub async fn member_count(base: &str, id: &str) -> usize {
    let url = format!("{base}/v2/images/{id}/members");
    let r = reqwest::Client::new().get(url).header("X-Auth-Token", TOKEN_A).send().await.expect("members");
    let list: Value = r.json().await.expect("list");
    list["members"].as_array().map_or(0, Vec::len)
}

/// `n` patches at once, the i-th adding `/p{i}` = `v{i}`; the indexes acknowledged with 200.
pub async fn patch_all(bases: &[String], id: &str, n: usize) -> Vec<usize> {
    let client = reqwest::Client::new();
    let mut tasks = JoinSet::new();
    for i in 0..n {
        let (client, url) = (client.clone(), format!("{}/v2/images/{id}", bases[i % bases.len()]));
        tasks.spawn(async move {
            let ops = json!([{"op": "add", "path": format!("/p{i}"), "value": format!("v{i}")}]);
            let r = client.patch(url).header("X-Auth-Token", TOKEN_A).header("Content-Type", V21).body(ops.to_string());
            (i, r.send().await.expect("patch").status().as_u16())
        });
    }
    tasks.join_all().await.into_iter().filter(|(_, s)| *s == 200).map(|(i, _)| i).collect()
}

/// The image as owner A reads it through `base`.
pub async fn image(base: &str, id: &str) -> (u16, Value) {
    let r = reqwest::Client::new().get(format!("{base}/v2/images/{id}")).header("X-Auth-Token", TOKEN_A);
    let r = r.send().await.expect("get");
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}
