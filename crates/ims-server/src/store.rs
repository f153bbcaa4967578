//! The SQLite store. Reads are SQL (lists use the typed columns and indexes); every change runs
//! the `ims-core` catalog engine over the rows it touches and writes the result back, so the
//! server's rules are the engine's own code.

mod keyset;
mod list;

pub use list::{explain_list, list_docs, list_images, DocPage};

use crate::error::AppError;
use ims_core::catalog::Catalog;
use ims_core::sharing::Member;
use ims_core::{Image, ImsError};
use sqlx::{SqliteConnection, SqlitePool};
use std::collections::BTreeMap;
use std::sync::Arc;
use tokio::sync::Mutex;

/// The database and the one-writer lock: SQLite has a single writer anyway, and holding the
/// lock across read-compute-write keeps concurrent changes from losing each other's updates.
#[derive(Clone)]
pub struct Store {
    pub pool: SqlitePool,
    write_lock: Arc<Mutex<()>>,
    member_cap: usize,
}

impl Store {
    pub fn new(pool: SqlitePool, member_cap: usize) -> Self {
        Store { pool, write_lock: Arc::new(Mutex::new(())), member_cap }
    }

    /// A catalog holding the image (if it exists) and its memberships, for a read.
    pub async fn load(&self, image_id: &str) -> Result<Catalog, AppError> {
        let mut conn = self.pool.acquire().await?;
        load(&mut conn, image_id, self.member_cap).await
    }

    /// Runs `change` on a catalog of the image `image_id` (or an empty one) and stores what it
    /// changed, all in one transaction under the write lock.
    pub async fn change<T>(
        &self,
        image_id: Option<&str>,
        change: impl FnOnce(&mut Catalog) -> Result<T, ImsError>,
    ) -> Result<T, AppError> {
        let _guard = self.write_lock.lock().await;
        let mut tx = self.pool.begin().await?;
        let before = match image_id {
            Some(id) => load(&mut tx, id, self.member_cap).await?,
            None => Catalog::new([], self.member_cap),
        };
        let mut after = before.clone();
        let value = change(&mut after)?;
        save(&mut tx, &before, &after).await?;
        tx.commit().await?;
        Ok(value)
    }
}

async fn load(conn: &mut SqliteConnection, image_id: &str, cap: usize) -> Result<Catalog, AppError> {
    let doc: Option<(String,)> =
        sqlx::query_as("SELECT doc FROM images WHERE id = ?").bind(image_id).fetch_optional(&mut *conn).await?;
    let Some((doc,)) = doc else {
        return Ok(Catalog::new([], cap));
    };
    let image: Image = serde_json::from_str(&doc)?;
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT image_id, member_id, status, created_at, updated_at FROM members WHERE image_id = ? ORDER BY member_id",
    )
    .bind(image_id)
    .fetch_all(&mut *conn)
    .await?;
    let members = rows.into_iter().map(|(image_id, member_id, status, created_at, updated_at)| Member {
        created_at,
        updated_at,
        image_id,
        member_id,
        status: status.as_str().into(),
        schema: ims_core::sharing::MEMBER_SCHEMA.to_owned(),
    });
    Ok(Catalog::with_members([image], members, cap))
}

/// Writes the difference between two catalogs: changed or new images, deleted images, and the
/// memberships of every image that is in either.
async fn save(conn: &mut SqliteConnection, before: &Catalog, after: &Catalog) -> Result<(), AppError> {
    let old: BTreeMap<_, _> = before.all_images().filter_map(|i| Some((i.id.get()?.clone(), i))).collect();
    let new: BTreeMap<_, _> = after.all_images().filter_map(|i| Some((i.id.get()?.clone(), i))).collect();
    for id in old.keys().filter(|id| !new.contains_key(*id)) {
        sqlx::query("DELETE FROM images WHERE id = ?").bind(id).execute(&mut *conn).await?;
    }
    for (id, image) in &new {
        if old.get(id) != Some(image) {
            put_image(conn, image).await?;
        }
    }
    let member_set = |c: &Catalog, id: &str| c.all_members().filter(|m| m.image_id == id).cloned().collect::<Vec<_>>();
    for id in new.keys() {
        let (was, is) = (member_set(before, id), member_set(after, id));
        if was != is {
            sqlx::query("DELETE FROM members WHERE image_id = ?").bind(id).execute(&mut *conn).await?;
            for m in &is {
                sqlx::query(
                    "INSERT INTO members (image_id, member_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                )
                .bind(&m.image_id)
                .bind(&m.member_id)
                .bind(m.status.as_str())
                .bind(&m.created_at)
                .bind(&m.updated_at)
                .execute(&mut *conn)
                .await?;
            }
        }
    }
    Ok(())
}

/// Inserts or replaces an image's row; the typed columns follow from the document.
pub async fn put_image(conn: &mut SqliteConnection, image: &Image) -> Result<(), AppError> {
    let id = image
        .id
        .get()
        .ok_or_else(|| AppError::from(ImsError::new(ims_core::ErrorCode::Internal, "image without id")))?;
    let doc = serde_json::to_string(image)?;
    sqlx::query("INSERT INTO images (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc")
        .bind(id)
        .bind(doc)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
