//! The renderer spells the plan: one statement per dialect, the same typed columns in both.

use super::{page_query, Branch};
use crate::store::sql::Dialect;
use ims_core::catalog::plan::ListPlan;
use ims_core::ListQuery;

fn sql(dialect: Dialect, query: &str) -> String {
    let query = ListQuery::parse(query).expect("query");
    let plan = ListPlan::new("me", &query).expect("plan");
    page_query(dialect, "SELECT id FROM images WHERE ", &plan, &Branch::All, 2).text
}

#[test]
fn nulls_are_placed_by_the_plan_in_postgres_and_by_default_in_sqlite() {
    let asc = "sort_key=name&sort_dir=asc";
    assert!(sql(Dialect::Sqlite, asc).ends_with(" ORDER BY name ASC, id ASC LIMIT ?"));
    assert!(sql(Dialect::Postgres, asc).ends_with(" ORDER BY name ASC NULLS FIRST, id ASC LIMIT $3"));
    assert!(sql(Dialect::Postgres, "").ends_with(" ORDER BY created_at DESC NULLS LAST, id DESC LIMIT $3"));
    let by_id = sql(Dialect::Postgres, "sort_key=id&sort_dir=asc");
    assert!(by_id.ends_with(" ORDER BY id ASC LIMIT $3"), "the key's own index order: {by_id}");
}

#[test]
fn predicates_read_typed_columns_in_both_dialects() {
    for dialect in [Dialect::Sqlite, Dialect::Postgres] {
        let text = sql(dialect, "enterprise_project_id=0&__platform=Ubuntu&__support_kvm=true");
        assert!(text.contains("(enterprise_project_id IS NULL OR enterprise_project_id = "), "{text}");
        assert!(text.contains(" AND platform = ") && text.contains(" AND support_kvm = "), "{text}");
        let inbox = sql(dialect, "visibility=shared&member_status=pending");
        assert!(inbox.contains(" AND m.status = ") && !inbox.contains("'accepted'"), "{inbox}");
    }
}
