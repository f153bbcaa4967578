//! Image reads over real HTTP against a real SQLite file.

mod common;

use common::{TestServer, TOKEN_A, TOKEN_B};
use ims_core::demo::{PROJECT_A, PROJECT_B, PUBLIC_COUNT};
use ims_core::{ErrorEnvelope, Image, ImageList};

async fn envelope(response: reqwest::Response) -> ErrorEnvelope {
    response.json().await.expect("an error envelope")
}

#[tokio::test]
async fn a_project_lists_the_public_catalog_and_its_own_images_only() {
    let server = TestServer::start(None).await;
    let response = server.get("/v2/cloudimages", Some(TOKEN_A)).await;
    assert_eq!(response.status(), 200);
    assert!(response.headers().contains_key("x-request-id"));
    let list: ImageList = response.json().await.expect("image list");
    let owners = |owner: &str| {
        list.images
            .iter()
            .filter(|i| i.owner.get().map(String::as_str) == Some(owner))
            .count()
    };
    assert_eq!(owners(ims_core::demo::PUBLIC_OWNER), PUBLIC_COUNT);
    assert_eq!(owners(PROJECT_A), 4);
    assert_eq!(owners(PROJECT_B), 0);
    let created: Vec<_> = list
        .images
        .iter()
        .map(|i| i.created_at.get().cloned().unwrap_or_default())
        .collect();
    assert!(created.windows(2).all(|w| w[0] >= w[1]), "newest first");
}

#[tokio::test]
async fn missing_or_unknown_tokens_are_401_envelopes() {
    let server = TestServer::start(None).await;
    for token in [None, Some("nope")] {
        let response = server.get("/v2/cloudimages", token).await;
        assert_eq!(response.status(), 401);
        assert_eq!(envelope(response).await.error.code, "IMS.0002");
    }
}

#[tokio::test]
async fn another_projects_private_image_is_404_and_its_own_is_readable() {
    let server = TestServer::start(None).await;
    let list: ImageList = server
        .get("/v2/cloudimages", Some(TOKEN_B))
        .await
        .json()
        .await
        .expect("list");
    let b_image = list
        .images
        .iter()
        .find(|i| i.owner.get().map(String::as_str) == Some(PROJECT_B))
        .expect("B image");
    let path = format!("/v2/images/{}", b_image.id.get().expect("id"));

    let own = server.get(&path, Some(TOKEN_B)).await;
    assert_eq!(own.status(), 200);
    assert_eq!(&own.json::<Image>().await.expect("image"), b_image);

    let stranger = server.get(&path, Some(TOKEN_A)).await;
    assert_eq!(stranger.status(), 404);
    assert_eq!(envelope(stranger).await.error.code, "IMS.0004");
}

#[tokio::test]
async fn unknown_api_routes_and_methods_answer_with_the_envelope() {
    let server = TestServer::start(None).await;
    let response = server.get("/v2/nothing-here", Some(TOKEN_A)).await;
    assert_eq!(response.status(), 404);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap_or_default()
        .starts_with("application/json"));
    let response = server
        .client
        .delete(format!("{}/v2/cloudimages", server.base))
        .send()
        .await
        .expect("request");
    assert_eq!(response.status(), 405);
    assert_eq!(envelope(response).await.error.code, "IMS.0005");
}

#[tokio::test]
async fn console_deep_links_fall_back_to_index_html() {
    let dist = tempfile::tempdir().expect("dist");
    std::fs::write(
        dist.path().join("index.html"),
        "<!DOCTYPE html><title>IMS Console</title>",
    )
    .expect("write");
    let server = TestServer::start(Some(dist.path())).await;
    for path in ["/", "/images/abc"] {
        let response = server.get(path, None).await;
        assert_eq!(response.status(), 200, "{path}");
        assert!(response.text().await.expect("body").contains("IMS Console"));
    }
    assert_eq!(server.get("/v2/images/abc", None).await.status(), 401);
}
