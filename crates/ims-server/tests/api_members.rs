//! Image members over HTTP: owner, member and stranger × every members endpoint, each refusal,
//! the cap, the visibility transitions and the consumer's inbox queries.

mod common;

use common::{error_code, ids, TestServer, TOKEN_A, TOKEN_B, TOKEN_PUBLIC};
use ims_core::demo::{PROJECT_A, PROJECT_B};
use ims_core::sharing::{Member, MemberList};
use ims_core::Image;
use ims_server::AppOptions;
use reqwest::Method;
use serde_json::json;

async fn share(server: &TestServer, token: &str, id: &str, member: &str) -> reqwest::Response {
    server
        .request(Method::POST, &format!("/v2/images/{id}/members"), Some(token))
        .json(&json!({ "member": member }))
        .send()
        .await
        .expect("request")
}

async fn set_status(server: &TestServer, token: &str, id: &str, member: &str, status: &str) -> reqwest::Response {
    server
        .request(Method::PUT, &format!("/v2/images/{id}/members/{member}"), Some(token))
        .json(&json!({ "status": status }))
        .send()
        .await
        .expect("request")
}

async fn inbox(server: &TestServer, token: &str, status: &str) -> Vec<String> {
    ids(&server.list(&format!("member_status={status}&visibility=shared&__imagetype=shared"), token).await)
}

#[tokio::test]
async fn share_accept_reject_and_cancel_end_to_end() {
    let server = TestServer::start().await;
    let id = server.image_id(TOKEN_A, "web-frontend-golden").await;
    let r = share(&server, TOKEN_A, &id, PROJECT_B).await;
    assert_eq!(r.status(), 200);
    let member: Member = r.json().await.expect("member");
    assert_eq!(
        (member.member_id.as_str(), member.status.as_str(), member.schema.as_str()),
        (PROJECT_B, "pending", "/v2/schemas/member")
    );
    let image: Image = server.get(&format!("/v2/images/{id}"), Some(TOKEN_A)).await.json().await.expect("image");
    assert_eq!(serde_json::to_value(&image).expect("json")["visibility"], "shared");
    assert_eq!(serde_json::to_value(&image).expect("json")["__imagetype"], "shared");

    assert_eq!(inbox(&server, TOKEN_B, "pending").await, std::slice::from_ref(&id));
    assert!(!ids(&server.list("", TOKEN_B).await).contains(&id), "pending shares are not in the plain list");
    assert_eq!(set_status(&server, TOKEN_B, &id, PROJECT_B, "rejected").await.status(), 200);
    assert_eq!(inbox(&server, TOKEN_B, "rejected").await, std::slice::from_ref(&id));
    assert_eq!(set_status(&server, TOKEN_B, &id, PROJECT_B, "accepted").await.status(), 200);
    assert_eq!(inbox(&server, TOKEN_B, "accepted").await, std::slice::from_ref(&id));
    assert!(ids(&server.list("", TOKEN_B).await).contains(&id));

    let r = server
        .request(Method::DELETE, &format!("/v2/images/{id}/members/{PROJECT_B}"), Some(TOKEN_A))
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 204);
    assert_eq!(server.get(&format!("/v2/images/{id}"), Some(TOKEN_B)).await.status(), 404);
    let image: serde_json::Value =
        server.get(&format!("/v2/images/{id}"), Some(TOKEN_A)).await.json().await.expect("image");
    assert_eq!((image["visibility"].as_str(), image["__imagetype"].as_str()), (Some("private"), Some("private")));
}

