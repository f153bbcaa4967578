//! `kill -9` at unpredictable moments during a stream of creates, patches and shares, then a
//! restart over the same SQLite file: every acknowledged write is there, the file passes
//! `PRAGMA integrity_check`, and no image holds half of a two-operation patch. And a slow
//! client cannot hold the server past its header-read timeout or its shutdown grace period.

#[path = "support/binary.rs"]
mod binary;

use binary::Running;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::io::AsyncWriteExt;

const TOKEN_A: &str = "demo-token-a";
const V21: &str = "application/openstack-images-v2.1-json-patch";

/// What one writer knows: per image, the last counter acknowledged and the last one attempted,
/// and whether its share with project B was acknowledged.
#[derive(Default, Clone)]
struct Ledger {
    images: BTreeMap<String, (u64, u64, bool)>,
}

/// Creates images, patches two properties to the same counter in one request, and shares,
/// until the server goes away.
async fn writer(base: String, worker: u64) -> Ledger {
    let client = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().expect("client");
    let mut ledger = Ledger::default();
    for round in 0u64.. {
        let body = json!({"name": format!("crash-{worker}-{round}")});
        let Ok(r) = client.post(format!("{base}/v2/images")).header("X-Auth-Token", TOKEN_A).json(&body).send().await
        else {
            return ledger;
        };
        let Ok(image) = r.json::<Value>().await else { return ledger };
        let id = image["id"].as_str().expect("id").to_owned();
        ledger.images.insert(id.clone(), (0, 0, false));
        for n in 1..=3u64 {
            ledger.images.get_mut(&id).expect("entry").1 = n;
            let ops = json!([
                {"op": "add", "path": "/pair_a", "value": n.to_string()},
                {"op": "add", "path": "/pair_b", "value": n.to_string()}
            ]);
            let url = format!("{base}/v2/images/{id}");
            let req = client.patch(url).header("X-Auth-Token", TOKEN_A).header("Content-Type", V21);
            match req.body(ops.to_string()).send().await {
                Ok(r) if r.status() == 200 => ledger.images.get_mut(&id).expect("entry").0 = n,
                _ => return ledger,
            }
        }
        let url = format!("{base}/v2/images/{id}/members");
        let share =
            client.post(url).header("X-Auth-Token", TOKEN_A).json(&json!({"member": ims_core::demo::PROJECT_B}));
        match share.send().await {
            Ok(r) if r.status() == 200 => ledger.images.get_mut(&id).expect("entry").2 = true,
            _ => return ledger,
        }
    }
    ledger
}

/// Somewhere between 100 and 500 ms, differently each run.
fn random_delay() -> Duration {
    let nanos = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    Duration::from_millis(100 + u64::from(nanos % 400))
}

async fn check(base: &str, ledger: &Ledger) {
    let client = reqwest::Client::new();
    for (id, (acked, attempted, shared)) in &ledger.images {
        let r = client.get(format!("{base}/v2/images/{id}")).header("X-Auth-Token", TOKEN_A).send().await.expect("get");
        assert_eq!(r.status(), 200, "acknowledged image {id} is gone");
        let image: Value = r.json().await.expect("image");
        assert_eq!(image["pair_a"], image["pair_b"], "half-applied patch on {id}");
        let stored: u64 = image["pair_a"].as_str().map_or(0, |v| v.parse().expect("counter"));
        assert!(stored >= *acked && stored <= *attempted, "{id}: stored {stored}, acked {acked}, tried {attempted}");
        if *shared {
            let url = format!("{base}/v2/images/{id}/members/{}", ims_core::demo::PROJECT_B);
            let r = client.get(url).header("X-Auth-Token", TOKEN_A).send().await.expect("member");
            assert_eq!(r.status(), 200, "acknowledged share of {id} is gone");
        }
    }
}

#[tokio::test]
async fn kill_9_during_writes_loses_no_acknowledged_write() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ims.sqlite");
    let mut all = Ledger::default();
    for _ in 0..4 {
        let server = Running::start(&db, &[]);
        check(&server.base, &all).await;
        let writers: Vec<_> = (0..3).map(|w| tokio::spawn(writer(server.base.clone(), w))).collect();
        tokio::time::sleep(random_delay()).await;
        server.kill9();
        for w in writers {
            all.images.extend(w.await.expect("writer").images);
        }
    }
    assert!(all.images.values().filter(|(acked, ..)| *acked > 0).count() >= 4, "too few writes to mean anything");
    let server = Running::start(&db, &[]);
    check(&server.base, &all).await;
    drop(server);
    let pool = ims_server::db::open(&db).await.expect("reopen");
    let (integrity,): (String,) = sqlx::query_as("PRAGMA integrity_check").fetch_one(&pool).await.expect("pragma");
    assert_eq!(integrity, "ok");
}

#[tokio::test]
async fn a_half_sent_request_neither_outlives_the_timeout_nor_blocks_shutdown() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("ims.sqlite");
    let addr = |s: &Running| s.base.trim_start_matches("http://").to_owned();

    let server = Running::start(&db, &["--header-read-timeout", "1s"]);
    let mut slow = tokio::net::TcpStream::connect(addr(&server)).await.expect("connect");
    slow.write_all(b"GET /v2/images HTTP/1.1\r\nHost: x\r\n").await.expect("write");
    let mut sink = Vec::new();
    let closed =
        tokio::time::timeout(Duration::from_secs(5), tokio::io::AsyncReadExt::read_to_end(&mut slow, &mut sink));
    assert!(closed.await.is_ok(), "the half-sent request was not closed");
    drop(server);

    // A long header timeout, so only the grace period can end the slow client's connection.
    let mut server = Running::start(&db, &["--header-read-timeout", "60s", "--shutdown-grace", "1s"]);
    let mut slow = tokio::net::TcpStream::connect(addr(&server)).await.expect("connect");
    slow.write_all(b"GET /v2/images HTTP/1.1\r\nHost: x\r\n").await.expect("write");
    tokio::time::sleep(Duration::from_millis(100)).await;
    let asked = Instant::now();
    server.sigterm();
    let status = tokio::task::spawn_blocking(move || {
        let status = server.child.wait();
        (status, server)
    });
    let (status, _server) = tokio::time::timeout(Duration::from_secs(5), status).await.expect("exited").expect("join");
    assert!(status.expect("wait").success(), "exit status after the grace period");
    assert!(asked.elapsed() < Duration::from_secs(4), "took {:?}", asked.elapsed());
}
