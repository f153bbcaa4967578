//! `GET /v2/cloudimages` query: every parameter of the list document, parsed from a query
//! string and written back canonically (`parse(write(q)) == q`).
//!
//! Decisions where the document is silent:
//! - an unknown or repeated parameter is an error naming it (a typo must not silently filter);
//! - enum values match case-insensitively and are kept in the documented spelling;
//! - `limit` is 1–1000 (the default is the documented 500);
//! - `+` and `%20` both decode to a space; written queries use `%20` and `%3A`.

pub mod encoding;
mod keys;
mod params;

pub use keys::{SortDir, SortKey, TimeOp};
pub use params::{param_kind, FILTER_PARAMS};

use crate::fields::FilterKind;
use crate::time::Timestamp;
use std::collections::BTreeMap;
use std::fmt;

/// Whether a list parameter exists only in IMS (`/v2/cloudimages`), not in Glance's native
/// `/v2/images`: the `__*` attributes and IMS's own filters. A console talking to Glance hides them.
pub fn is_ims_only(param: &str) -> bool {
    param.starts_with("__")
        || matches!(param, "flavor_id" | "virtual_env_type" | "enterprise_project_id" | "architecture")
}

/// The documented default page size.
pub const DEFAULT_LIMIT: u32 = 500;
/// The largest page a client may ask for.
pub const MAX_LIMIT: u32 = 1000;

/// One filter's value, typed by its parameter's kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FilterValue {
    Text(String),
    Bool(bool),
    Int(i64),
    Time(TimeOp, Timestamp),
}

impl fmt::Display for FilterValue {
    /// The canonical wire text (before percent-encoding).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FilterValue::Text(s) => f.write_str(s),
            FilterValue::Bool(b) => write!(f, "{b}"),
            FilterValue::Int(n) => write!(f, "{n}"),
            FilterValue::Time(op, t) => write!(f, "{op}:{t}"),
        }
    }
}

/// Why a query did not parse; always names the parameter.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("unknown query parameter {0:?}")]
    Unknown(String),
    #[error("query parameter {0:?} is given more than once")]
    Repeated(String),
    #[error("query parameter {param:?} cannot be {value:?}: expected {expected}")]
    InvalidValue { param: String, value: String, expected: String },
    #[error("query parameter {0:?} is not valid percent-encoded UTF-8")]
    BadEncoding(String),
}

impl QueryError {
    /// The parameter the error is about.
    pub fn param(&self) -> &str {
        match self {
            QueryError::Unknown(p) | QueryError::Repeated(p) | QueryError::BadEncoding(p) => p,
            QueryError::InvalidValue { param, .. } => param,
        }
    }

    pub(crate) fn invalid(param: &str, value: &str, expected: impl Into<String>) -> Self {
        QueryError::InvalidValue { param: param.to_owned(), value: value.to_owned(), expected: expected.into() }
    }
}

/// A list request: filters by parameter name, and paging and sorting.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListQuery {
    pub filters: BTreeMap<String, FilterValue>,
    pub marker: Option<String>,
    pub limit: Option<u32>,
    pub sort_key: Option<SortKey>,
    pub sort_dir: Option<SortDir>,
}