#[tokio::test]
async fn who_may_do_what_on_the_members_endpoints() {
    let server = TestServer::start().await;
    let id = server.image_id(TOKEN_A, "db-backup-2023").await;
    assert_eq!(share(&server, TOKEN_A, &id, PROJECT_B).await.status(), 200);
    let members = format!("/v2/images/{id}/members");
    let member = format!("{members}/{PROJECT_B}");
    let status = |r: reqwest::Response| r.status().as_u16();
    // owner, member, stranger
    let table: [(&str, [u16; 3]); 5] = [
        ("list", [200, 200, 404]),
        ("get", [200, 200, 404]),
        ("accept", [403, 200, 404]),
        ("share", [409, 403, 404]),
        ("cancel", [204, 403, 404]),
    ];
    for (what, want) in table {
        let mut got = Vec::new();
        for token in [TOKEN_A, TOKEN_B, TOKEN_PUBLIC] {
            let s = match what {
                "list" => status(server.get(&members, Some(token)).await),
                "get" => status(server.get(&member, Some(token)).await),
                "accept" => status(set_status(&server, token, &id, PROJECT_B, "accepted").await),
                "share" => status(share(&server, token, &id, PROJECT_B).await),
                _ => {
                    let s = status(server.request(Method::DELETE, &member, Some(token)).send().await.expect("request"));
                    if s == 204 {
                        assert_eq!(share(&server, TOKEN_A, &id, PROJECT_B).await.status(), 200, "share again");
                    }
                    s
                }
            };
            got.push(s);
        }
        assert_eq!(got, want, "{what} as owner, member, stranger");
    }
    let listed: MemberList = server.get(&members, Some(TOKEN_B)).await.json().await.expect("members");
    assert_eq!((listed.members.len(), listed.schema.as_str()), (1, "/v2/schemas/members"));
}

#[tokio::test]
async fn every_refusal_has_its_code() {
    let server = TestServer::start().await;
    let encrypted = server.image_id(TOKEN_A, "encrypted-finance").await;
    let whole = server.image_id(TOKEN_A, "whole-host-snapshot").await;
    let plain = server.image_id(TOKEN_A, "db-backup-2023").await;
    let public = ids(&server.list("__imagetype=gold&limit=1", TOKEN_PUBLIC).await).remove(0);
    let cases = [
        (TOKEN_A, &encrypted, PROJECT_B, 400, "IMS.0042"),
        (TOKEN_A, &whole, PROJECT_B, 400, "IMS.0043"),
        (TOKEN_A, &plain, PROJECT_A, 400, "IMS.0046"),
        (TOKEN_A, &plain, "Project-B", 400, "IMS.0047"),
        (TOKEN_PUBLIC, &public, PROJECT_B, 400, "IMS.0041"),
        (TOKEN_B, &public, PROJECT_A, 403, "IMS.0003"),
    ];
    for (token, id, member, status, code) in cases {
        assert_eq!(
            error_code(share(&server, token, id, member).await).await,
            (status, code.to_owned()),
            "{id} {member}"
        );
    }
    let market = server
        .patch(
            TOKEN_A,
            &plain,
            "application/openstack-images-v2.1-json-patch",
            json!([{"op": "add", "path": "/__productcode", "value": "x"}]),
        )
        .await;
    assert_eq!(error_code(market).await.1, "IMS.0030", "market codes cannot be set through PATCH");
    assert_eq!(error_code(set_status(&server, TOKEN_A, &plain, PROJECT_B, "accepted").await).await.0, 404);
}

#[tokio::test]
async fn the_default_cap_admits_128_members_and_refuses_the_129th() {
    let server = TestServer::start().await;
    let id = server.image_id(TOKEN_A, "db-backup-2023").await;
    for i in 0..128 {
        assert_eq!(share(&server, TOKEN_A, &id, &format!("{:032x}", 0xfeed_0000u64 + i)).await.status(), 200);
    }
    let refused = share(&server, TOKEN_A, &id, PROJECT_B).await;
    assert_eq!(error_code(refused).await, (400, "IMS.0045".to_owned()));
    let listed: MemberList =
        server.get(&format!("/v2/images/{id}/members"), Some(TOKEN_A)).await.json().await.expect("members");
    assert_eq!(listed.members.len(), 128);
}

#[tokio::test]
async fn the_cap_is_configurable_and_deleting_an_image_drops_its_shares() {
    let server = TestServer::start_with(AppOptions::default(), 1).await;
    let id = server.image_id(TOKEN_A, "db-backup-2023").await;
    assert_eq!(share(&server, TOKEN_A, &id, PROJECT_B).await.status(), 200);
    assert_eq!(error_code(share(&server, TOKEN_A, &id, &"c".repeat(32)).await).await.1, "IMS.0045");
    let r = server.request(Method::DELETE, &format!("/v2/images/{id}"), Some(TOKEN_A)).send().await.expect("request");
    assert_eq!(r.status(), 204);
    assert!(inbox(&server, TOKEN_B, "pending").await.is_empty());
    let count = server.store.member_rows().await.expect("count");
    assert_eq!(count, 0);
}
