//! The image store: SQLite (the embedded default) or PostgreSQL (several instances on one
//! database). Reads are SQL (lists use the typed columns and indexes, rendered for either
//! dialect by one renderer); every change runs the `ims-core` catalog engine over the rows it
//! touches and writes the result back, so the server's rules are the engine's own code.
//!
//! A change locks what it reads before the engine sees it — `BEGIN IMMEDIATE` on SQLite,
//! `SELECT … FOR UPDATE` on the image row on PostgreSQL — so the member cap, duplicate
//! members, status transitions and patches stay exact across processes, not just tasks.

#[macro_use]
mod sql;
mod diff;
mod keyset;
mod list;
mod postgres;
mod sqlite;

pub use list::DocPage;
pub use postgres::redacted;
pub use sql::Dialect;
pub use sqlite::put_image;

use crate::db::Durability;
use crate::error::AppError;
use ims_core::catalog::{Catalog, ImagePage};
use ims_core::sharing::Member;
use ims_core::{Image, ImsError, ListQuery};
use sqlx::{PgPool, SqlitePool};
use std::sync::Arc;
use tokio::sync::Mutex;

/// The database behind a [`Store`].
#[derive(Clone, Debug)]
pub enum Backend {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Backend {
    pub fn dialect(&self) -> Dialect {
        match self {
            Backend::Sqlite(_) => Dialect::Sqlite,
            Backend::Postgres(_) => Dialect::Postgres,
        }
    }
}

/// The database, the member cap, and an in-process queue for SQLite changes: the database's
/// own lock makes changes exact across processes; the queue only keeps this process's writers
/// from meeting in SQLite's busy loop (PostgreSQL queues them on the row lock instead).
#[derive(Clone)]
pub struct Store {
    backend: Backend,
    write_lock: Arc<Mutex<()>>,
    member_cap: usize,
}

/// Whether `--db` names a PostgreSQL database rather than a SQLite file.
pub fn is_postgres_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

impl Store {
    /// A store over an open SQLite pool.
    pub fn new(pool: SqlitePool, member_cap: usize) -> Self {
        Self::with_backend(Backend::Sqlite(pool), member_cap)
    }

    pub fn with_backend(backend: Backend, member_cap: usize) -> Self {
        let write_lock = Arc::new(Mutex::new(()));
        Store { backend, write_lock, member_cap }
    }

    /// Opens and migrates `db`: a `postgres://` URL, or else a SQLite file path.
    pub async fn open(db: &str, durability: Durability, member_cap: usize) -> Result<Self, String> {
        let backend = if is_postgres_url(db) {
            Backend::Postgres(postgres::open(db).await?)
        } else {
            Backend::Sqlite(crate::db::open_with(std::path::Path::new(db), durability).await?)
        };
        Ok(Self::with_backend(backend, member_cap))
    }

    pub fn backend(&self) -> &Backend {
        &self.backend
    }

    /// The SQLite pool, when that is the store (maintenance such as WAL checkpoints).
    pub fn sqlite_pool(&self) -> Option<&SqlitePool> {
        match &self.backend {
            Backend::Sqlite(pool) => Some(pool),
            Backend::Postgres(_) => None,
        }
    }

    /// A catalog holding the image (if it exists) and its memberships, for a read.
    pub async fn load(&self, image_id: &str) -> Result<Catalog, AppError> {
        match &self.backend {
            Backend::Sqlite(pool) => sqlite::load(&mut *pool.acquire().await?, image_id, self.member_cap).await,
            Backend::Postgres(pool) => {
                postgres::load(&mut *pool.acquire().await?, image_id, self.member_cap, false).await
            }
        }
    }

