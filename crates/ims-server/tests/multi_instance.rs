//! Two `ims-server` processes on one PostgreSQL database (`IMS_TEST_DATABASE_URL`, which
//! `cargo xtask test postgres` sets to a throwaway cluster): the member cap, duplicate shares
//! and patches are exact across processes, a write on one is read by the other at once, and
//! `kill -9` of one loses no acknowledged write while the other keeps serving.

#[path = "support/binary.rs"]
mod binary;
mod common;
#[path = "support/requests.rs"]
mod requests;

use binary::Running;
use requests::{create, image, member_count, patch_all, share_all, TOKEN_A, V21};
use serde_json::json;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Two instances on a fresh database, started at once (migrations and the demo seed must
/// happen once between them); `None` when no PostgreSQL is configured.
struct Pair {
    a: Running,
    b: Running,
    _dir: tempfile::TempDir,
}

impl Pair {
    fn bases(&self) -> Vec<String> {
        vec![self.a.base.clone(), self.b.base.clone()]
    }
}

async fn pair(args: &'static [&'static str]) -> Option<Pair> {
    let Ok(url) = std::env::var("IMS_TEST_DATABASE_URL") else {
        eprintln!("skipped: IMS_TEST_DATABASE_URL is not set (`cargo xtask test postgres` sets it)");
        return None;
    };
    let db = common::fresh_database(&url).await;
    let dir = tempfile::tempdir().expect("dir");
    let (da, db_) = (dir.path().join("a"), dir.path().join("b"));
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| Running::start_on(db.as_ref(), &da, args));
        let b = s.spawn(|| Running::start_on(db.as_ref(), &db_, args));
        (a.join().expect("start a"), b.join().expect("start b"))
    });
    Some(Pair { a, b, _dir: dir })
}

async fn listed_names(base: &str, query: &str) -> Vec<String> {
    let url = format!("{base}/v2/cloudimages?{query}");
    let r = reqwest::Client::new().get(url).header("X-Auth-Token", TOKEN_A).send().await.expect("list");
    assert_eq!(r.status(), 200);
    let list: serde_json::Value = r.json().await.expect("json");
    let names = list["images"].as_array().expect("images").iter();
    names.map(|i| i["name"].as_str().unwrap_or_default().to_owned()).collect()
}

#[tokio::test]
async fn fifty_shares_through_two_instances_against_a_cap_of_five_admit_exactly_five() {
    let Some(pair) = pair(&["--member-cap", "5"]).await else { return };
    let id = create(&pair.a.base, "capped").await;
    let statuses = share_all(&pair.bases(), &id, 50, |i| format!("{i:032x}")).await;
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 5, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 400), "{statuses:?}");
    assert_eq!(member_count(&pair.a.base, &id).await, 5);
    assert_eq!(member_count(&pair.b.base, &id).await, 5);
}

#[tokio::test]
async fn thirty_duplicate_shares_through_two_instances_admit_exactly_one() {
    let Some(pair) = pair(&[]).await else { return };
    let id = create(&pair.b.base, "dup").await;
    let statuses = share_all(&pair.bases(), &id, 30, |_| ims_core::demo::PROJECT_B.to_owned()).await;
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| **s == 409).count(), 29, "{statuses:?}");
    assert_eq!(member_count(&pair.a.base, &id).await, 1);
}

#[tokio::test]
async fn patches_through_two_instances_lose_no_acknowledged_change() {
    let Some(pair) = pair(&[]).await else { return };
    let id = create(&pair.a.base, "patched").await;
    let acked = patch_all(&pair.bases(), &id, 40).await;
    assert_eq!(acked.len(), 40, "every patch is acknowledged");
    for base in pair.bases() {
        let (_, image) = image(&base, &id).await;
        for i in &acked {
            assert_eq!(image[format!("p{i}")], format!("v{i}"), "patch {i} was lost, read through {base}");
        }
    }
}

