use super::*;
use crate::Image;
use serde_json::json;

#[test]
fn a_flavour_tag_reads_back() {
    for f in Flavour::ALL {
        assert_eq!(Flavour::from_tag(f.as_str()), Some(f));
    }
    assert_eq!(Flavour::from_tag("swift"), None);
}

#[test]
fn glance_error_messages_are_plain_text_and_ims_envelopes_stay_as_they_are() {
    let glance = r#"{"message": "Attribute 'os_hash_algo' is read-only.<br /><br />\n\n\n", "code": "403 Forbidden", "title": "Forbidden"}"#;
    let body = error_body(glance).unwrap();
    assert_eq!(body.message, "Attribute 'os_hash_algo' is read-only.");
    assert_eq!(body.code, "");
    let ims = r#"{"error": {"code": "IMS.0011", "message": "image 7 not found"}}"#;
    let body = error_body(ims).unwrap();
    assert_eq!((body.code.as_str(), body.message.as_str()), ("IMS.0011", "image 7 not found"));
    assert_eq!(error_body("<html>502 Bad Gateway</html>"), None);
    assert_eq!(error_body(r#"{"message": 3}"#), None);
}

#[test]
fn html_reads_as_the_text_a_person_sees() {
    assert_eq!(plain_text("a<br/>b &amp; &lt;c&gt;  d"), "a b & <c> d");
    assert_eq!(plain_text("<p>only</p>"), "only");
    assert_eq!(plain_text("&amp;lt;"), "&lt;", "an escaped entity is decoded once");
}

#[test]
fn members_exist_only_where_the_backend_allows_them() {
    use crate::model::Visibility::*;
    assert!(Flavour::Ims.can_have_members(Some(&Private)));
    assert!(Flavour::Ims.can_have_members(Some(&Shared)));
    assert!(!Flavour::Ims.can_have_members(Some(&Public)));
    assert!(!Flavour::Glance.can_have_members(Some(&Private)));
    assert!(Flavour::Glance.can_have_members(Some(&Shared)));
    assert!(!Flavour::Glance.can_have_members(None));
    assert_eq!(Flavour::Glance.visibility_to_share(Some(&Private)), Some(Shared));
    assert_eq!(Flavour::Glance.visibility_to_share(Some(&Public)), None);
    assert_eq!(Flavour::Ims.visibility_to_share(Some(&Private)), None);
}

#[test]
fn glance_inbox_queries_carry_no_ims_only_filter() {
    let status = crate::model::MemberStatus::Pending;
    let glance = Flavour::Glance.inbox_query(&status).to_query_string();
    assert_eq!(glance, "member_status=pending&visibility=shared&limit=1000");
    let ims = Flavour::Ims.inbox_query(&status).to_query_string();
    assert_eq!(ims, "__imagetype=shared&member_status=pending&visibility=shared&limit=1000");
}

#[test]
fn glance_owns_its_base_attributes_and_ims_has_none() {
    for key in ["os_hidden", "os_hash_algo", "os_hash_value", "stores", "os_glance_import_task"] {
        assert!(Flavour::Glance.is_base_attribute(key), "{key}");
        assert!(!Flavour::Ims.is_base_attribute(key), "{key}");
    }
    assert!(!Flavour::Glance.is_base_attribute("hw_cpu_cores"));
}

#[test]
fn each_backend_offers_its_own_formats() {
    assert!(Flavour::Glance.disk_formats().contains(&"vmdk"));
    assert!(!Flavour::Glance.disk_formats().contains(&"zvhd2"));
    assert!(Flavour::Ims.disk_formats().contains(&"zvhd2"));
    assert!(Flavour::Glance.container_formats().contains(&"ova"));
    assert_eq!(Flavour::Ims.container_formats(), ["bare"]);
    let documented: &'static [&'static str] = &["queued", "active"];
    assert!(Flavour::Glance.filter_values("status", documented).contains(&"deactivated"));
    assert_eq!(Flavour::Ims.filter_values("status", documented), documented);
    assert_eq!(Flavour::Glance.filter_values("architecture", documented), documented);
    let create: Vec<&str> = crate::validate::CREATE_DISK_FORMATS.iter().map(|d| d.as_str()).collect();
    assert_eq!(Flavour::Ims.disk_formats(), create, "one list of IMS create formats");
}

fn image(id: &str) -> Image {
    serde_json::from_value(json!({ "id": id })).unwrap()
}

#[test]
fn the_callers_own_shared_images_leave_the_inbox() {
    // "own" is in every list (Glance lists the owner's shared images whatever the member
    // status); "p" and "a" were shared with the caller and are in one list each.
    let lists = [vec![image("own"), image("p")], vec![image("a"), image("own")], vec![image("own")]];
    let ids = |l: &Vec<Image>| l.iter().map(|i| i.id.get().cloned().unwrap()).collect::<Vec<_>>();
    let [pending, accepted, rejected] = shared_with_caller(lists);
    assert_eq!((ids(&pending), ids(&accepted), ids(&rejected)), (vec!["p".to_owned()], vec!["a".to_owned()], vec![]));
    let ims = [vec![image("p")], vec![], vec![image("r")]];
    let [pending, _, rejected] = shared_with_caller(ims);
    assert_eq!((pending.len(), rejected.len()), (1, 1), "nothing is in every list: nothing is dropped");
}

#[test]
fn the_list_offers_only_the_filters_a_backend_applies() {
    assert!(!Flavour::Ims.offers_filter("__imagetype"));
    assert!(Flavour::Ims.offers_filter("__platform"));
    assert!(Flavour::Ims.offers_filter("visibility"));
    assert!(!Flavour::Glance.offers_filter("__platform"), "IMS-only");
    assert!(!Flavour::Glance.offers_filter("visibility"), "the tab sets it");
    assert!(!Flavour::Glance.offers_filter("member_status"), "it would override the tab");
    assert!(Flavour::Glance.offers_filter("disk_format"));
}

#[test]
fn each_backend_says_in_its_own_way_whether_a_page_follows() {
    let one = ListQuery { limit: Some(1), ..ListQuery::default() };
    let ims = Flavour::Ims.read_list_page(r#"{"images": [{"id": "a"}]}"#, &one).unwrap();
    assert_eq!(ims.next_marker.as_deref(), Some("a"), "a full IMS page may have a next one");
    let two = ListQuery { limit: Some(2), ..ListQuery::default() };
    assert_eq!(Flavour::Ims.read_list_page(r#"{"images": [{"id": "a"}]}"#, &two).unwrap().next_marker, None);
    let glance = r#"{"images": [{"id": "a", "name": null}], "first": "/v2/images", "schema": "/v2/schemas/images", "next": "/v2/images?marker=a"}"#;
    let page = Flavour::Glance.read_list_page(glance, &two).unwrap();
    assert_eq!(page.next_marker.as_deref(), Some("a"), "Glance's next link");
    let last = r#"{"images": [{"id": "a"}], "first": "/v2/images", "schema": "/v2/schemas/images"}"#;
    assert_eq!(Flavour::Glance.read_list_page(last, &one).unwrap().next_marker, None);
    assert!(Flavour::Glance.read_list_page("{}", &one).is_err());
}

#[test]
fn a_link_with_a_glance_value_reads_while_a_typo_is_still_refused() {
    let q = ListQuery::parse("disk_format=VMDK&container_format=ova&status=deactivated").unwrap();
    assert_eq!(q.to_query_string(), "container_format=ova&disk_format=vmdk&status=deactivated");
    assert!(ListQuery::parse("disk_format=vmdkk").is_err());
}

#[test]
fn glance_columns_are_registry_columns_glance_fills() {
    let columns = Flavour::Glance.default_columns().unwrap();
    for c in columns {
        assert!(crate::fields::field(c).is_some(), "{c} is a registry field");
        assert!(!crate::query::is_ims_only(c), "{c} is not an IMS-only attribute");
    }
    assert_eq!(Flavour::Ims.default_columns(), None);
}
