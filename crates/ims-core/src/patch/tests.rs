use super::*;
use crate::error::ErrorCode;
use crate::model::Field;
use proptest::prelude::*;
use serde_json::json;

fn image() -> crate::Image {
    serde_json::from_value(json!({
        "id": "33ad552d-1149-471c-8190-ff6776174a00", "name": "ims_test", "status": "active",
        "__description": "ims test", "tags": ["a"], "aaaa": "11111", "min_disk": 40
    }))
    .unwrap()
}

fn parse_v21(body: serde_json::Value) -> Result<Vec<PatchOp>, crate::ImsError> {
    parse(MediaType::V2_1, body.to_string().as_bytes())
}

#[test]
fn both_spec_examples_parse_to_the_same_operation() {
    let v21 = parse_v21(json!([{"op": "replace", "path": "/name", "value": "test01"}])).unwrap();
    let v20 = parse(MediaType::V2_0, br#"[{"replace": "/name", "value": "test01"}]"#).unwrap();
    assert_eq!(v21, v20);
    assert_eq!(v21, [PatchOp::Replace { attr: "name".into(), value: json!("test01") }]);
}

#[test]
fn media_types_round_trip_and_only_the_two_are_known() {
    for m in MediaType::ALL {
        assert_eq!(MediaType::from_content_type(m.content_type()), Some(m));
    }
    assert_eq!(
        MediaType::from_content_type("Application/OpenStack-Images-V2.1-JSON-Patch; charset=utf-8"),
        Some(MediaType::V2_1)
    );
    assert_eq!(MediaType::from_content_type("application/json"), None);
    assert_eq!(MediaType::from_content_type("application/json-patch+json"), None);
}

#[test]
fn malformed_and_mixed_bodies_are_invalid_patches() {
    let v21_bad = [
        json!({"op": "replace"}),
        json!([{"op": "replace", "path": "/name"}]),
        json!([{"op": "move", "path": "/name", "value": "x"}]),
        json!([{"op": "replace", "path": "name", "value": "x"}]),
        json!([{"op": "replace", "path": "/tags/0", "value": "x"}]),
        json!([{"op": "replace", "path": "/", "value": "x"}]),
        json!([{"op": "replace", "path": "/a~2b", "value": "x"}]),
        json!([{"op": "replace", "path": "/name", "value": "x", "from": "/y"}]),
        json!([{"op": "replace", "path": "/name", "value": "x", "replace": "/name"}]),
        json!([{"replace": "/name", "value": "x"}]),
        json!(["replace"]),
    ];
    for body in v21_bad {
        assert_eq!(parse_v21(body.clone()).unwrap_err().code, ErrorCode::InvalidPatch, "{body}");
    }
    let v20_bad = [
        json!([{"op": "replace", "path": "/name", "value": "x"}]),
        json!([{"replace": "/name", "add": "/x", "value": "x"}]),
        json!([{"replace": "/name"}]),
        json!([{"replace": 5, "value": "x"}]),
        json!([{"value": "x"}]),
    ];
    for body in v20_bad {
        let err = parse(MediaType::V2_0, body.to_string().as_bytes()).unwrap_err();
        assert_eq!(err.code, ErrorCode::InvalidPatch, "{body}");
    }
    assert_eq!(parse(MediaType::V2_1, b"\xff\xfe").unwrap_err().code, ErrorCode::InvalidPatch);
}

#[test]
fn a_mixture_of_the_two_forms_is_reported_as_such() {
    // The client learns it sent the other media type's shape, not merely an unknown key.
    for (media, body) in [
        (MediaType::V2_0, json!([{"replace": "/name", "value": "x", "path": "/name"}])),
        (MediaType::V2_0, json!([{"replace": "/name", "value": "x", "op": "replace"}])),
        (MediaType::V2_1, json!([{"op": "replace", "path": "/name", "value": "x", "remove": "/name"}])),
    ] {
        let err = parse(media, body.to_string().as_bytes()).unwrap_err();
        let other = if media == MediaType::V2_0 { "v2.1" } else { "v2.0" };
        assert!(err.message.contains(&format!("uses the {other} form")), "{body}: {}", err.message);
    }
}

#[test]
fn json_pointer_escapes_round_trip() {
    let ops = vec![PatchOp::Add { attr: "a/b~c".into(), value: json!("v") }];
    for m in MediaType::ALL {
        let body = to_body(&ops, m).to_string();
        assert_eq!(parse(m, body.as_bytes()).unwrap(), ops);
    }
    assert_eq!(to_body(&ops, MediaType::V2_1), json!([{"op": "add", "path": "/a~1b~0c", "value": "v"}]));
    assert_eq!(to_body(&ops, MediaType::V2_0), json!([{"add": "/a~1b~0c", "value": "v"}]));
}

#[test]
fn the_rules_of_design_md() {
    let img = image();
    let err = |ops: serde_json::Value| apply(&img, &parse_v21(ops).unwrap()).unwrap_err();
    let read_only = err(json!([{"op": "replace", "path": "/status", "value": "killed"}]));
    assert_eq!(
        (read_only.code, read_only.message.as_str()),
        (ErrorCode::ReadOnlyAttribute, "Attribute 'status' is read-only")
    );
    assert_eq!(err(json!([{"op": "add", "path": "/min_disk", "value": 1}])).code, ErrorCode::ReadOnlyAttribute);
    assert_eq!(err(json!([{"op": "replace", "path": "/nope", "value": "x"}])).code, ErrorCode::PropertyMissing);
    assert_eq!(err(json!([{"op": "remove", "path": "/nope"}])).code, ErrorCode::PropertyMissing);
    assert_eq!(err(json!([{"op": "remove", "path": "/name"}])).code, ErrorCode::Forbidden);
    assert_eq!(err(json!([{"op": "remove", "path": "/tags"}])).code, ErrorCode::Forbidden);
    let long = err(json!([{"op": "replace", "path": "/name", "value": "x".repeat(256)}]));
    assert_eq!((long.code, long.details[0].field.as_str()), (ErrorCode::InvalidBody, "name"));
    assert_eq!(err(json!([{"op": "add", "path": "/k", "value": 5}])).code, ErrorCode::InvalidBody);
    assert_eq!(err(json!([{"op": "replace", "path": "/tags", "value": "a"}])).code, ErrorCode::InvalidBody);

    let ok = apply(
        &img,
        &parse_v21(json!([
            {"op": "add", "path": "/aaaa", "value": "22222"},
            {"op": "add", "path": "/new", "value": ""},
            {"op": "remove", "path": "/__description"},
            {"op": "replace", "path": "/tags", "value": ["x", "y"]},
            {"op": "replace", "path": "/name", "value": "renamed"}
        ]))
        .unwrap(),
    )
    .unwrap();
    assert_eq!(ok.properties["aaaa"], "22222");
    assert_eq!(ok.properties["new"], "");
    assert_eq!(ok.description, Field::Absent);
    assert_eq!(ok.tags.get().unwrap(), &["x", "y"]);
    assert_eq!(ok.name.get().unwrap(), "renamed");
}

#[test]
fn a_refused_operation_leaves_nothing_applied() {
    let img = image();
    let ops = parse_v21(json!([{"op": "replace", "path": "/name", "value": "new"}, {"op": "remove", "path": "/zzz"}]))
        .unwrap();
    assert!(apply(&img, &ops).is_err());
    assert_eq!(img.name.get().unwrap(), "ims_test");
}

fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::char::any(), 1..max).prop_map(|c| c.into_iter().collect())
}

