//! Where a list ends: the console shows "Next" only when the API gives a next marker.

use super::*;

#[test]
fn a_page_that_reaches_the_end_has_no_next_marker() {
    let c = catalog();
    let total = c.list(PROJECT_A, &ListQuery::default()).unwrap().images.len();
    // (limit, images on the page, next marker?)
    for (limit, shown, more) in [(total - 1, total - 1, true), (total, total, false), (total + 1, total, false)] {
        let page = c.list(PROJECT_A, &q(&format!("limit={limit}"))).unwrap();
        assert_eq!((page.images.len(), page.next_marker.is_some()), (shown, more), "limit {limit}");
    }
    let page = c.list(PROJECT_A, &q(&format!("limit={}", total - 1))).unwrap();
    assert_eq!(page.next_marker, page.images.last().and_then(|i| i.id.get().cloned()));
    let mut rest = q("limit=1");
    rest.marker = page.next_marker;
    let last = c.list(PROJECT_A, &rest).unwrap();
    assert_eq!((last.images.len(), last.next_marker), (1, None));
}

#[test]
fn size_sorts_numerically_with_absent_sizes_first() {
    let mk = |id: &str, size: Option<i64>| {
        let mut v = json!({"id": id, "visibility": "public"});
        if let Some(s) = size {
            v["size"] = s.into();
        }
        serde_json::from_value::<crate::Image>(v).unwrap()
    };
    let c = Catalog::new([mk("a", Some(10)), mk("b", Some(9)), mk("c", None), mk("d", Some(100))], 128);
    let order = |s: &str| ids(&c.list(PROJECT_A, &q(s)).unwrap());
    assert_eq!(order("sort_key=size&sort_dir=asc"), ["c", "b", "a", "d"]);
    assert_eq!(order("sort_key=size&sort_dir=desc"), ["d", "a", "b", "c"]);
    assert_eq!(order("sort_key=name&sort_dir=asc"), ["a", "b", "c", "d"], "no names: by id");
}
