use super::*;

#[test]
fn both_documented_forms_parse_to_the_same_instant() {
    let a = Timestamp::parse("2018-10-28T10:00:00Z").unwrap();
    let b = Timestamp::parse("2018-10-28 10:00:00").unwrap();
    assert_eq!(a, b);
    assert_eq!(a.0, 1_540_720_800);
    assert_eq!(a.to_string(), "2018-10-28T10:00:00Z");
}

#[test]
fn malformed_or_impossible_times_are_errors() {
    for bad in [
        "",
        "2018-10-28",
        "2018-13-01T00:00:00Z",
        "2019-02-29T00:00:00Z",
        "2018-10-28T24:00:00Z",
        "2018-10-28T10:00:00",
        "2018-1-028T10:00:00Z",
        "+018-10-28T10:00:00Z",
        "2018-10-28T10:00:0éZ",
    ] {
        assert!(Timestamp::parse(bad).is_err(), "{bad:?} parsed");
    }
    assert!(Timestamp::parse("2020-02-29T23:59:59Z").is_ok());
}

#[test]
fn datetime_local_inputs_read_as_utc() {
    let t = Timestamp::parse_input("2018-10-28T10:00").unwrap();
    assert_eq!(t, Timestamp::parse("2018-10-28T10:00:00Z").unwrap());
    assert_eq!(Timestamp::parse_input(&t.to_input()), Ok(t));
    for bad in ["", "2018-10-28", "2018-10-28 10:00", "2018-10-28T10:00Z", "2018-10-28T1é:00"] {
        assert!(Timestamp::parse_input(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn formatting_inverts_parsing_across_centuries() {
    for secs in [-86_400 * 365 * 300, -1, 0, 951_782_400, 4_102_444_799] {
        let t = Timestamp(secs);
        assert_eq!(Timestamp::parse(&t.to_string()), Ok(t));
    }
}

#[test]
fn only_the_documented_separators_are_accepted() {
    // The list document's two forms and nothing near them: a filter on a mistyped time is refused.
    for bad in [
        "2018-10-28X10:00:00Z",
        "2018-10-28T10:00:00X",
        "2018-10-28 10:00:00Z",
        "2018-10-28X10:00:00",
        "2018-10-28T10:00:00 ",
        "2018/10/28T10:00:00Z",
        "2018-10-28T10.00.00Z",
        "2018-10-28T10:00-00Z",
        "2018-10-28T1:000:00Z",
        "2018-10-28T100:0:00Z",
        "2018-10-28T10:0:000Z",
        "20181-0-28T10:00:00Z",
        "2018-101-28 10:00:00",
        "2018-10-2810:00:00:Z",
        "20181-10-8T10:00:00Z",
        "201-10-281T10:00:00Z",
        "2018-100-8T10:00:00Z",
        "2018-10-28T10000:00Z",
        "2018-10-28T1000000:Z",
    ] {
        assert!(Timestamp::parse(bad).is_err(), "{bad:?} parsed");
    }
}

#[test]
fn every_field_is_checked_at_both_ends() {
    // (text, accepted): the first and last valid value of each field, and one past each.
    let table = [
        ("2018-01-01T00:00:00Z", true),
        ("2018-12-31T23:59:59Z", true),
        ("2018-00-10T00:00:00Z", false),
        ("2018-13-10T00:00:00Z", false),
        ("2018-10-00T00:00:00Z", false),
        ("2018-10-32T00:00:00Z", false),
        ("2018-04-30T00:00:00Z", true),
        ("2018-04-31T00:00:00Z", false),
        ("2018-06-31T00:00:00Z", false),
        ("2018-09-31T00:00:00Z", false),
        ("2018-11-31T00:00:00Z", false),
        ("2018-01-31T00:00:00Z", true),
        ("2018-02-28T00:00:00Z", true),
        ("2018-02-29T00:00:00Z", false),
        ("2024-02-29T00:00:00Z", true),
        ("1900-02-29T00:00:00Z", false),
        ("2000-02-29T00:00:00Z", true),
        ("2100-02-29T00:00:00Z", false),
        ("2018-10-28T23:00:00Z", true),
        ("2018-10-28T24:00:00Z", false),
        ("2018-10-28T10:59:00Z", true),
        ("2018-10-28T10:60:00Z", false),
        ("2018-10-28T10:00:59Z", true),
        ("2018-10-28T10:00:60Z", false),
        ("2018-10-28 24:00:00", false),
        ("2018-10-28 23:59:59", true),
    ];
    for (text, accepted) in table {
        assert_eq!(Timestamp::parse(text).is_ok(), accepted, "{text}");
    }
}

#[test]
fn instants_are_seconds_since_the_unix_epoch() {
    // The server stores and compares these numbers; the console sorts by them.
    let table = [
        ("1970-01-01T00:00:00Z", 0),
        ("1969-12-31T23:59:59Z", -1),
        ("1970-01-02T01:01:01Z", 86_400 + 3_661),
        ("1970-03-01T00:00:00Z", 59 * 86_400),
        ("1972-02-29T00:00:00Z", 789 * 86_400),
        ("1972-03-01T00:00:00Z", 790 * 86_400),
        ("2000-02-29T12:00:00Z", 951_825_600),
        ("2000-03-01T00:00:00Z", 951_868_800),
        ("2038-01-19T03:14:08Z", 2_147_483_648),
        ("1600-03-01T00:00:00Z", -11_670_912_000),
        ("0001-01-01T00:00:00Z", -62_135_596_800),
        ("9999-12-31T23:59:59Z", 253_402_300_799),
    ];
    for (text, secs) in table {
        assert_eq!(Timestamp::parse(text), Ok(Timestamp(secs)), "{text}");
        assert_eq!(Timestamp(secs).to_string(), text);
    }
}

proptest::proptest! {
    /// Every instant of years 1–9999 prints as a documented time that parses back to it, with
    /// each calendar part in range and a `datetime-local` value that reads back the same.
    #[test]
    fn printing_and_parsing_agree(secs in -62_135_596_800_i64..=253_402_300_799) {
        let t = Timestamp(secs);
        let text = t.to_string();
        proptest::prop_assert_eq!(Timestamp::parse(&text), Ok(t));
        proptest::prop_assert_eq!(Timestamp::parse(&text.replace('T', " ").replace('Z', "")), Ok(t));
        proptest::prop_assert_eq!(Timestamp::parse_input(&t.to_input()), Ok(t));
        let (_, mo, d, h, mi, s) = t.parts();
        proptest::prop_assert!((1..=12).contains(&mo) && (1..=31).contains(&d));
        proptest::prop_assert!((0..24).contains(&h) && (0..60).contains(&mi) && (0..60).contains(&s));
    }

    /// The next second is the next instant, across days, months and years.
    #[test]
    fn consecutive_seconds_print_in_order(secs in -62_135_596_800_i64..253_402_300_799) {
        let (a, b) = (Timestamp(secs).to_string(), Timestamp(secs + 1).to_string());
        proptest::prop_assert!(a < b, "{} then {}", a, b);
    }
}
