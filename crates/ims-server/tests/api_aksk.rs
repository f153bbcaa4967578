//! AK/SK-signed calls over real HTTP: every refusal is a 401 envelope whose code names the part
//! that failed. (Valid signatures are exercised by the gateway tests and the SDK layer.)

mod gateway_support;

use gateway_support::*;
use ims_core::ErrorEnvelope;
use reqwest::Client;

async fn code(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    assert!(response.headers().contains_key("x-request-id"));
    (status, response.json::<ErrorEnvelope>().await.expect("an envelope").error.code)
}

fn signed(ak: &str, signature: &str) -> String {
    format!(
        "SDK-HMAC-SHA256 Access={ak}, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature={signature}"
    )
}

#[tokio::test]
async fn each_failing_part_has_its_code() {
    let upstream = Upstream::start(Some(&aksk_only_tokens())).await;
    let url = format!("http://{}/v2/cloudimages", upstream.addr);
    let now = ims_server::aksk::format_sdk_date(ims_server::clock::now().0);
    let zeros = "0".repeat(64);
    let cases = [
        ("Bearer abc".to_owned(), now.clone(), "IMS.0060"),
        (signed("NOPE", &zeros), now.clone(), "IMS.0061"),
        (signed("UPAKA", &zeros), "20200101T000000Z".to_owned(), "IMS.0062"),
        (signed("UPAKA", &zeros), now.clone(), "IMS.0063"),
    ];
    for (authorization, date, expected) in cases {
        let r = Client::new()
            .get(&url)
            .header("Authorization", &authorization)
            .header("X-Sdk-Date", date)
            .header("X-Project-Id", PROJECT_A)
            .header("Content-Type", "application/json")
            // A valid token beside a bad signature does not help.
            .header("X-Auth-Token", "demo-token-a")
            .send()
            .await
            .unwrap();
        let (status, got) = code(r).await;
        assert_eq!((status, got.as_str()), (401, expected), "{authorization}");
    }
}

#[tokio::test]
async fn a_captured_sdk_request_replayed_later_is_expired() {
    let upstream = Upstream::start(Some(&aksk_only_tokens())).await;
    let r = Client::new()
        .get(format!("http://{}/v2/cloudimages?limit=1", upstream.addr))
        .header("Authorization", signed("UPAKA", &"1".repeat(64)))
        .header("X-Sdk-Date", "20261123T084630Z")
        .header("X-Project-Id", PROJECT_A)
        .send()
        .await
        .unwrap();
    assert_eq!(code(r).await, (401, "IMS.0062".to_owned()));
}

#[tokio::test]
async fn a_signed_body_over_the_limit_is_a_413() {
    let upstream = Upstream::start(Some(&aksk_only_tokens())).await;
    let r = Client::new()
        .post(format!("http://{}/v2/images", upstream.addr))
        .header("Authorization", signed("UPAKA", &"0".repeat(64)))
        .header("Content-Type", "application/json")
        .body(vec![b' '; 2 * 1024 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(code(r).await, (413, "IMS.0006".to_owned()));
}
