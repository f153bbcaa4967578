//! Everything the image list page shows, as one value that lives in the URL: the tab, the
//! filters, sort and page size, the marker of this page and those of the pages before it, and
//! the chosen columns. Back, Forward, reload and a pasted link restore the exact page.

use crate::backend::Flavour;
use crate::query::encoding::{decode, encode};
use crate::query::{is_ims_only, FilterValue, ListQuery, QueryError};
use std::collections::BTreeMap;

/// The list's tabs, each an `__imagetype`: public (`gold`), private, and shared (both the
/// caller's images shared with others and accepted shares from others, as the service counts
/// them; `owner` tells them apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tab {
    #[default]
    Public,
    Private,
    Shared,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Public, Tab::Private, Tab::Shared];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Tab::Public => "public",
            Tab::Private => "private",
            Tab::Shared => "shared",
        }
    }

    /// The `__imagetype` the tab lists.
    pub fn image_type(self) -> &'static str {
        match self {
            Tab::Public => "gold",
            Tab::Private => "private",
            Tab::Shared => "shared",
        }
    }

    fn parse(s: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// The list page's state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListView {
    pub tab: Tab,
    /// The user's filters, sort, page size and this page's marker (the tab's filter is added
    /// by [`ListView::api_query`]).
    pub query: ListQuery,
    /// The markers of the pages before this one, oldest first (`None` for the first page).
    pub previous: Vec<Option<String>>,
    /// The chosen columns; `None` for the registry's defaults.
    pub columns: Option<Vec<String>>,
    /// Filters on custom properties (`prop.KEY=VALUE` in the address), which Glance applies to
    /// any property. Kept even where the backend cannot apply them, and then reported.
    pub properties: BTreeMap<String, String>,
}

/// The address prefix of a property filter.
const PROPERTY_PREFIX: &str = "prop.";

/// Property filters as typed: `key=value` pairs separated by commas or new lines. `Err` names
/// the first pair that is not one.
pub fn parse_property_filters(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut map = BTreeMap::new();
    for pair in text.split([',', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
        match pair.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() => {
                map.insert(k.trim().to_owned(), v.trim().to_owned());
            }
            _ => return Err(pair.to_owned()),
        }
    }
    Ok(map)
}

