//! The input rules of DESIGN "Ranges" at their boundaries: the console's forms and the server
//! refuse exactly the same values, with the same codes and parameters.

use super::*;
use crate::error::ImsError;
use serde_json::json;

fn text(n: usize) -> String {
    "é".repeat(n)
}

fn request(v: serde_json::Value) -> Image {
    serde_json::from_value(v).unwrap()
}

fn codes(problems: &[ValidationError]) -> Vec<(&str, ValidationCode)> {
    problems.iter().map(|p| (p.field.as_str(), p.code)).collect()
}

#[test]
fn lengths_count_characters_and_both_ends_are_inclusive() {
    use ValidationCode::*;
    // (min, max, length, the code, if refused)
    let table = [
        (1, 255, 0, Some(Required)),
        (1, 255, 1, None),
        (1, 255, 255, None),
        (1, 255, 256, Some(TooLong)),
        (2, 5, 0, Some(TooShort)),
        (2, 5, 1, Some(TooShort)),
        (2, 5, 2, None),
        (2, 5, 5, None),
        (2, 5, 6, Some(TooLong)),
        (0, 3, 0, None),
    ];
    for (min, max, n, want) in table {
        let got = check_length("f", &text(n), min, max);
        assert_eq!(got.as_ref().map(|e| e.code), want, "{min}..={max} with {n} characters");
    }
    let long = check_length("name", &text(256), 1, 255).unwrap();
    assert_eq!(long.params, [("length".into(), "256".into()), ("max".into(), "255".into())].into());
    assert_eq!(check_length("f", "", 2, 5).unwrap().params, [("min".into(), "2".into())].into());
}

#[test]
fn names_tags_keys_and_os_versions_take_1_to_255_characters() {
    assert_eq!(validate_name("").map(|e| e.code), Some(ValidationCode::Required));
    assert_eq!(validate_name(&text(255)), None);
    assert_eq!(validate_name(&text(256)).map(|e| (e.field, e.code)), Some(("name".into(), ValidationCode::TooLong)));
    let tags = vec![text(255), String::new(), text(256), "a".into()];
    let got = validate_tags(&tags);
    assert_eq!(codes(&got), [("tags", ValidationCode::Required), ("tags", ValidationCode::TooLong)]);
    assert_eq!(got[0].params.get("index").map(String::as_str), Some("1"));
    assert_eq!(got[1].params.get("index").map(String::as_str), Some("2"));
    let key = text(256);
    let got = validate_property(&key, &json!("v"));
    assert_eq!(codes(&got), [(key.as_str(), ValidationCode::TooLong)]);
    assert_eq!(got[0].params.get("part").map(String::as_str), Some("key"));
    assert!(validate_property(&text(255), &json!("")).is_empty(), "values may be empty strings");
    let os = |n| validate_create(&request(json!({"__os_version": text(n)})));
    assert!(os(255).is_empty());
    assert_eq!(codes(&os(256)), [("__os_version", ValidationCode::TooLong)]);
    assert_eq!(codes(&os(0)), [("__os_version", ValidationCode::Required)]);
}

#[test]
fn descriptions_take_0_to_1024_characters() {
    assert_eq!(validate_description(""), None);
    assert_eq!(validate_description(&text(1024)), None);
    let e = validate_description(&text(1025)).unwrap();
    assert_eq!((e.field.as_str(), e.code), ("__description", ValidationCode::TooLong));
    assert_eq!(e.params.get("max").map(String::as_str), Some("1024"));
    let create = validate_create(&request(json!({"__description": text(1025)})));
    assert_eq!(codes(&create), [("__description", ValidationCode::TooLong)]);
}

#[test]
fn a_tag_twice_is_a_duplicate_naming_its_second_place() {
    let tags: Vec<String> = ["a", "b", "a", "c", "b"].map(String::from).into();
    let got = validate_tags(&tags);
    assert_eq!(codes(&got), [("tags", ValidationCode::Duplicate); 2]);
    assert_eq!(got[0].params.get("index").map(String::as_str), Some("2"));
    assert_eq!(got[1].params.get("value").map(String::as_str), Some("b"));
}

#[test]
fn custom_properties_are_strings_under_keys_that_are_not_attributes() {
    let got = validate_property("status", &json!(3));
    assert_eq!(codes(&got), [("status", ValidationCode::ReadOnly), ("status", ValidationCode::InvalidType)]);
    assert_eq!(codes(&validate_property("", &json!("v"))), [("", ValidationCode::Required)]);
}

#[test]
fn project_ids_are_32_lower_case_hex_characters() {
    let ok = "0123456789abcdef0123456789abcdef";
    assert_eq!(validate_project_id(ok), None);
    let bad = [
        &ok[..31],
        "0123456789abcdef0123456789abcdef0",
        "0123456789ABCDEF0123456789abcdef",
        "0123456789abcdefg123456789abcdef",
    ];
    for id in bad {
        let e = validate_project_id(id).unwrap();
        assert_eq!((e.field.as_str(), e.code), ("member", ValidationCode::InvalidFormat), "{id}");
        assert_eq!(e.params.get("value").map(String::as_str), Some(id));
    }
}

