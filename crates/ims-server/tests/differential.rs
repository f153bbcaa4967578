//! The server's SQL answers equal the `ims-core` catalog engine's on the same data: random
//! catalogs, memberships, callers and list queries, run through both — on SQLite always, and
//! on PostgreSQL too when `IMS_TEST_DATABASE_URL` names a server.

mod common;

use ims_core::catalog::Catalog;
use ims_core::model::{Field, Image};
use ims_core::query::{FilterValue, ListQuery, SortDir, SortKey, TimeOp};
use ims_core::sharing::{Member, MEMBER_SCHEMA};
use ims_core::time::Timestamp;
use ims_server::db;
use ims_server::store::{Backend, Store};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Map, Value};
use tokio::sync::OnceCell;

const PROJECTS: [&str; 4] = [
    "a0000000000000000000000000000000",
    "b0000000000000000000000000000000",
    "c0000000000000000000000000000000",
    "d0000000000000000000000000000000",
];
const TIMES: [i64; 4] = [1_500_000_000, 1_600_000_000, 1_600_000_000 + 3600, 1_700_000_000];

fn maybe<T: std::fmt::Debug + Clone + 'static>(values: Vec<T>) -> impl Strategy<Value = Option<T>> {
    proptest::option::weighted(0.75, select(values))
}

/// One random image as wire JSON: a few values per attribute, so filters and sorts collide.
fn arb_image(n: usize) -> impl Strategy<Value = Image> {
    let text = |values: &[&'static str]| maybe(values.to_vec());
    let flag = || maybe(vec![json!("true"), json!("True"), json!("false"), json!(true), json!(false)]);
    (
        (select(PROJECTS.to_vec()), text(&["public", "private", "shared"]), text(&["gold", "private", "shared"])),
        (text(&["alpha", "beta", "Beta", ""]), text(&["active", "queued", "killed"]), maybe(TIMES.to_vec())),
        (
            maybe(vec![0i64, 5, 5, 900]),
            text(&["vhd", "zvhd2", "iso"]),
            maybe(vec![0i64, 1024]),
            maybe(vec![true, false]),
        ),
        (flag(), flag(), flag(), text(&["x86", "arm"]), text(&["FusionCompute", "Ironic"])),
        (
            text(&["0", "ep1"]),
            text(&["V100"]),
            text(&["k1"]),
            text(&["Ubuntu", "Windows"]),
            proptest::collection::vec(select(vec!["t1", "t2", "t 3"]), 0..3),
        ),
    )
        .prop_map(move |(a, b, c, d, e)| {
            let mut o = Map::new();
            let mut put = |k: &str, v: Option<Value>| {
                if let Some(v) = v {
                    o.insert(k.to_owned(), v);
                }
            };
            put("id", Some(json!(format!("img-{n:03}"))));
            put("owner", Some(json!(a.0)));
            put("visibility", a.1.map(Value::from));
            put("__imagetype", a.2.map(Value::from));
            put("name", b.0.map(Value::from));
            put("status", b.1.map(Value::from));
            put("created_at", b.2.map(|t| json!(Timestamp(t).to_string())));
            put("updated_at", b.2.map(|t| json!(Timestamp(t + 60).to_string())));
            put("size", c.0.map(Value::from));
            put("disk_format", c.1.map(Value::from));
            put("min_ram", c.2.map(Value::from));
            put("protected", c.3.map(Value::from));
            put("__support_kvm", d.0);
            put("__support_largememory", d.1);
            put("__isregistered", d.2);
            put("architecture", d.3.map(Value::from));
            put("virtual_env_type", d.4.map(Value::from));
            put("enterprise_project_id", e.0.map(Value::from));
            put("__support_kvm_gpu_type", e.1.map(Value::from));
            put("__system__cmkid", e.2.map(Value::from));
            put("__platform", e.3.map(Value::from));
            put("tags", Some(json!(e.4)));
            serde_json::from_value(Value::Object(o)).expect("valid image")
        })
}

fn arb_filter() -> impl Strategy<Value = (String, FilterValue)> {
    let text = |p: &'static str, values: &[&'static str]| {
        (Just(p), select(values.to_vec())).prop_map(|(p, v)| (p.to_owned(), FilterValue::Text(v.to_owned())))
    };
    let boolean = |p: &'static str| any::<bool>().prop_map(move |b| (p.to_owned(), FilterValue::Bool(b)));
    prop_oneof![
        text("visibility", &["public", "private", "shared"]),
        text("__imagetype", &["gold", "private", "shared"]),
        text("name", &["alpha", "beta", ""]),
        text("status", &["active", "queued"]),
        text("owner", &PROJECTS),
        text("disk_format", &["vhd", "iso"]),
        text("architecture", &["x86", "arm"]),
        text("enterprise_project_id", &["0", "ep1", "all_granted_eps"]),
        text("__support_kvm_gpu_type", &["V100"]),
        text("__platform", &["Ubuntu"]),
        text("tag", &["t1", "t 3"]),
        text("flavor_id", &["s6.large.2", "g5.xlarge.4", "kc1.large.2", "m6.large.8", "physical.s4.large"]),
        boolean("protected"),
        boolean("__support_kvm"),
        boolean("__isregistered"),
        (Just("min_ram"), select(vec![0i64, 1024])).prop_map(|(p, n)| (p.to_owned(), FilterValue::Int(n))),
        (select(vec!["created_at", "updated_at"]), select(TimeOp::ALL.to_vec()), select(TIMES.to_vec()))
            .prop_map(|(p, op, t)| (p.to_owned(), FilterValue::Time(op, Timestamp(t)))),
    ]
}

