//! The IMS documents' sample bodies decode into the model and re-encode with every field kept.

use ims_core::catalog::Catalog;
use ims_core::model::{DiskFormat, ImageStatus, Platform};
use ims_core::time::Timestamp;
use ims_core::{Field, Image, ImageList};
use serde_json::Value;

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).expect("fixture")).expect("fixture JSON")
}

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(name: &str) -> T {
    let wire = fixture(name);
    let decoded: T = serde_json::from_value(wire.clone()).expect("decodes");
    assert_eq!(serde_json::to_value(&decoded).expect("encodes"), wire, "{name} lost or changed a field");
    decoded
}

#[test]
fn list_response_round_trips_with_typed_fields() {
    let list: ImageList = round_trip("list-response.json");
    assert_eq!(list.images.len(), 2);
    let first = &list.images[0];
    assert_eq!(first.status.get(), Some(&ImageStatus::Active));
    assert_eq!(first.platform.get(), Some(&Platform::CentOs));
    assert_eq!(first.disk_format.get(), Some(&DiskFormat::Zvhd2));
    assert_eq!(first.virtual_size, Field::Null);
    assert_eq!(first.support_kvm_fpga_type.get().map(String::as_str), Some("VU9P"));
    assert!(first.properties.is_empty(), "every sample key is a documented attribute");
}

#[test]
fn create_request_keeps_its_custom_property() {
    let request: Image = round_trip("create-request.json");
    assert_eq!(request.properties["aaaa"], "11111");
    assert!(ims_core::validate::validate_create(&request).is_empty());
}

#[test]
fn create_response_and_patch_response_round_trip() {
    let created: Image = round_trip("create-response.json");
    assert_eq!(created.image_size_bytes(), Some(0));
    let patched: Image = round_trip("patch-response.json");
    assert_eq!(patched.image_size_bytes(), Some(449_261_568));
    assert_eq!(patched.data_origin, Field::Null);
    assert_eq!(patched.backup_id.get().map(String::as_str), Some(""));
}

#[test]
fn the_engine_answers_the_create_sample_with_the_response_samples_fields() {
    let request: Image = serde_json::from_value(fixture("create-request.json")).expect("request");
    let response = fixture("create-response.json");
    let owner = response["owner"].as_str().expect("owner");
    let id = response["id"].as_str().expect("id");
    let mut catalog = Catalog::default();
    let made =
        catalog.create(owner, &request, id, Timestamp::parse("2016-06-02T07:49:48Z").expect("time")).expect("create");
    let made = serde_json::to_value(made).expect("encode");
    for key in [
        "schema",
        "min_disk",
        "created_at",
        "__image_source_type",
        "container_format",
        "__image_size",
        "file",
        "protected",
        "id",
        "__isregistered",
        "min_ram",
        "owner",
        "__os_type",
        "__imagetype",
        "visibility",
        "virtual_env_type",
        "tags",
        "__platform",
        "__os_bit",
        "__os_version",
        "name",
        "self",
        "disk_format",
        "status",
    ] {
        assert_eq!(made[key], response[key], "{key}");
    }
    assert_eq!(made["aaaa"], "11111");
}