impl ListView {
    /// Reads the page state from a URL query. `tab`, `prev` and `cols` are the page's own
    /// keys; every other key must be a list parameter.
    pub fn parse(query: &str) -> Result<Self, QueryError> {
        let mut view = ListView::default();
        let mut rest = Vec::new();
        for pair in query.strip_prefix('?').unwrap_or(query).split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let value = || decode(v).ok_or_else(|| QueryError::BadEncoding(k.to_owned()));
            match k {
                "tab" => {
                    let v = value()?;
                    view.tab = Tab::parse(&v).ok_or(QueryError::InvalidValue {
                        param: "tab".into(),
                        value: v,
                        expected: "public, private or shared".into(),
                    })?;
                }
                "prev" => {
                    view.previous = value()?.split(',').map(|m| (!m.is_empty()).then(|| m.to_owned())).collect();
                }
                "cols" => {
                    view.columns = Some(value()?.split(',').filter(|c| !c.is_empty()).map(str::to_owned).collect())
                }
                _ if k.starts_with(PROPERTY_PREFIX) => {
                    let key =
                        decode(&k[PROPERTY_PREFIX.len()..]).ok_or_else(|| QueryError::BadEncoding(k.to_owned()))?;
                    if key.is_empty() {
                        return Err(QueryError::invalid(k, v, "prop.KEY=VALUE"));
                    }
                    view.properties.insert(key, value()?);
                }
                _ => rest.push(pair),
            }
        }
        view.query = ListQuery::parse(&rest.join("&"))?;
        Ok(view)
    }

    /// The page state of an address a person typed, pasted or kept from an older version: an
    /// unknown key (`utm_source`) is left out silently, and each bad value (`min_disk=abc`,
    /// `limit=5000`, `tab=bogus`) is left out and reported with its parameter, so that the page
    /// keeps its tabs and filters and can say at the field what was wrong.
    pub fn parse_lenient(query: &str) -> (Self, Vec<QueryError>) {
        let key = |pair: &str| pair.split_once('=').map_or(pair, |(k, _)| k).to_owned();
        let mut pairs: Vec<&str> = query.strip_prefix('?').unwrap_or(query).split('&').collect();
        let mut problems = Vec::new();
        loop {
            match ListView::parse(&pairs.join("&")) {
                Ok(view) => return (view, problems),
                Err(error) => {
                    let before = pairs.len();
                    pairs.retain(|p| key(p) != error.param());
                    if pairs.len() == before {
                        // An error that names no key of the address (cannot happen today):
                        // the defaults rather than a loop.
                        problems.push(error);
                        return (ListView::default(), problems);
                    }
                    if !matches!(error, QueryError::Unknown(_)) {
                        problems.push(error);
                    }
                }
            }
        }
    }

    /// The canonical URL query (no leading `?`).
    pub fn to_query_string(&self) -> String {
        let mut parts = vec![format!("tab={}", self.tab.as_str())];
        let q = self.query.to_query_string();
        if !q.is_empty() {
            parts.push(q);
        }
        for (k, v) in &self.properties {
            parts.push(format!("{PROPERTY_PREFIX}{}={}", encode(k), encode(v)));
        }
        if !self.previous.is_empty() {
            let stack: Vec<&str> = self.previous.iter().map(|m| m.as_deref().unwrap_or_default()).collect();
            parts.push(format!("prev={}", encode(&stack.join(","))));
        }
        if let Some(cols) = &self.columns {
            parts.push(format!("cols={}", encode(&cols.join(","))));
        }
        parts.join("&")
    }

    /// The request this page makes: the user's query plus the tab's `__imagetype`. Against
    /// Glance, which has no `__imagetype`, the tab becomes a `visibility`, the IMS-only filters
    /// are left out and the page size is always sent (Glance's own default is 25, not 500).
    pub fn api_query(&self, flavour: Flavour) -> ListQuery {
        let mut q = self.query.clone();
        if flavour == Flavour::Glance {
            q.limit = Some(q.effective_limit());
            q.filters.retain(|param, _| !is_ims_only(param));
            let visibility = if self.tab == Tab::Public { "public" } else { self.tab.image_type() };
            q.filters.insert("visibility".into(), FilterValue::Text(visibility.into()));
        } else {
            q.filters.insert("__imagetype".into(), FilterValue::Text(self.tab.image_type().into()));
        }
        if flavour.filters_on_properties() {
            q.filters.extend(self.properties.iter().map(|(k, v)| (k.clone(), FilterValue::Text(v.clone()))));
        }
        // The inbox filter only works with visibility=shared (list document); supply it.
        if q.filters.contains_key("member_status") {
            q.filters.insert("visibility".into(), FilterValue::Text("shared".into()));
        }
        q
    }

    /// The property filters `flavour` cannot apply, as problems to show: never dropped silently.
    pub fn properties_not_applied(&self, flavour: Flavour) -> Vec<QueryError> {
        if flavour.filters_on_properties() {
            return Vec::new();
        }
        let expected = "a backend that filters on custom properties (Glance)";
        self.properties
            .iter()
            .map(|(k, v)| QueryError::invalid(&format!("{PROPERTY_PREFIX}{k}"), v, expected))
            .collect()
    }

    /// The property filters as the filter field shows them.
    pub fn property_filters_text(&self) -> String {
        self.properties.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ")
    }

    /// The first page of a tab, keeping filters, sort, page size and columns.
    pub fn with_tab(&self, tab: Tab) -> Self {
        ListView { tab, ..self.first_page() }
    }

    /// The same filters from their first page (what any change of filter or sort leads to).
    pub fn first_page(&self) -> Self {
        let mut view = self.clone();
        view.query.marker = None;
        view.previous.clear();
        view
    }

    /// The page after this one, which starts after `last_id`.
    pub fn next_page(&self, last_id: &str) -> Self {
        let mut view = self.clone();
        view.previous.push(self.query.marker.clone());
        view.query.marker = Some(last_id.to_owned());
        view
    }

    /// The page before this one (this page again if it is the first).
    pub fn previous_page(&self) -> Self {
        let mut view = self.clone();
        view.query.marker = view.previous.pop().flatten();
        view
    }

    /// 1-based number of this page.
    pub fn page_number(&self) -> usize {
        self.previous.len() + 1
    }
}

#[cfg(test)]
mod tests;
