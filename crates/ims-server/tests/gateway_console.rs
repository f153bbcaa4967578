//! The console behind a gateway: served from the gateway's own origin with a CSP that lets it
//! connect to that origin only, while the API paths are forwarded (the logs: `gateway_logs.rs`).

mod gateway_support;

use gateway_support::*;
use ims_server::AppOptions;
use std::time::Duration;

#[tokio::test]
async fn the_console_is_served_by_the_gateway_and_connects_to_its_origin_only() {
    let upstream = Upstream::start(None).await;
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(dist.path().join("index.html"), "<!DOCTYPE html><title>IMS Console</title>").unwrap();
    let options = AppOptions { static_dir: Some(dist.path().to_owned()), ..AppOptions::default() };
    let gw = gateway_with(&format!("http://{}", upstream.addr), "", Duration::from_secs(10), &options).await;
    let client = reqwest::Client::new();
    let page = client.get(format!("{gw}/images/abc")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let csp = page.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("connect-src 'self';"), "{csp}");
    assert!(page.text().await.unwrap().contains("IMS Console"));
    let api = client.get(format!("{gw}/v2/cloudimages?limit=1")).header("X-Auth-Token", "demo-token-a").send().await;
    assert_eq!(api.unwrap().status(), 200, "the API path is forwarded, not the console");
    assert_eq!(upstream.seen().len(), 1, "the console's files are not forwarded");
}