/// Name, description, tags and custom properties: everything PATCH may change.
type EditableState = (String, Option<String>, Vec<String>, Vec<(String, String)>);

fn editable_state() -> impl Strategy<Value = EditableState> {
    let key = "[a-z_]{1,6}".prop_filter("custom keys only", |k| crate::fields::field(k).is_none());
    (
        text(40),
        proptest::option::of(text(40)),
        proptest::collection::btree_set(text(8), 0..4).prop_map(|s| s.into_iter().collect()),
        proptest::collection::vec((key, ".{0,8}"), 0..5),
    )
}

fn with_state(base: &crate::Image, (name, description, tags, props): EditableState) -> crate::Image {
    let mut img = base.clone();
    img.name = Field::Value(name);
    img.description = description.into();
    img.tags = Field::Value(tags);
    img.properties = props.into_iter().map(|(k, v)| (k, serde_json::Value::from(v))).collect();
    img
}

proptest! {
    #[test]
    fn applying_the_diff_gives_the_edited_image(a in editable_state(), b in editable_state(), media in proptest::sample::select(MediaType::ALL.to_vec())) {
        let (a, b) = (with_state(&image(), a), with_state(&image(), b));
        let ops = diff(&a, &b);
        let sent = parse(media, to_body(&ops, media).to_string().as_bytes()).unwrap();
        prop_assert_eq!(apply(&a, &sent).unwrap(), b);
    }

    /// An edit form the user did not change sends no operation (and so does not move `updated_at`).
    #[test]
    fn an_unchanged_image_diffs_to_nothing(a in editable_state()) {
        let a = with_state(&image(), a);
        prop_assert_eq!(diff(&a, &a.clone()), []);
    }

    #[test]
    fn no_body_panics(body in proptest::collection::vec(any::<u8>(), 0..64)) {
        for m in MediaType::ALL {
            let _ = parse(m, &body);
        }
    }
}
