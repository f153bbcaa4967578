use super::*;
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
