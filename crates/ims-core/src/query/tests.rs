use super::*;
use proptest::prelude::*;

#[test]
fn the_specs_example_queries_parse() {
    let q = ListQuery::parse("?__imagetype=gold&sort_key=name&limit=1").unwrap();
    assert_eq!(q.filter("__imagetype"), Some(&FilterValue::Text("gold".into())));
    assert_eq!((q.sort_key, q.limit), (Some(SortKey::Name), Some(1)));
    let q = ListQuery::parse("member_status=pending&visibility=shared&__imagetype=shared").unwrap();
    assert!(q.check().is_ok());
    let q = ListQuery::parse("__imagetype=gold&__support_kvm=true&virtual_env_type=Ironic").unwrap();
    assert_eq!(q.filter("__support_kvm"), Some(&FilterValue::Bool(true)));
}

#[test]
fn both_time_formats_and_real_client_encodings_parse_to_one_value() {
    let want = FilterValue::Time(TimeOp::Lt, Timestamp::parse("2018-10-28T10:00:00Z").unwrap());
    for qs in [
        "created_at=lt:2018-10-28T10:00:00Z",
        "created_at=lt%3A2018-10-28T10%3A00%3A00Z",
        "created_at=lt:2018-10-28%2010:00:00",
        "created_at=lt:2018-10-28+10:00:00",
    ] {
        assert_eq!(ListQuery::parse(qs).unwrap().filter("created_at"), Some(&want), "{qs}");
    }
    let q = ListQuery::parse("updated_at=neq:2018-10-28 10:00:00&name=CentOS%207.3%2064bit").unwrap();
    assert_eq!(q.to_query_string(), "name=CentOS%207.3%2064bit&updated_at=neq%3A2018-10-28T10%3A00%3A00Z");
}

#[test]
fn defaults_are_the_documented_ones() {
    let q = ListQuery::default();
    assert_eq!(q.effective_limit(), 500);
    assert_eq!(q.effective_sort(), (SortKey::CreatedAt, SortDir::Desc));
    assert_eq!(q.to_query_string(), "");
}

#[test]
fn enum_values_match_case_insensitively_in_documented_spelling() {
    let q = ListQuery::parse("__platform=oracle%20linux&status=ACTIVE").unwrap();
    assert_eq!(q.filter("__platform"), Some(&FilterValue::Text("Oracle Linux".into())));
    assert_eq!(q.filter("status"), Some(&FilterValue::Text("active".into())));
}

#[test]
fn bad_input_is_a_typed_error_naming_the_parameter() {
    let cases = [
        ("bogus=1", "bogus"),
        ("limit=0", "limit"),
        ("limit=1001", "limit"),
        ("limit=-5", "limit"),
        ("marker=", "marker"),
        ("sort_key=updated_at", "sort_key"),
        ("sort_dir=up", "sort_dir"),
        ("protected=yes", "protected"),
        ("min_ram=-1", "min_ram"),
        ("min_disk=1.5", "min_disk"),
        ("status=gone", "status"),
        ("created_at=2018-10-28T10:00:00Z", "created_at"),
        ("created_at=ge:2018-10-28T10:00:00Z", "created_at"),
        ("updated_at=lt:2018-02-30T10:00:00Z", "updated_at"),
        ("name=a&name=b", "name"),
        ("name=%ZZ", "name"),
        ("name=%+1", "name"),
        ("name=%C3", "name"),
        ("member_status=maybe", "member_status"),
    ];
    for (qs, param) in cases {
        let err = ListQuery::parse(qs).expect_err(qs);
        assert_eq!(err.param(), param, "{qs}: {err}");
    }
    let q = ListQuery::parse("member_status=accepted").unwrap();
    assert_eq!(q.check().unwrap_err().param(), "member_status");
}

#[test]
fn every_documented_parameter_is_accepted() {
    let documented = "__isregistered,__imagetype,__whole_image,__system__cmkid,protected,visibility,owner,id,status,\
        name,flavor_id,container_format,disk_format,min_ram,min_disk,__os_bit,__platform,marker,limit,sort_key,sort_dir,\
        __os_type,tag,member_status,__support_kvm,__support_xen,__support_largememory,__support_diskintensive,\
        __support_highperformance,__support_xen_gpu_type,__support_kvm_gpu_type,__support_xen_hana,\
        __support_kvm_infiniband,virtual_env_type,enterprise_project_id,created_at,updated_at,architecture";
    for param in documented.split(',') {
        let known = param_kind(param).is_some() || ["marker", "limit", "sort_key", "sort_dir"].contains(&param);
        assert!(known, "{param} is not a list parameter");
    }
    assert_eq!(FILTER_PARAMS.len() + 4, documented.split(',').count());
}

fn arb_value(kind: FilterKind) -> BoxedStrategy<FilterValue> {
    match kind {
        FilterKind::Exact => any::<String>().prop_map(FilterValue::Text).boxed(),
        FilterKind::Boolean => any::<bool>().prop_map(FilterValue::Bool).boxed(),
        FilterKind::Integer => (0..i64::MAX).prop_map(FilterValue::Int).boxed(),
        FilterKind::Enum(values) => proptest::sample::select(values).prop_map(|v| FilterValue::Text(v.into())).boxed(),
        FilterKind::Time => (proptest::sample::select(TimeOp::ALL), 0i64..253_402_300_799)
            .prop_map(|(op, t)| FilterValue::Time(op, Timestamp(t)))
            .boxed(),
    }
}

fn arb_query() -> impl Strategy<Value = ListQuery> {
    let filters = proptest::sample::subsequence(FILTER_PARAMS.clone(), 0..8).prop_flat_map(|params| {
        params.into_iter().map(|(p, k)| arb_value(k).prop_map(move |v| (p.to_owned(), v))).collect::<Vec<_>>()
    });
    (
        filters,
        proptest::option::of("\\PC+"),
        proptest::option::of(1..=MAX_LIMIT),
        proptest::option::of(proptest::sample::select(SortKey::ALL)),
        proptest::option::of(proptest::sample::select(SortDir::ALL)),
    )
        .prop_map(|(filters, marker, limit, sort_key, sort_dir)| ListQuery {
            filters: filters.into_iter().collect(),
            marker,
            limit,
            sort_key,
            sort_dir,
        })
}

proptest! {
    #[test]
    fn parse_inverts_write(q in arb_query()) {
        prop_assert_eq!(ListQuery::parse(&q.to_query_string()), Ok(q));
    }

    #[test]
    fn no_input_panics(s in "\\PC*") {
        let _ = ListQuery::parse(&s);
    }

    #[test]
    fn no_byte_soup_panics(s in "[%+&=:a-z0-9\\x00-\\x7f]*") {
        let _ = ListQuery::parse(&s);
    }
}

#[test]
fn each_time_operator_at_below_equal_and_above() {
    // The list document's gt/gte/lt/lte/eq/neq, compared against 10:00:00 with 09:59:59, 10:00:00, 10:00:01.
    let at = Timestamp::parse("2018-10-28T10:00:00Z").unwrap();
    let table = [
        (TimeOp::Gt, [false, false, true]),
        (TimeOp::Gte, [false, true, true]),
        (TimeOp::Lt, [true, false, false]),
        (TimeOp::Lte, [true, true, false]),
        (TimeOp::Eq, [false, true, false]),
        (TimeOp::Neq, [true, false, true]),
    ];
    for (op, want) in table {
        let got = [-1, 0, 1].map(|d| op.holds(Timestamp(at.0 + d), at));
        assert_eq!(got, want, "{op}");
        assert_eq!(TimeOp::parse(op.as_str()), Some(op));
    }
}