#[test]
fn create_accepts_only_private_bare_and_the_create_disk_formats() {
    let base =
        request(json!({"name": "n", "visibility": "private", "container_format": "bare", "disk_format": "qcow2"}));
    assert!(validate_create(&base).is_empty());
    for format in ["vhd", "zvhd", "zvhd2", "raw", "qcow2"] {
        assert!(validate_create(&request(json!({"disk_format": format}))).is_empty(), "{format}");
    }
    let got = validate_create(&request(
        json!({"name": "", "visibility": "public", "container_format": "ovf", "disk_format": "iso"}),
    ));
    use ValidationCode::*;
    let want = [("name", Required), ("visibility", NotAllowedValue), ("container_format", NotAllowedValue)];
    assert_eq!(codes(&got)[..3], want);
    assert_eq!(codes(&got)[3], ("disk_format", NotAllowedValue));
    assert_eq!(got[3].params.get("allowed").map(String::as_str), Some("vhd, zvhd, zvhd2, raw, qcow2"));
    assert_eq!(got[1].params.get("value").map(String::as_str), Some("public"));
}

#[test]
fn min_disk_0_to_1024_and_min_ram_at_least_0() {
    let disk = |n: i64| codes(&validate_create(&request(json!({"min_disk": n})))).len();
    let table = [(-1, 1), (0, 0), (1, 0), (1024, 0), (1025, 1)];
    for (n, problems) in table {
        assert_eq!(disk(n), problems, "min_disk {n}");
    }
    let e = &validate_create(&request(json!({"min_disk": 1025})))[0];
    assert_eq!(e.code, ValidationCode::OutOfRange);
    assert_eq!(e.params, [("max", "1024"), ("min", "0"), ("value", "1025")].map(|(k, v)| (k.into(), v.into())).into());
    let ram = |n: i64| validate_create(&request(json!({"min_ram": n})));
    assert!(ram(0).is_empty());
    assert_eq!(codes(&ram(-1)), [("min_ram", ValidationCode::OutOfRange)]);
    assert_eq!(ram(-1)[0].params.get("max"), None, "min_ram has no upper bound");
}

#[test]
fn create_refuses_attributes_it_may_not_set_and_bad_custom_properties() {
    let got = validate_create(&request(json!({"name": "n", "status": "active", "id": null, "k": 1, "ok": "v"})));
    let mut got = codes(&got);
    got.sort_unstable_by_key(|(f, _)| *f);
    assert_eq!(
        got,
        [("id", ValidationCode::ReadOnly), ("k", ValidationCode::InvalidType), ("status", ValidationCode::ReadOnly)]
    );
    let allowed = json!({"name": "n", "__os_version": "CentOS 7.9 64bit", "visibility": "private", "protected": true,
        "container_format": "bare", "disk_format": "vhd", "tags": ["a"], "min_ram": 1, "min_disk": 40, "__description": ""});
    assert!(validate_create(&request(allowed)).is_empty());
}

#[test]
fn min_disk_outside_40_to_1024_only_warns() {
    let warn = |v: serde_json::Value| create_warnings(&request(v), crate::Flavour::Ims);
    for n in [0, 1, 39] {
        let w = warn(json!({"min_disk": n}));
        assert_eq!(codes(&w), [("min_disk", ValidationCode::OutsideRecommendedRange)], "{n}");
        assert_eq!(w[0].params, [("max".into(), "1024".into()), ("min".into(), "40".into())].into());
    }
    for v in [
        json!({"min_disk": 40}),
        json!({"min_disk": 1024}),
        json!({"min_disk": 1025}),
        json!({"min_disk": -1}),
        json!({}),
    ] {
        assert!(warn(v.clone()).is_empty(), "{v}: an accepted recommended value, or already an error");
    }
    let glance = create_warnings(&request(json!({"min_disk": 1})), crate::Flavour::Glance);
    assert!(glance.is_empty(), "IMS's recommended range is no advice for Glance");
}

#[test]
fn each_problem_reads_as_field_code_and_params_in_error_messages() {
    let e = ValidationError::new("name", ValidationCode::TooLong).with("max", 255).with("length", 300);
    assert_eq!(e.to_string(), "name: too_long length=300 max=255");
    assert_eq!(
        ValidationError::new("x", ValidationCode::OutsideRecommendedRange).to_string(),
        "x: outside_recommended_range"
    );
    let wire = serde_json::to_value(&e).unwrap();
    assert_eq!(wire, json!({"field": "name", "code": "too_long", "params": {"max": "255", "length": "300"}}));
    let both = ImsError::invalid(vec![e, ValidationError::new("tags", ValidationCode::Duplicate)]);
    assert_eq!(both.message, "name: too_long length=300 max=255; tags: duplicate");
}

#[test]
fn the_hashes_of_uploaded_data_are_read_only_properties() {
    for key in crate::fields::DATA_ATTRIBUTES {
        let problems = validate_property(key, &serde_json::json!("forged"));
        assert_eq!(problems.iter().map(|p| p.code).collect::<Vec<_>>(), [ValidationCode::ReadOnly], "{key}");
    }
    assert!(validate_property("os_distro", &serde_json::json!("cirros")).is_empty());
}
