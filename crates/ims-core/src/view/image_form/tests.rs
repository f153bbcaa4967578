use super::*;
use crate::patch::{diff, PatchOp};
use serde_json::json;

#[test]
fn defaults_make_a_valid_request_once_named() {
    let form = ImageForm { name: "web".into(), ..ImageForm::default() };
    let request = form.create_request(Flavour::Ims).unwrap();
    let wire = serde_json::to_value(&request).unwrap();
    assert_eq!(wire["disk_format"], "vhd");
    assert_eq!(wire["__os_version"], "Other Linux(64 bit)");
    assert_eq!(wire["visibility"], "private");
}

#[test]
fn a_glance_create_takes_glance_formats_and_no_ims_os_version() {
    let form = ImageForm {
        name: "g".into(),
        disk_format: "vmdk".into(),
        container_format: "ova".into(),
        ..ImageForm::default()
    };
    let wire = serde_json::to_value(form.create_request(Flavour::Glance).unwrap()).unwrap();
    assert_eq!((wire["disk_format"].as_str(), wire["container_format"].as_str()), (Some("vmdk"), Some("ova")));
    assert!(wire.get("__os_version").is_none());
    let fields = |f: &ImageForm, flavour| -> Vec<String> {
        f.create_request(flavour).err().unwrap_or_default().into_iter().map(|p| p.field).collect()
    };
    assert_eq!(fields(&form, Flavour::Ims), ["container_format", "disk_format"]);
    let zvhd = ImageForm { disk_format: "zvhd2".into(), ..form };
    assert_eq!(fields(&zvhd, Flavour::Glance), ["disk_format"]);
}

#[test]
fn every_problem_is_reported_at_its_field() {
    let form = ImageForm {
        name: "x".repeat(256),
        min_disk: "lots".into(),
        min_ram: "-1".into(),
        tags: vec!["".into()],
        properties: vec![("k".into(), "1".into()), ("k".into(), "2".into()), ("status".into(), "x".into())],
        ..ImageForm::default()
    };
    let fields: Vec<String> = form.create_request(Flavour::Ims).unwrap_err().into_iter().map(|p| p.field).collect();
    for f in ["name", "min_disk", "min_ram", "tags", "k", "status"] {
        assert!(fields.iter().any(|x| x == f), "{f} missing from {fields:?}");
    }
}

#[test]
fn an_edit_diffs_to_the_operations_the_user_made() {
    let original: Image =
        serde_json::from_value(json!({"name": "a", "tags": ["t"], "keep": "1", "drop": "2"})).unwrap();
    let mut form = ImageForm::from_image(&original, Flavour::Ims);
    assert_eq!(diff(&original, &form.edited(&original, Flavour::Ims).unwrap()), []);
    form.name = "b".into();
    form.properties.retain(|(k, _)| k != "drop");
    form.properties.push(("new".into(), "3".into()));
    let ops = diff(&original, &form.edited(&original, Flavour::Ims).unwrap());
    assert_eq!(
        ops,
        [
            PatchOp::Replace { attr: "name".into(), value: json!("b") },
            PatchOp::Add { attr: "new".into(), value: json!("3") },
            PatchOp::Remove { attr: "drop".into() },
        ]
    );
    form.name = String::new();
    assert_eq!(form.edited(&original, Flavour::Ims).unwrap_err()[0].field, "name");
}

/// A Glance image as Glance 33 lists it before any data is uploaded.
fn glance_image() -> Image {
    serde_json::from_value(json!({
        "id": "1", "name": "a", "tags": [], "visibility": "private", "os_hidden": false,
        "os_hash_algo": null, "os_hash_value": null, "stores": "file", "os_glance_import": "x",
        "hw_cpu_cores": 4, "note": null, "kept": "v"
    }))
    .unwrap()
}

#[test]
fn a_glance_edit_sends_only_what_the_user_changed_and_keeps_untouched_json_types() {
    let original = glance_image();
    let mut form = ImageForm::from_image(&original, Flavour::Glance);
    let keys: Vec<&str> = form.properties.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["hw_cpu_cores", "kept", "note"], "Glance's own attributes are not properties");
    assert_eq!(form.properties[2].1, "", "null shows empty, not as the text null");
    assert_eq!(diff(&original, &form.edited(&original, Flavour::Glance).unwrap()), [], "untouched: nothing sent");
    form.name = "b".into();
    form.properties.retain(|(k, _)| k != "kept");
    form.properties.push(("new".into(), "3".into()));
    let ops = diff(&original, &form.edited(&original, Flavour::Glance).unwrap());
    assert_eq!(
        ops,
        [
            PatchOp::Replace { attr: "name".into(), value: json!("b") },
            PatchOp::Add { attr: "new".into(), value: json!("3") },
            PatchOp::Remove { attr: "kept".into() },
        ]
    );
}

#[test]
fn a_changed_non_string_property_is_sent_as_the_text_typed() {
    let original = glance_image();
    let mut form = ImageForm::from_image(&original, Flavour::Glance);
    form.properties[0].1 = "8".into();
    let ops = diff(&original, &form.edited(&original, Flavour::Glance).unwrap());
    assert_eq!(ops, [PatchOp::Replace { attr: "hw_cpu_cores".into(), value: json!("8") }]);
}

#[test]
fn a_glance_description_lives_in_the_description_property_and_is_never_duplicated() {
    let form = ImageForm { name: "a".into(), description: "front end".into(), ..ImageForm::default() };
    let glance = serde_json::to_value(form.create_request(Flavour::Glance).unwrap()).unwrap();
    assert_eq!(glance["description"], "front end");
    assert!(glance.get("__description").is_none(), "Glance would keep a second, IMS-named copy");
    let ims = serde_json::to_value(form.create_request(Flavour::Ims).unwrap()).unwrap();
    assert_eq!((ims["__description"].as_str(), ims.get("description")), (Some("front end"), None));

    let mut original = glance_image();
    original.properties.insert("description".into(), json!("old"));
    let mut form = ImageForm::from_image(&original, Flavour::Glance);
    assert_eq!(form.description, "old");
    assert!(form.properties.iter().all(|(k, _)| k != "description"), "shown once, in its own field");
    assert_eq!(diff(&original, &form.edited(&original, Flavour::Glance).unwrap()), []);
    form.description = "new".into();
    let ops = diff(&original, &form.edited(&original, Flavour::Glance).unwrap());
    assert_eq!(ops, [PatchOp::Replace { attr: "description".into(), value: json!("new") }]);
    form.description.clear();
    let ops = diff(&original, &form.edited(&original, Flavour::Glance).unwrap());
    assert_eq!(ops, [PatchOp::Remove { attr: "description".into() }]);
}
