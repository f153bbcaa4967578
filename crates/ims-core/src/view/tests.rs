use super::*;
use crate::backend::Flavour;
use crate::query::QueryError;
use crate::time::Timestamp;

#[test]
fn sizes_read_in_binary_units() {
    assert_eq!(human_size(0), "0 B");
    assert_eq!(human_size(1023), "1023 B");
    assert_eq!(human_size(1536), "1.5 KiB");
    assert_eq!(human_size(449_261_568), "428.4 MiB");
    assert_eq!(human_size(u64::MAX), "16384.0 PiB");
    assert_eq!(human_size(1024), "1.0 KiB");
    assert_eq!(human_size(1_073_741_824 + 53_687_092), "1.1 GiB");
    assert_eq!(human_size(1_048_575), "1024.0 KiB");
}

#[test]
fn quick_filter_looks_at_shown_columns_only() {
    let image: crate::Image = serde_json::from_str(r#"{"name":"Ubuntu 22.04","id":"abc","owner":"zzz"}"#).unwrap();
    assert!(quick_filter_matches(&image, &["name", "id"], "ubuntu 22"));
    assert!(quick_filter_matches(&image, &["name"], "  "));
    assert!(!quick_filter_matches(&image, &["name", "id"], "zzz"));
    assert!(!quick_filter_matches(&image, &["name", "id"], "04abc"), "a needle never spans two cells");
}

#[test]
fn ages_use_the_largest_whole_unit() {
    let now = Timestamp(1_000_000_000);
    assert_eq!(age(now, Timestamp(now.0 - 59)), (59, AgeUnit::Seconds));
    assert_eq!(age(now, Timestamp(now.0 - 7200)), (2, AgeUnit::Hours));
    assert_eq!(age(now, Timestamp(now.0 - 86_400 * 3)), (3, AgeUnit::Days));
    assert_eq!(age(now, Timestamp(now.0 - 86_400 * 800)), (2, AgeUnit::Years));
    assert_eq!(age(now, Timestamp(now.0 + 50)), (0, AgeUnit::Seconds));
}

#[test]
fn each_age_unit_starts_at_its_boundary() {
    // (seconds ago, shown as): the last second of each unit and the first of the next.
    let table = [
        (0, (0, AgeUnit::Seconds)),
        (59, (59, AgeUnit::Seconds)),
        (60, (1, AgeUnit::Minutes)),
        (3_599, (59, AgeUnit::Minutes)),
        (3_600, (1, AgeUnit::Hours)),
        (86_399, (23, AgeUnit::Hours)),
        (86_400, (1, AgeUnit::Days)),
        (86_400 * 30 - 1, (29, AgeUnit::Days)),
        (86_400 * 30, (1, AgeUnit::Months)),
        (86_400 * 365 - 1, (12, AgeUnit::Months)),
        (86_400 * 365, (1, AgeUnit::Years)),
    ];
    let now = Timestamp(2_000_000_000);
    for (ago, want) in table {
        assert_eq!(age(now, Timestamp(now.0 - ago)), want, "{ago} s ago");
    }
}

#[test]
fn sizes_round_to_the_nearest_tenth_at_each_unit() {
    let table = [
        (1_048_576, "1.0 MiB"),
        (1_048_576 * 1023 + 1_048_576 / 2, "1023.5 MiB"),
        (1_099_511_627_776, "1.0 TiB"),
        (1_125_899_906_842_624, "1.0 PiB"),
        (1_125_899_906_842_624 * 1024, "1024.0 PiB"),
        (1_126, "1.1 KiB"),
        (1_075, "1.0 KiB"),
        (1_076, "1.1 KiB"),
    ];
    for (bytes, want) in table {
        assert_eq!(human_size(bytes), want, "{bytes}");
    }
}

#[test]
fn the_quick_filter_ignores_case_and_surrounding_spaces() {
    let image: crate::Image = serde_json::from_str(r#"{"name":"Ubuntu 22.04","__os_version":"x"}"#).unwrap();
    assert!(quick_filter_matches(&image, &["name"], "  UBUNTU "));
    assert!(!quick_filter_matches(&image, &["__os_version"], "ubuntu"));
    assert!(!quick_filter_matches(&image, &[], "u"));
    assert!(quick_filter_matches(&image, &[], ""));
    assert_eq!(quick_filter_needle("  MiXed "), "mixed");
    assert!(haystack_matches("abc", "") && haystack_matches("abc", "bc") && !haystack_matches("abc", "x"));
}

#[test]
fn a_filled_create_form_sends_exactly_what_was_typed() {
    // The create page shows this request before it is sent (README: the exact request).
    let form = ImageForm {
        name: "web".into(),
        description: "front end".into(),
        os_version: " CentOS 7.9 64bit ".into(),
        container_format: "bare".into(),
        disk_format: "qcow2".into(),
        min_disk: " 40 ".into(),
        min_ram: "2048".into(),
        protected: true,
        tags: vec!["a".into(), "b".into()],
        properties: vec![("team".into(), "x".into()), ("empty".into(), String::new())],
    };
    let wire = serde_json::to_value(form.create_request(Flavour::Ims).unwrap()).unwrap();
    let want = serde_json::json!({
        "name": "web", "__description": "front end", "__os_version": "CentOS 7.9 64bit",
        "visibility": "private", "container_format": "bare", "disk_format": "qcow2", "min_disk": 40,
        "min_ram": 2048, "protected": true, "tags": ["a", "b"], "team": "x", "empty": ""
    });
    assert_eq!(wire, want);
    let unnamed = ImageForm { description: String::new(), ..ImageForm::default() };
    let problems = unnamed.create_request(Flavour::Ims).unwrap_err();
    assert_eq!(problems.iter().map(|p| p.field.as_str()).collect::<Vec<_>>(), ["name"]);
    let bad = ImageForm { name: "n".into(), min_disk: "4O".into(), min_ram: "".into(), ..ImageForm::default() };
    let problems = bad.create_request(Flavour::Ims).unwrap_err();
    let got: Vec<_> = problems.iter().map(|p| (p.field.as_str(), p.code, p.params.get("value").cloned())).collect();
    use crate::validate::ValidationCode::InvalidFormat;
    assert_eq!(got, [("min_disk", InvalidFormat, Some("4O".into())), ("min_ram", InvalidFormat, Some(String::new()))]);
}

#[test]
fn an_edit_form_starts_from_the_image_and_keeps_what_it_does_not_edit() {
    let original: crate::Image = serde_json::from_value(serde_json::json!({
        "id": "i", "name": "a", "__description": "d", "tags": ["t"], "status": "active", "k": "v"
    }))
    .unwrap();
    let form = ImageForm::from_image(&original, Flavour::Ims);
    assert_eq!((form.name.as_str(), form.description.as_str()), ("a", "d"));
    assert_eq!((form.tags.clone(), form.properties.clone()), (vec!["t".to_owned()], vec![("k".into(), "v".into())]));
    assert_eq!(form.edited(&original, Flavour::Ims), Ok(original.clone()));
    let cleared = ImageForm { description: String::new(), tags: Vec::new(), ..form };
    let edited = cleared.edited(&original, Flavour::Ims).unwrap();
    assert!(edited.description.is_absent() && edited.tags.get() == Some(&Vec::new()));
    assert_eq!((&edited.status, &edited.id), (&original.status, &original.id));
    let too_long = ImageForm { description: "x".repeat(1025), tags: vec![String::new()], ..cleared };
    let fields: Vec<String> =
        too_long.edited(&original, Flavour::Ims).unwrap_err().into_iter().map(|p| p.field).collect();
    assert_eq!(fields, ["__description", "tags"]);
}

#[test]
fn each_tab_asks_glance_for_its_visibility_and_ims_for_its_image_type() {
    for (tab, visibility, image_type) in
        [(Tab::Public, "public", "gold"), (Tab::Private, "private", "private"), (Tab::Shared, "shared", "shared")]
    {
        let view = ListView { tab, ..ListView::default() };
        assert_eq!(view.api_query(Flavour::Glance).to_query_string(), format!("visibility={visibility}&limit=500"));
        assert_eq!(view.api_query(Flavour::Ims).to_query_string(), format!("__imagetype={image_type}"));
        assert_eq!(ListView::parse(&format!("tab={}", tab.as_str())).map(|v| v.tab), Ok(tab));
    }
}

#[test]
fn a_first_page_has_the_shortest_url() {
    // Links the console writes stay short and canonical: only what differs from the defaults.
    assert_eq!(ListView::default().to_query_string(), "tab=public");
    let view = ListView::parse("limit=5&tab=private").unwrap();
    assert_eq!(view.to_query_string(), "tab=private&limit=5");
    assert_eq!(view.next_page("a").to_query_string(), "tab=private&marker=a&limit=5&prev=");
    let cols = ListView { columns: Some(vec!["name".into(), "id".into()]), ..ListView::default() };
    assert_eq!(cols.to_query_string(), "tab=public&cols=name%2Cid");
}

#[test]
fn changing_tab_or_filters_starts_from_the_first_page_and_keeps_the_rest() {
    let view = ListView::parse("tab=public&name=x&limit=5&sort_key=name&marker=m2&prev=%2Cm1&cols=name").unwrap();
    let first = view.first_page();
    assert_eq!(first.to_query_string(), "tab=public&name=x&limit=5&sort_key=name&cols=name");
    let shared = view.with_tab(Tab::Shared);
    assert_eq!(shared, ListView { tab: Tab::Shared, ..first });
}

#[test]
fn a_typed_address_keeps_what_is_valid_and_reports_each_bad_value() {
    let (view, problems) =
        ListView::parse_lenient("?utm_source=x&tab=private&min_disk=abc&name=web&limit=5000&sort_key=name");
    assert_eq!(view.to_query_string(), "tab=private&name=web&sort_key=name");
    let params: Vec<&str> = problems.iter().map(QueryError::param).collect();
    assert_eq!(params, ["min_disk", "limit"]);
    let (view, problems) = ListView::parse_lenient("tab=bogus&status=active");
    assert_eq!((view.tab, view.to_query_string()), (Tab::Public, "tab=public&status=active".to_owned()));
    assert_eq!(problems.iter().map(QueryError::param).collect::<Vec<_>>(), ["tab"]);
    // A key given twice is left out, and said once.
    let (view, problems) = ListView::parse_lenient("name=a&name=b&status=active");
    assert_eq!((view.to_query_string(), problems.len()), ("tab=public&status=active".to_owned(), 1));
    assert_eq!(
        ListView::parse_lenient("tab=shared&utm_medium=mail"),
        (ListView { tab: Tab::Shared, ..ListView::default() }, vec![])
    );
    assert_eq!(ListView::parse_lenient(""), (ListView::default(), vec![]));
}

#[test]
fn property_filters_live_in_the_address_and_reach_only_a_backend_that_applies_them() {
    let view = ListView::parse("tab=private&prop.os_distro=ubuntu&prop.hw%20x=a%26b").unwrap();
    assert_eq!(view.properties.get("os_distro").map(String::as_str), Some("ubuntu"));
    assert_eq!(view.properties.get("hw x").map(String::as_str), Some("a&b"));
    assert_eq!(ListView::parse(&view.to_query_string()).unwrap(), view, "written back as read");
    let glance = view.api_query(Flavour::Glance).to_query_string();
    assert_eq!(glance, "hw%20x=a%26b&os_distro=ubuntu&visibility=private&limit=500");
    assert!(!view.api_query(Flavour::Ims).to_query_string().contains("os_distro"));
    let problems = view.properties_not_applied(Flavour::Ims);
    assert_eq!(problems.iter().map(|p| p.param()).collect::<Vec<_>>(), ["prop.hw x", "prop.os_distro"]);
    assert!(view.properties_not_applied(Flavour::Glance).is_empty());
    assert_eq!(view.property_filters_text(), "hw x=a&b, os_distro=ubuntu");
    let (lenient, problems) = ListView::parse_lenient("prop.=x&prop.a=1");
    assert_eq!((lenient.properties.len(), problems.len()), (1, 1), "an empty key is reported, the rest kept");
}

#[test]
fn typed_property_filters_are_key_value_pairs() {
    let map = parse_property_filters(" os_distro = ubuntu,\nhw_cpu=4 ,").unwrap();
    assert_eq!(
        map.into_iter().collect::<Vec<_>>(),
        [("hw_cpu".into(), "4".into()), ("os_distro".into(), "ubuntu".into())]
    );
    assert_eq!(parse_property_filters("a=1, nope"), Err("nope".to_owned()));
    assert_eq!(parse_property_filters("=1"), Err("=1".to_owned()));
    assert!(parse_property_filters("").unwrap().is_empty());
}
