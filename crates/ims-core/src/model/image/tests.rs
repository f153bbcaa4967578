use super::*;
use serde_json::json;

#[test]
fn nulls_unknown_keys_and_custom_properties_round_trip() {
    let wire = r#"{"id":"x","virtual_size":null,"aaaa":"11111","__new_attr":{"a":1},"status":"active"}"#;
    let image: Image = serde_json::from_str(wire).unwrap();
    assert_eq!(image.virtual_size, Field::Null);
    assert_eq!(image.status.get(), Some(&ImageStatus::Active));
    assert_eq!(image.properties["aaaa"], "11111");
    let back: serde_json::Value = serde_json::to_value(&image).unwrap();
    let orig: serde_json::Value = serde_json::from_str(wire).unwrap();
    assert_eq!(back, orig);
}

#[test]
fn attributes_read_leniently_but_refuse_nonsense() {
    let image: Image =
        serde_json::from_str(r#"{"__support_kvm":true,"min_disk":"40","protected":"True","__os_bit":64}"#).unwrap();
    assert_eq!(image.support_kvm.get().map(String::as_str), Some("true"));
    assert_eq!(image.min_disk.get(), Some(&40));
    assert_eq!(image.protected.get(), Some(&true));
    assert_eq!(image.os_bit.get().map(String::as_str), Some("64"));
    for bad in
        [r#"{"min_ram":"lots"}"#, r#"{"protected":"maybe"}"#, r#"{"tags":"a"}"#, r#"{"name":{}}"#, r#"{"status":1}"#]
    {
        assert!(serde_json::from_str::<Image>(bad).is_err(), "{bad}");
    }
}

#[test]
fn string_carried_numbers_have_typed_readers() {
    let image: Image = serde_json::from_str(r#"{"__image_size":"449261568","__support_kvm":"True"}"#).unwrap();
    assert_eq!(image.image_size_bytes(), Some(449_261_568));
    assert!(image.attr_flag("__support_kvm"));
    assert!(!image.attr_flag("__support_xen"));
}

#[test]
fn attributes_and_custom_properties_read_by_wire_name() {
    let image: Image =
        serde_json::from_str(r#"{"name":"n","min_disk":40,"tags":["a","b"],"aaaa":"1","virtual_size":null}"#).unwrap();
    assert_eq!(image.attr("name"), Some(serde_json::json!("n")));
    assert_eq!(image.attr_text("min_disk").as_deref(), Some("40"));
    assert_eq!(image.attr_text("tags").as_deref(), Some("a, b"));
    assert_eq!(image.attr_text("aaaa").as_deref(), Some("1"));
    assert_eq!(image.attr("virtual_size"), None);
    assert_eq!(image.attr("status"), None);
}

#[test]
fn each_lenient_reading_the_model_documents() {
    // model/field.rs: a boolean accepts "true"/"false" in any case, an integer a numeric string.
    let read = |v: serde_json::Value| serde_json::from_value::<Image>(v).map_err(|e| e.to_string());
    let table = [
        (json!({"protected": false}), Some(false)),
        (json!({"protected": "FALSE"}), Some(false)),
        (json!({"protected": "true"}), Some(true)),
        (json!({"protected": null}), None),
    ];
    for (v, want) in table {
        assert_eq!(read(v.clone()).map(|i| i.protected.get().copied()), Ok(want), "{v}");
    }
    assert_eq!(read(json!({"min_ram": " 512 "})).map(|i| i.min_ram.get().copied()), Ok(Some(512)));
    assert_eq!(read(json!({"min_ram": 7})).map(|i| i.min_ram.get().copied()), Ok(Some(7)));
    let err = read(json!({"min_ram": 1.5})).unwrap_err();
    assert!(err.contains("expected an integer"), "{err}");
    assert!(read(json!({"protected": 1})).unwrap_err().contains("expected a boolean"));
    assert_eq!(read(json!({"tags": ["a", 1]})).map(|i| i.tags.get().cloned()), Ok(Some(vec!["a".into(), "1".into()])));
    let image = read(json!({"__image_size": " 12 ", "__support_kvm": "True"})).unwrap();
    assert_eq!((image.image_size_bytes(), image.attr_flag("__support_kvm")), (Some(12), true));
    assert_eq!(Image::default().image_size_bytes(), None);
}

#[test]
fn a_field_decodes_to_absent_null_or_a_value() {
    // The tri-state contract of model::Field for any object that carries one.
    assert_eq!(serde_json::from_value::<Field<i64>>(json!(null)).ok(), Some(Field::Null));
    assert_eq!(serde_json::from_value::<Field<i64>>(json!("7")).ok(), Some(Field::Value(7)));
    assert!(serde_json::from_value::<Field<i64>>(json!("seven")).is_err());
    assert_eq!(serde_json::to_value(Field::<i64>::Null).ok(), Some(json!(null)));
}
