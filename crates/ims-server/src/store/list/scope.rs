//! A plan's [`Scope`] as SQL, in either dialect: who may see an image, as `ims-core` decides it.

use crate::store::sql::{Dialect, Sql};
use ims_core::catalog::plan::Scope;

/// Appends the condition that `scope` holds the image for `caller`.
pub(in crate::store) fn push_scope(q: &mut Sql, caller: &str, scope: &Scope) {
    let share = " EXISTS (SELECT 1 FROM members m WHERE m.image_id = images.id AND m.member_id = ";
    match scope {
        Scope::Visible | Scope::Listed => {
            q.push("(visibility = 'public' OR owner = ").text(caller);
            q.push(" OR").push(share).text(caller);
            if *scope == Scope::Listed {
                q.push(" AND m.status = 'accepted'");
            }
            q.push("))");
        }
        Scope::Inbox(status) => {
            let not_owner = match q.dialect {
                Dialect::Sqlite => "owner IS NOT ",
                Dialect::Postgres => "owner IS DISTINCT FROM ",
            };
            q.push(not_owner).text(caller);
            q.push(" AND").push(share).text(caller).push(" AND m.status = ").text(status.as_str()).push(")");
        }
    }
}
