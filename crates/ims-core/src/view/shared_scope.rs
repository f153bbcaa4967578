//! On the Shared tab, whose shared images. The list document gives both the caller's images
//! shared with others and the shares the caller accepted `__imagetype=shared` ("可用owner字段
//! 进行区分"): the caller's own are `owner=<caller>`, those shared with the caller are the
//! accepted shares (`member_status=accepted`, which the list asks with `visibility=shared`).

use super::ListView;
use crate::query::FilterValue;

/// Which of the Shared tab's images a view lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SharedScope {
    /// Both kinds, as the service lists them.
    All,
    /// The caller's own images that other projects were given.
    ByMe,
    /// Other projects' images the caller accepted.
    WithMe,
}

impl SharedScope {
    pub const ALL: [SharedScope; 3] = [SharedScope::All, SharedScope::ByMe, SharedScope::WithMe];
}

impl ListView {
    /// The scope this view lists, for a caller of project `caller` (`None` when unknown).
    pub fn shared_scope(&self, caller: Option<&str>) -> SharedScope {
        let text = |param| match self.query.filter(param) {
            Some(FilterValue::Text(s)) => Some(s.as_str()),
            _ => None,
        };
        match (text("owner"), text("member_status")) {
            (Some(owner), None) if Some(owner) == caller => SharedScope::ByMe,
            (None, Some("accepted")) => SharedScope::WithMe,
            _ => SharedScope::All,
        }
    }

    /// The first page of the Shared tab in `scope` for project `caller`, the other filters kept.
    pub fn with_shared_scope(&self, scope: SharedScope, caller: &str) -> Self {
        let mut view = self.with_tab(super::Tab::Shared);
        let filters = &mut view.query.filters;
        filters.remove("owner");
        filters.remove("member_status");
        let added = match scope {
            SharedScope::All => None,
            SharedScope::ByMe => Some(("owner", caller)),
            SharedScope::WithMe => Some(("member_status", "accepted")),
        };
        if let Some((param, value)) = added {
            filters.insert(param.into(), FilterValue::Text(value.into()));
        }
        view
    }
}

#[cfg(test)]
mod tests {
    use super::SharedScope;
    use crate::backend::Flavour;
    use crate::view::{ListView, Tab};

    const ME: &str = "b912fb4a4c464b568ecfca1071b21b10";

    #[test]
    fn each_scope_is_an_address_that_reads_back_as_the_same_scope() {
        let start = ListView::parse("tab=shared&name=web&marker=m&prev=,a").unwrap();
        for scope in SharedScope::ALL {
            let view = start.with_shared_scope(scope, ME);
            let again = ListView::parse(&view.to_query_string()).unwrap();
            assert_eq!(again.shared_scope(Some(ME)), scope, "{}", view.to_query_string());
            assert_eq!((again.tab, again.query.marker.as_deref()), (Tab::Shared, None));
            assert!(again.to_query_string().contains("name=web"));
        }
    }

    #[test]
    fn the_scopes_ask_the_service_by_owner_and_by_accepted_membership() {
        let start = ListView::parse("tab=shared").unwrap();
        let query = |scope| start.with_shared_scope(scope, ME).api_query(Flavour::Ims).to_query_string();
        assert_eq!(query(SharedScope::All), "__imagetype=shared");
        assert_eq!(query(SharedScope::ByMe), format!("__imagetype=shared&owner={ME}"));
        assert_eq!(query(SharedScope::WithMe), "__imagetype=shared&member_status=accepted&visibility=shared");
    }

    #[test]
    fn another_projects_owner_filter_or_another_status_is_no_scope_of_the_caller() {
        let theirs = ListView::parse("tab=shared&owner=0b1e494e2660441a957313163095fe5c").unwrap();
        assert_eq!(theirs.shared_scope(Some(ME)), SharedScope::All);
        assert_eq!(theirs.shared_scope(None), SharedScope::All);
        let pending = ListView::parse("tab=shared&member_status=pending").unwrap();
        assert_eq!(pending.shared_scope(Some(ME)), SharedScope::All);
    }
}