#[tokio::test]
async fn a_write_on_one_instance_is_read_by_the_other_at_once() {
    let Some(pair) = pair(&[]).await else { return };
    // Both started on an empty database: the demo catalog was seeded once.
    let seeded = listed_names(&pair.a.base, "limit=500").await;
    assert!(!seeded.is_empty());
    assert_eq!(listed_names(&pair.b.base, "limit=500").await, seeded);
    let id = create(&pair.a.base, "made-on-a").await;
    assert_eq!(listed_names(&pair.b.base, "name=made-on-a").await, ["made-on-a"]);
    let r = reqwest::Client::new().delete(format!("{}/v2/images/{id}", pair.b.base)).header("X-Auth-Token", TOKEN_A);
    assert_eq!(r.send().await.expect("delete").status(), 204);
    assert_eq!(image(&pair.a.base, &id).await.0, 404);
}

/// Creates an image and patches `/round` on it, `rounds` times or until the server goes away;
/// returns what was acknowledged: (id, whether the patch was).
async fn writer(base: String, worker: usize, rounds: usize, acks: Arc<AtomicUsize>, killed: Arc<AtomicBool>) -> Ledger {
    let client = reqwest::Client::builder().timeout(Duration::from_secs(10)).build().expect("client");
    let mut ledger = Ledger::default();
    for round in 0..rounds {
        let body = json!({"name": format!("w{worker}-{round}")});
        let Ok(r) = client.post(format!("{base}/v2/images")).header("X-Auth-Token", TOKEN_A).json(&body).send().await
        else {
            return ledger;
        };
        let Ok(made) = r.json::<serde_json::Value>().await else { return ledger };
        let id = made["id"].as_str().expect("id").to_owned();
        ledger.acked.push((id.clone(), false));
        let ops = json!([{"op": "add", "path": "/round", "value": round.to_string()}]);
        let req = client.patch(format!("{base}/v2/images/{id}")).header("X-Auth-Token", TOKEN_A);
        match req.header("Content-Type", V21).body(ops.to_string()).send().await {
            Ok(r) if r.status() == 200 => ledger.acked.last_mut().expect("entry").1 = true,
            _ => return ledger,
        }
        acks.fetch_add(1, Ordering::SeqCst);
        if killed.load(Ordering::SeqCst) {
            ledger.after_kill += 1;
        }
    }
    ledger
}

#[derive(Default)]
struct Ledger {
    acked: Vec<(String, bool)>,
    after_kill: usize,
}

#[tokio::test]
async fn kill_9_of_one_instance_loses_no_acknowledged_write_and_the_other_keeps_serving() {
    let Some(pair) = pair(&[]).await else { return };
    let (acks, killed) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicBool::new(false)));
    let mut writers = Vec::new();
    for worker in 0..6 {
        let base = if worker % 2 == 0 { pair.a.base.clone() } else { pair.b.base.clone() };
        // Writers on A would run on; the kill ends them. Writers on B run a fixed course.
        let rounds = if worker % 2 == 0 { usize::MAX } else { 40 };
        writers.push(tokio::spawn(writer(base, worker, rounds, acks.clone(), killed.clone())));
    }
    while acks.load(Ordering::SeqCst) < 12 {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let Pair { a, b, _dir } = pair;
    killed.store(true, Ordering::SeqCst);
    a.kill9();
    let mut ledgers = Vec::new();
    for w in writers {
        ledgers.push(w.await.expect("writer"));
    }
    let after_kill: usize = ledgers.iter().skip(1).step_by(2).map(|l| l.after_kill).sum();
    assert!(after_kill > 0, "instance B acknowledged nothing after A was killed");
    for (id, patched) in ledgers.iter().flat_map(|l| &l.acked) {
        let (status, image) = image(&b.base, id).await;
        assert_eq!(status, 200, "acknowledged image {id} is gone");
        if *patched {
            assert!(image["round"].is_string(), "acknowledged patch of {id} is gone: {image}");
        }
    }
    assert!(!listed_names(&b.base, "limit=5").await.is_empty());
}
