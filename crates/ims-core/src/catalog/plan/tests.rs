use super::*;
use crate::catalog::sort_cmp;
use crate::flavor::Requirement;
use crate::query::TimeOp;
use crate::time::Timestamp;
use serde_json::json;

const ME: &str = "a0000000000000000000000000000000";

fn q(s: &str) -> ListQuery {
    ListQuery::parse(s).unwrap()
}

fn image(v: serde_json::Value) -> Image {
    serde_json::from_value(v).unwrap()
}

#[test]
fn member_status_selects_the_inbox_instead_of_filtering() {
    let query = q("visibility=shared&member_status=pending");
    let plan = ListPlan::new(ME, &query).unwrap();
    assert_eq!(plan.scope, Scope::Inbox(MemberStatus::Pending));
    assert_eq!(plan.predicates, vec![Predicate::Eq("visibility", Operand::Text("shared"))]);
    let theirs = image(json!({"owner": "b0000000000000000000000000000000", "visibility": "shared"}));
    let mine = image(json!({"owner": ME, "visibility": "shared"}));
    assert!(plan.selects(&theirs, Some(&MemberStatus::Pending)));
    assert!(!plan.selects(&theirs, Some(&MemberStatus::Accepted)));
    assert!(!plan.selects(&mine, Some(&MemberStatus::Pending)), "never one's own image");
    assert_eq!(ListPlan::new(ME, &q("")).unwrap().scope, Scope::Listed);
}

#[test]
fn scopes_differ_only_in_the_shares_they_take() {
    let shared = image(json!({"owner": "b0000000000000000000000000000000", "visibility": "shared"}));
    let public = image(json!({"owner": "b0000000000000000000000000000000", "visibility": "public"}));
    for scope in [Scope::Visible, Scope::Listed] {
        assert!(scope.admits(ME, &public, None));
        assert!(!scope.admits(ME, &shared, None));
        assert!(scope.admits(ME, &shared, Some(&MemberStatus::Accepted)));
    }
    assert!(Scope::Visible.admits(ME, &shared, Some(&MemberStatus::Pending)), "a pending share opens");
    assert!(!Scope::Listed.admits(ME, &shared, Some(&MemberStatus::Pending)));
}

#[test]
fn enterprise_project_zero_takes_absent_and_all_granted_takes_everything() {
    let query = q("enterprise_project_id=0");
    let plan = ListPlan::new(ME, &query).unwrap();
    assert_eq!(plan.predicates, vec![Predicate::AbsentOrEq("enterprise_project_id", "0")]);
    assert!(plan.predicates[0].holds(&image(json!({}))));
    assert!(plan.predicates[0].holds(&image(json!({"enterprise_project_id": "0"}))));
    assert!(!plan.predicates[0].holds(&image(json!({"enterprise_project_id": "ep1"}))));
    let all = q("enterprise_project_id=all_granted_eps");
    assert!(ListPlan::new(ME, &all).unwrap().predicates.is_empty());
}

#[test]
fn a_flavor_is_a_gold_image_meeting_its_requirements() {
    let query = q("flavor_id=kc1.large.2");
    let plan = ListPlan::new(ME, &query).unwrap();
    assert_eq!(
        plan.predicates,
        vec![
            Predicate::Eq("__imagetype", Operand::Text("gold")),
            Predicate::Meets(Requirement::Is("virtual_env_type", "FusionCompute")),
            Predicate::Meets(Requirement::Is("architecture", "arm")),
        ]
    );
    let err = ListPlan::new(ME, &q("flavor_id=nonsense")).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidQuery);
}

#[test]
fn each_filter_kind_becomes_its_predicate() {
    let query = q("__support_kvm=false&min_ram=1024&created_at=gte:2020-01-01T00:00:00Z&tag=t1");
    let plan = ListPlan::new(ME, &query).unwrap();
    let at = Timestamp::parse("2020-01-01T00:00:00Z").unwrap();
    assert_eq!(
        plan.predicates,
        vec![
            Predicate::Flag("__support_kvm", false),
            Predicate::Time("created_at", TimeOp::Gte, at),
            Predicate::Eq("min_ram", Operand::Int(1024)),
            Predicate::HasTag("t1"),
        ]
    );
    assert!(plan.predicates[0].holds(&image(json!({}))), "an absent flag is false");
    let mut wrong_kind = ListQuery::default();
    wrong_kind.filters.insert("min_ram".into(), FilterValue::Bool(true));
    assert_eq!(ListPlan::new(ME, &wrong_kind).unwrap().predicates, vec![Predicate::Never]);
}

#[test]
fn an_unknown_parameter_is_an_invalid_query() {
    let mut query = ListQuery::default();
    query.filters.insert("colour".into(), FilterValue::Text("red".into()));
    let err = ListPlan::new(ME, &query).unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidQuery);
    assert!(err.message.contains("colour"), "{}", err.message);
    let lone = ListPlan::new(ME, &q("member_status=accepted")).unwrap_err();
    assert_eq!(lone.code, ErrorCode::InvalidQuery, "member_status needs visibility=shared");
}

#[test]
fn nulls_go_where_the_engine_sorts_them() {
    let absent = image(json!({"id": "b"}));
    let named = image(json!({"id": "a", "name": "x"}));
    for (dir, query) in [(SortDir::Asc, "sort_key=name&sort_dir=asc"), (SortDir::Desc, "sort_key=name")] {
        let query = q(query);
        let plan = ListPlan::new(ME, &query).unwrap();
        assert_eq!((plan.sort, plan.dir), (SortKey::Name, dir));
        let absent_first = sort_cmp(&absent, &named, SortKey::Name, dir).is_lt();
        assert_eq!(plan.nulls == Nulls::First, absent_first, "{dir}");
    }
}

#[test]
fn the_page_carries_its_limit_and_marker() {
    let query = q("limit=3&marker=img-1");
    let plan = ListPlan::new(ME, &query).unwrap();
    assert_eq!((plan.limit, plan.marker), (3, Some("img-1")));
    let empty = q("");
    let default = ListPlan::new(ME, &empty).unwrap();
    assert_eq!((default.limit, default.marker, default.sort), (500, None, SortKey::CreatedAt));
}