fn arb_query(images: usize) -> impl Strategy<Value = ListQuery> {
    (
        proptest::collection::vec(arb_filter(), 0..3),
        proptest::option::of(select(vec!["pending", "accepted", "rejected"])),
        proptest::option::of(0..images.max(1) + 1),
        proptest::option::of(1u32..8),
        proptest::option::of(select(SortKey::ALL.to_vec())),
        proptest::option::of(select(SortDir::ALL.to_vec())),
    )
        .prop_map(|(filters, inbox, marker, limit, sort_key, sort_dir)| {
            let mut q =
                ListQuery { filters: filters.into_iter().collect(), limit, sort_key, sort_dir, ..ListQuery::default() };
            if let Some(status) = inbox {
                q.filters.insert("member_status".into(), FilterValue::Text(status.into()));
                q.filters.insert("visibility".into(), FilterValue::Text("shared".into()));
            }
            q.marker = marker.map(|m| format!("img-{m:03}"));
            q
        })
}

fn arb_case() -> impl Strategy<Value = (Vec<Image>, Vec<Member>, &'static str, ListQuery)> {
    (0usize..24).prop_flat_map(|n| {
        let images = (0..n).map(arb_image).collect::<Vec<_>>();
        let members = proptest::collection::vec(
            (0..n.max(1), select(PROJECTS.to_vec()), select(vec!["pending", "accepted", "rejected"])),
            0..12,
        );
        (images, members, select(PROJECTS.to_vec()), arb_query(n)).prop_map(|(images, members, caller, query)| {
            let mut seen = std::collections::BTreeSet::new();
            let members = members
                .into_iter()
                .filter(|(i, p, _)| *i < images.len() && seen.insert((*i, *p)))
                .map(|(i, p, s)| Member {
                    created_at: Timestamp(TIMES[0]).to_string(),
                    updated_at: Timestamp(TIMES[0]).to_string(),
                    image_id: format!("img-{i:03}"),
                    member_id: p.to_owned(),
                    status: s.into(),
                    schema: MEMBER_SCHEMA.to_owned(),
                })
                .collect();
            (images, members, caller, query)
        })
    })
}

type Answer = Result<(Vec<Image>, Option<String>), String>;

async fn answer(store: &Store, caller: &str, query: &ListQuery) -> Answer {
    let result = store.list_images(caller, query).await;
    store.close().await;
    result.map(|p| (p.images, p.next_marker)).map_err(|e| match e {
        ims_server::error::AppError::Ims(e) => e.code.code().to_owned(),
        other => format!("internal: {other}"),
    })
}

async fn sqlite_answer(images: &[Image], members: &[Member], caller: &str, query: &ListQuery) -> Answer {
    let dir = tempfile::tempdir().expect("temp dir");
    let pool = db::open(&dir.path().join("diff.sqlite")).await.expect("open");
    db::seed_if_empty(&pool, images).await.expect("insert");
    for m in members {
        sqlx::query("INSERT INTO members (image_id, member_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
            .bind(&m.image_id)
            .bind(&m.member_id)
            .bind(m.status.as_str())
            .bind(&m.created_at)
            .bind(&m.updated_at)
            .execute(&pool)
            .await
            .expect("member");
    }
    answer(&Store::new(pool, 128), caller, query).await
}

/// The answer of every store the test can reach, by name. PostgreSQL gets one database per
/// test (`db`), emptied before each case: a database per case would cost more than the case.
async fn sql_answers(
    db: &'static OnceCell<String>,
    images: &[Image],
    members: &[Member],
    caller: &str,
    query: &ListQuery,
) -> Vec<(&'static str, Answer)> {
    let mut answers = vec![("sqlite", sqlite_answer(images, members, caller, query).await)];
    if let Ok(url) = std::env::var("IMS_TEST_DATABASE_URL") {
        let db = db.get_or_init(|| common::fresh_database(&url)).await;
        let store = Store::open(db, Default::default(), 128).await.expect("open");
        let Backend::Postgres(pool) = store.backend() else { panic!("{db} is not PostgreSQL") };
        sqlx::query("TRUNCATE images, members CASCADE").execute(pool).await.expect("empty");
        store.import(images, members).await.expect("insert");
        answers.push(("postgres", answer(&store, caller, query).await));
    }
    answers
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 160, ..ProptestConfig::default() })]

    #[test]
    fn sql_lists_equal_the_engines((images, members, caller, query) in arb_case()) {
        let engine = Catalog::with_members(images.clone(), members.clone(), 128)
            .list(caller, &query)
            .map(|p| (p.images, p.next_marker))
            .map_err(|e| e.code.code().to_owned());
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        static DB: OnceCell<String> = OnceCell::const_new();
        for (name, sql) in runtime.block_on(sql_answers(&DB, &images, &members, caller, &query)) {
            prop_assert_eq!(sql, engine.clone(), "{} query {}", name, query.to_query_string());
        }
    }
}

#[test]
fn nulls_and_wrong_types_read_the_same_in_both() {
    let image: Image = serde_json::from_value(json!({"id": "img-000", "owner": PROJECTS[0], "visibility": "public",
        "name": null, "size": null, "tags": ["t1"]}))
    .expect("image");
    assert_eq!(image.name, Field::Null);
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    static DB: OnceCell<String> = OnceCell::const_new();
    for q in ["name=", "sort_key=name", "sort_key=size&sort_dir=asc", "tag=t1", "__support_kvm=false"] {
        let query = ListQuery::parse(q).expect("query");
        let engine = Catalog::new([image.clone()], 128).list(PROJECTS[1], &query).map(|p| (p.images, p.next_marker));
        let engine = engine.map_err(|e| e.code.code().to_owned());
        for (name, sql) in runtime.block_on(sql_answers(&DB, std::slice::from_ref(&image), &[], PROJECTS[1], &query)) {
            assert_eq!(sql, engine, "{name} {q}");
        }
    }
}
