use super::*;

#[test]
fn the_whole_state_round_trips_through_the_url() {
    let url = "tab=private&__platform=Ubuntu&created_at=gt%3A2020-01-01T00%3A00%3A00Z&marker=m2&limit=20\
               &sort_key=name&sort_dir=asc&prev=%2Cm1&cols=name%2Cstatus";
    let view = ListView::parse(url).unwrap();
    assert_eq!(view.tab, Tab::Private);
    assert_eq!(view.previous, [None, Some("m1".to_owned())]);
    assert_eq!(view.columns.as_deref(), Some(&["name".to_owned(), "status".to_owned()][..]));
    assert_eq!(ListView::parse(&view.to_query_string()).unwrap(), view);
    assert_eq!(view.page_number(), 3);
}

#[test]
fn paging_forward_and_back_restores_each_page() {
    let first = ListView::parse("tab=public&limit=5").unwrap();
    let second = first.next_page("a");
    let third = second.next_page("b");
    assert_eq!(third.query.marker.as_deref(), Some("b"));
    assert_eq!(third.previous_page(), second);
    assert_eq!(third.previous_page().previous_page(), first);
    assert_eq!(first.previous_page(), first);
    assert_eq!(third.with_tab(Tab::Shared).page_number(), 1);
}

#[test]
fn the_tab_sets_the_image_type_of_the_request() {
    let view = ListView::parse("tab=shared&__imagetype=gold&name=x&__platform=Ubuntu").unwrap();
    assert_eq!(view.api_query(Flavour::Ims).to_query_string(), "__imagetype=shared&__platform=Ubuntu&name=x");
    assert_eq!(view.api_query(Flavour::Glance).to_query_string(), "name=x&visibility=shared&limit=500");
    let inbox = ListView::parse("tab=shared&member_status=pending").unwrap().api_query(Flavour::Ims);
    assert!(inbox.check().is_ok());
    assert_eq!(inbox.to_query_string(), "__imagetype=shared&member_status=pending&visibility=shared");
}

#[test]
fn bad_urls_are_errors_not_panics() {
    assert_eq!(ListView::parse("tab=everything").unwrap_err().param(), "tab");
    assert_eq!(ListView::parse("tab=public&bogus=1").unwrap_err().param(), "bogus");
    assert!(ListView::parse("prev=%ZZ").is_err());
    assert_eq!(ListView::parse("").unwrap(), ListView::default());
}