impl ListQuery {
    /// Parses a query string (a leading `?` is allowed).
    pub fn parse(query: &str) -> Result<Self, QueryError> {
        let mut q = ListQuery::default();
        // A sorted set: the console already carries ordered-map code, and no hashing.
        let mut seen = std::collections::BTreeSet::new();
        for pair in query.strip_prefix('?').unwrap_or(query).split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = encoding::decode(raw_key).ok_or_else(|| QueryError::BadEncoding(raw_key.to_owned()))?;
            let value = encoding::decode(raw_value).ok_or_else(|| QueryError::BadEncoding(key.clone()))?;
            if !seen.insert(key.clone()) {
                return Err(QueryError::Repeated(key));
            }
            q.set(&key, &value)?;
        }
        Ok(q)
    }

    /// Sets one parameter from its text, checking the value (what a filter form submits).
    pub fn set(&mut self, param: &str, value: &str) -> Result<(), QueryError> {
        match param {
            "marker" if value.is_empty() => return Err(QueryError::invalid(param, value, "an image id")),
            "marker" => self.marker = Some(value.to_owned()),
            "limit" => {
                let n = value.parse().ok().filter(|n| (1..=MAX_LIMIT).contains(n));
                self.limit =
                    Some(n.ok_or_else(|| {
                        QueryError::invalid(param, value, format!("an integer from 1 to {MAX_LIMIT}"))
                    })?);
            }
            "sort_key" => {
                let keys = SortKey::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ");
                self.sort_key = Some(
                    SortKey::parse(value).ok_or_else(|| QueryError::invalid(param, value, format!("one of {keys}")))?,
                );
            }
            "sort_dir" => {
                self.sort_dir =
                    Some(SortDir::parse(value).ok_or_else(|| QueryError::invalid(param, value, "asc or desc"))?);
            }
            _ => {
                let kind = param_kind(param).ok_or_else(|| QueryError::Unknown(param.to_owned()))?;
                let typed = parse_value(param, kind, value)?;
                self.filters.insert(param.to_owned(), typed);
            }
        }
        Ok(())
    }

    /// The canonical query string (no leading `?`): filters in name order, then paging and sort.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, String)> = self.filters.iter().map(|(k, v)| (k.as_str(), v.to_string())).collect();
        if let Some(m) = &self.marker {
            pairs.push(("marker", m.clone()));
        }
        if let Some(l) = self.limit {
            pairs.push(("limit", l.to_string()));
        }
        if let Some(k) = self.sort_key {
            pairs.push(("sort_key", k.to_string()));
        }
        if let Some(d) = self.sort_dir {
            pairs.push(("sort_dir", d.to_string()));
        }
        pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encoding::encode(k), encoding::encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The page size in effect.
    pub fn effective_limit(&self) -> u32 {
        self.limit.unwrap_or(DEFAULT_LIMIT)
    }

    /// The order in effect: the documented default is `created_at` descending.
    pub fn effective_sort(&self) -> (SortKey, SortDir) {
        (self.sort_key.unwrap_or(SortKey::CreatedAt), self.sort_dir.unwrap_or(SortDir::Desc))
    }

    /// A filter's value.
    pub fn filter(&self, param: &str) -> Option<&FilterValue> {
        self.filters.get(param)
    }

    /// Rules between parameters: `member_status` is only meaningful with `visibility=shared`
    /// (list document: "需要在查询时，设置visibility参数为shared").
    pub fn check(&self) -> Result<(), QueryError> {
        if let Some(status) = self.filter("member_status") {
            if self.filter("visibility") != Some(&FilterValue::Text("shared".into())) {
                return Err(QueryError::invalid(
                    "member_status",
                    &status.to_string(),
                    "to be used with visibility=shared",
                ));
            }
        }
        Ok(())
    }
}

fn parse_value(param: &str, kind: FilterKind, value: &str) -> Result<FilterValue, QueryError> {
    match kind {
        FilterKind::Exact => Ok(FilterValue::Text(value.to_owned())),
        FilterKind::Boolean => match value.to_ascii_lowercase().as_str() {
            "true" => Ok(FilterValue::Bool(true)),
            "false" => Ok(FilterValue::Bool(false)),
            _ => Err(QueryError::invalid(param, value, "true or false")),
        },
        FilterKind::Integer => value
            .parse::<i64>()
            .ok()
            .filter(|n| *n >= 0)
            .map(FilterValue::Int)
            .ok_or_else(|| QueryError::invalid(param, value, "a whole number of at least 0")),
        FilterKind::Enum(allowed) => allowed
            .iter()
            .find(|a| a.eq_ignore_ascii_case(value))
            .copied()
            .or_else(|| crate::backend::is_known_value(param, value))
            .map(|a| FilterValue::Text(a.to_owned()))
            .ok_or_else(|| QueryError::invalid(param, value, format!("one of {}", allowed.join(", ")))),
        FilterKind::Time => {
            let expected =
                "op:time with op gt, gte, lt, lte, eq or neq and time yyyy-MM-ddThh:mm:ssZ or yyyy-MM-dd hh:mm:ss";
            let (op, time) = value.split_once(':').ok_or_else(|| QueryError::invalid(param, value, expected))?;
            let op = TimeOp::parse(op).ok_or_else(|| QueryError::invalid(param, value, expected))?;
            let time = Timestamp::parse(time).map_err(|_| QueryError::invalid(param, value, expected))?;
            Ok(FilterValue::Time(op, time))
        }
    }
}

#[cfg(test)]
mod tests;
