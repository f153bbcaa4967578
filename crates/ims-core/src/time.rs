//! UTC timestamps as IMS writes them: `2018-10-28T10:00:00Z`, and on input also
//! `2018-10-28 10:00:00`. Whole seconds, no time zone other than UTC — exactly what the API
//! documents, so a tiny exact implementation beats a date-time dependency in the wasm bundle.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

/// Why a timestamp did not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a UTC time as yyyy-MM-ddThh:mm:ssZ or yyyy-MM-dd hh:mm:ss, got {0:?}")]
pub struct TimestampError(pub String);

impl Timestamp {
    /// Parses `yyyy-MM-ddThh:mm:ssZ` or `yyyy-MM-dd hh:mm:ss` (the two forms the list API takes).
    pub fn parse(s: &str) -> Result<Self, TimestampError> {
        let err = || TimestampError(s.to_owned());
        let b = s.as_bytes();
        let (date, time) = match b.len() {
            20 if b[10] == b'T' && b[19] == b'Z' => (&s[..10], &s[11..19]),
            19 if b[10] == b' ' => (&s[..10], &s[11..19]),
            _ => return Err(err()),
        };
        let num = |part: &str| -> Result<i64, TimestampError> {
            if part.is_empty() || !part.bytes().all(|c| c.is_ascii_digit()) {
                return Err(err());
            }
            part.parse().map_err(|_| err())
        };
        let d: Vec<&str> = date.split('-').collect();
        let t: Vec<&str> = time.split(':').collect();
        // The date is 10 bytes: with a 4-digit year and a 2-digit month the day has 2 digits.
        if d.len() != 3 || t.len() != 3 || d[0].len() != 4 || d[1].len() != 2 {
            return Err(err());
        }
        let (year, month, day) = (num(d[0])?, num(d[1])?, num(d[2])?);
        let (hour, minute, second) = (num(t[0])?, num(t[1])?, num(t[2])?);
        let valid = (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day)
            && hour < 24
            && minute < 60
            && second < 60
            && t.iter().all(|p| p.len() == 2);
        if !valid {
            return Err(err());
        }
        Ok(Timestamp(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second))
    }

    /// Reads the value of an HTML `datetime-local` input (`2018-10-28T10:00` or with seconds),
    /// taken as UTC — the list API compares UTC times, and the console labels the field so.
    pub fn parse_input(s: &str) -> Result<Self, TimestampError> {
        let with_seconds = if s.len() == 16 { format!("{s}:00") } else { s.to_owned() };
        let b = with_seconds.as_bytes();
        if b.len() != 19 || b[10] != b'T' {
            return Err(TimestampError(s.to_owned()));
        }
        Timestamp::parse(&format!("{with_seconds}Z")).map_err(|_| TimestampError(s.to_owned()))
    }

    /// The value for an HTML `datetime-local` input (`2018-10-28T10:00:00`).
    pub fn to_input(self) -> String {
        let (y, mo, d, h, mi, s) = self.parts();
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}")
    }

    /// The calendar parts `(year, month, day, hour, minute, second)`.
    pub fn parts(self) -> (i64, i64, i64, i64, i64, i64) {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        (y, m, d, secs / 3600, secs % 3600 / 60, secs % 60)
    }
}

impl fmt::Display for Timestamp {
    /// The canonical form, `yyyy-MM-ddThh:mm:ssZ`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo, d, h, mi, s) = self.parts();
        write!(f, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(deserializer)?;
        Timestamp::parse(&s).map_err(serde::de::Error::custom)
    }
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests;
