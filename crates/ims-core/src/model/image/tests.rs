use super::*;

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