    /// Runs `change` on a catalog of the image `image_id` (or an empty one, for a create) and
    /// stores what it changed, in one transaction that holds the database's lock on what it
    /// read from the read to the commit.
    pub async fn change<T>(
        &self,
        image_id: Option<&str>,
        change: impl FnOnce(&mut Catalog) -> Result<T, ImsError>,
    ) -> Result<T, AppError> {
        let cap = self.member_cap;
        match &self.backend {
            Backend::Sqlite(pool) => {
                let _queue = self.write_lock.lock().await;
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                let before = match image_id {
                    Some(id) => sqlite::load(&mut tx, id, cap).await?,
                    None => Catalog::new([], cap),
                };
                let mut after = before.clone();
                let value = change(&mut after)?;
                sqlite::save(&mut tx, &before, &after).await?;
                tx.commit().await?;
                Ok(value)
            }
            Backend::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                let before = match image_id {
                    Some(id) => postgres::load(&mut tx, id, cap, true).await?,
                    None => {
                        postgres::lock_creates(&mut tx).await?;
                        Catalog::new([], cap)
                    }
                };
                let mut after = before.clone();
                let value = change(&mut after)?;
                postgres::save(&mut tx, &before, &after).await?;
                tx.commit().await?;
                Ok(value)
            }
        }
    }

    /// One page of `GET /v2/cloudimages` for `caller`, as stored documents.
    pub async fn list_docs(&self, caller: &str, query: &ListQuery) -> Result<DocPage, AppError> {
        list::list_docs(&self.backend, caller, query).await
    }

    /// [`Store::list_docs`] decoded: the same page as `ims_core`'s engine returns.
    pub async fn list_images(&self, caller: &str, query: &ListQuery) -> Result<ImagePage, AppError> {
        self.list_docs(caller, query).await?.decode()
    }

    /// How the database reads each branch of the page `query` asks for.
    pub async fn explain_list(&self, caller: &str, query: &ListQuery) -> Result<Vec<String>, AppError> {
        list::explain_list(&self.backend, caller, query).await
    }

    /// Inserts `images` when the store holds no image yet; returns how many were inserted.
    pub async fn seed_if_empty(&self, images: &[Image]) -> Result<usize, AppError> {
        match &self.backend {
            Backend::Sqlite(pool) => crate::db::seed_if_empty(pool, images).await,
            Backend::Postgres(pool) => postgres::seed_if_empty(pool, images, &[]).await,
        }
    }

    /// Inserts images and memberships as they are, into an empty store (test and load data).
    pub async fn import(&self, images: &[Image], members: &[Member]) -> Result<usize, AppError> {
        match &self.backend {
            Backend::Sqlite(pool) => sqlite::import(pool, images, members).await,
            Backend::Postgres(pool) => postgres::seed_if_empty(pool, images, members).await,
        }
    }

    /// The ids of every image in a status (the startup sweep finds interrupted uploads).
    pub async fn ids_with_status(&self, status: &str) -> Result<Vec<String>, AppError> {
        let rows: Vec<(String,)> = match &self.backend {
            Backend::Sqlite(pool) => {
                sqlx::query_as("SELECT id FROM images WHERE status = ?").bind(status).fetch_all(pool).await?
            }
            Backend::Postgres(pool) => {
                sqlx::query_as("SELECT id FROM images WHERE status = $1").bind(status).fetch_all(pool).await?
            }
        };
        Ok(rows.into_iter().map(|(id,)| id).collect())
    }

    /// How many memberships the store holds, over all images.
    pub async fn member_rows(&self) -> Result<i64, AppError> {
        let sql = "SELECT COUNT(*) FROM members";
        Ok(match &self.backend {
            Backend::Sqlite(pool) => sqlx::query_as::<_, (i64,)>(sql).fetch_one(pool).await?.0,
            Backend::Postgres(pool) => sqlx::query_as::<_, (i64,)>(sql).fetch_one(pool).await?.0,
        })
    }

    /// Waits for every connection to close (SQLite checkpoints its WAL into the file).
    pub async fn close(&self) {
        match &self.backend {
            Backend::Sqlite(pool) => pool.close().await,
            Backend::Postgres(pool) => pool.close().await,
        }
    }
}
