//! Deep pages cost what the first page costs: for every sort key and direction, the page after
//! a marker is read by an index seek (`SEARCH`), never by walking the table or an index from its
//! start (`SCAN`) and never by sorting (`TEMP B-TREE`); on PostgreSQL (`IMS_TEST_DATABASE_URL`),
//! by an `Index Scan` with no `Seq Scan` and no `Sort`. The differential test holds the pages
//! themselves equal to the `ims-core` engine's.

mod common;

use common::{ids, TestServer, TOKEN_A};
use ims_core::demo::PROJECT_A;
use ims_core::query::{SortDir, SortKey};
use ims_core::ListQuery;
use serde_json::json;

fn assert_seeks(plan: &str, what: &str) {
    // SQLite's EXPLAIN QUERY PLAN, or PostgreSQL's EXPLAIN (the test server's store).
    let (walks, seek): (&[&str], [&str; 2]) = if plan.contains("cost=") {
        (&["Seq Scan on images", "Sort"], ["Index Scan", " using images_"])
    } else {
        (&["SCAN images", "TEMP B-TREE"], ["SEARCH images USING", ""])
    };
    for line in plan.lines() {
        assert!(!walks.iter().any(|w| line.contains(w)), "{what}: {line}\n{plan}");
    }
    let seeks = plan.lines().any(|l| seek.iter().all(|s| l.contains(s)));
    assert!(seeks, "{what}: no index seek\n{plan}");
}

#[tokio::test]
async fn every_sort_key_and_direction_pages_by_index_seek() {
    let server = TestServer::start().await;
    // A queued image has no size: the marker for the NULL branch of `size`.
    let made: serde_json::Value = server.create(TOKEN_A, json!({"name": "no-size"})).await.json().await.expect("img");
    let null_marker = made["id"].as_str().expect("id").to_owned();
    let store = &server.store;
    let mut checked = 0;
    for &key in SortKey::ALL {
        for dir in [SortDir::Asc, SortDir::Desc] {
            let sorted = format!("sort_key={key}&sort_dir={dir}");
            let first = server.list(&format!("{sorted}&limit=3"), TOKEN_A).await;
            let mut markers = vec![ids(&first)[1].clone()];
            if key == SortKey::Size {
                markers.push(null_marker.clone());
            }
            for marker in markers {
                let query = ListQuery::parse(&format!("{sorted}&marker={marker}&limit=2")).expect("query");
                let plans = store.explain_list(PROJECT_A, &query).await.expect("plan");
                for plan in &plans {
                    assert_seeks(plan, &format!("{sorted} marker {marker}"));
                    checked += 1;
                }
            }
        }
    }
    assert!(checked >= SortKey::ALL.len() * 2 + 2, "only {checked} plans checked");
}
