use super::*;
use serde_json::json;

fn image(owner: &str, visibility: &str, image_type: Option<&str>) -> Image {
    let mut value = json!({"id": "i", "owner": owner, "visibility": visibility});
    if let Some(t) = image_type {
        value["__imagetype"] = json!(t);
    }
    serde_json::from_value(value).unwrap()
}

#[test]
fn the_owner_changes_a_member_answers_and_anyone_else_looks() {
    assert_eq!(Role::of(&image("a", "private", None), Some("a")), Role::Owner);
    assert_eq!(Role::of(&image("a", "public", Some("gold")), Some("a")), Role::Owner);
    assert_eq!(Role::of(&image("a", "shared", None), Some("b")), Role::Consumer);
    assert_eq!(
        Role::of(&image("a", "private", Some("shared")), Some("b")),
        Role::Consumer,
        "IMS: private, shared type"
    );
    assert_eq!(Role::of(&image("a", "public", Some("gold")), Some("b")), Role::Viewer);
    assert_eq!(Role::of(&image("a", "community", None), Some("b")), Role::Viewer, "Glance's community images");
}

#[test]
fn an_unknown_caller_is_offered_every_action_and_the_server_decides() {
    for caller in [None, Some("")] {
        assert_eq!(Role::of(&image("a", "shared", None), caller), Role::Owner);
    }
    assert!(Role::Owner.may_change());
    assert!(!Role::Consumer.may_change());
    assert!(!Role::Viewer.may_change());
}

#[test]
fn the_caller_is_read_from_whoami_or_from_its_own_image() {
    assert_eq!(Caller::parse(r#"{"project_id": "p1"}"#), Some("p1".to_owned()));
    assert_eq!(Caller::parse(r#"{"project_id": ""}"#), None);
    assert_eq!(Caller::parse("<html>404</html>"), None);
    assert_eq!(Caller::from_own_images(&[image("p2", "private", None)]), Some("p2".to_owned()));
    assert_eq!(Caller::from_own_images(&[]), None);
}

#[test]
fn the_own_images_query_asks_each_backend_for_one_private_image() {
    let ims = crate::request::ApiRequest::list(Flavour::Ims, &Flavour::Ims.own_images_query());
    assert_eq!(ims.path, "/v2/cloudimages?__imagetype=private&limit=1");
    let glance = crate::request::ApiRequest::list(Flavour::Glance, &Flavour::Glance.own_images_query());
    assert_eq!(glance.path, "/v2/images?visibility=private&limit=1");
}

#[test]
fn only_an_ims_endpoint_is_asked_whoami() {
    assert!(Flavour::Ims.asks_whoami());
    assert!(!Flavour::Glance.asks_whoami());
}
