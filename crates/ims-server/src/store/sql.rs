//! A statement under construction for either SQL store: the text, with placeholders in the
//! store's own spelling (`?` for SQLite, `$n` for PostgreSQL), and the values bound to them.
//! The list renderer writes one statement for both stores through this, and says only where
//! the two dialects differ.

use crate::error::AppError;

/// A query with the statement's arguments bound in order.
macro_rules! bound {
    ($q:expr, $sql:expr) => {{
        let mut q = $q;
        for arg in &$sql.args {
            q = match arg {
                $crate::store::sql::Arg::Text(s) => q.bind(s.clone()),
                $crate::store::sql::Arg::Int(n) => q.bind(*n),
            };
        }
        q
    }};
}

/// Which SQL the statement is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

/// A bound value: lists only ever compare text and integers.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Int(i64),
}

/// SQL text plus its arguments, in order.
#[derive(Debug, Clone)]
pub struct Sql {
    pub dialect: Dialect,
    pub text: String,
    pub args: Vec<Arg>,
}

impl Sql {
    pub fn new(dialect: Dialect, start: &str) -> Self {
        Sql { dialect, text: start.to_owned(), args: Vec::new() }
    }

    /// Appends literal SQL.
    pub fn push(&mut self, sql: &str) -> &mut Self {
        self.text.push_str(sql);
        self
    }

    /// Appends a placeholder for `arg`.
    pub fn bind(&mut self, arg: Arg) -> &mut Self {
        self.args.push(arg);
        match self.dialect {
            Dialect::Sqlite => self.text.push('?'),
            Dialect::Postgres => self.text.push_str(&format!("${}", self.args.len())),
        }
        self
    }

    pub fn text(&mut self, value: &str) -> &mut Self {
        self.bind(Arg::Text(value.to_owned()))
    }

    pub fn int(&mut self, value: i64) -> &mut Self {
        self.bind(Arg::Int(value))
    }

    /// Rows of `(id, doc)`, or of any two text columns.
    pub async fn rows(&self, backend: &super::Backend) -> Result<Vec<(String, String)>, AppError> {
        Ok(match backend {
            super::Backend::Sqlite(p) => bound!(sqlx::query_as(&self.text), self).fetch_all(p).await?,
            super::Backend::Postgres(p) => bound!(sqlx::query_as(&self.text), self).fetch_all(p).await?,
        })
    }

    /// One optional column of one optional row, as text or integer (`want_int`).
    pub async fn scalar(&self, backend: &super::Backend, want_int: bool) -> Result<Option<Option<Arg>>, AppError> {
        macro_rules! run {
            ($pool:expr, $t:ty) => {{
                let q = sqlx::query_as::<_, (Option<$t>,)>(&self.text);
                bound!(q, self).fetch_optional($pool).await?.map(|(v,)| v)
            }};
        }
        Ok(match (backend, want_int) {
            (super::Backend::Sqlite(p), true) => run!(p, i64).map(|v| v.map(Arg::Int)),
            (super::Backend::Sqlite(p), false) => run!(p, String).map(|v| v.map(Arg::Text)),
            (super::Backend::Postgres(p), true) => run!(p, i64).map(|v| v.map(Arg::Int)),
            (super::Backend::Postgres(p), false) => run!(p, String).map(|v| v.map(Arg::Text)),
        })
    }
}
