//! The SQLite rows of an image: read into a catalog, and the difference of two catalogs
//! written back. The caller's `BEGIN IMMEDIATE` transaction holds the write lock throughout.

use crate::error::AppError;
use ims_core::catalog::Catalog;
use ims_core::sharing::Member;
use ims_core::{Image, ImsError};
use sqlx::{SqliteConnection, SqlitePool};

pub(super) async fn load(conn: &mut SqliteConnection, image_id: &str, cap: usize) -> Result<Catalog, AppError> {
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
    Ok(Catalog::with_members([image], rows.into_iter().map(super::diff::member), cap))
}

/// Writes the difference between two catalogs: changed or new images, deleted images, and the
/// memberships of every image that is in either.
pub(super) async fn save(conn: &mut SqliteConnection, before: &Catalog, after: &Catalog) -> Result<(), AppError> {
    let diff = super::diff::Diff::of(before, after);
    for id in &diff.deleted {
        sqlx::query("DELETE FROM images WHERE id = ?").bind(id).execute(&mut *conn).await?;
    }
    for image in &diff.written {
        put_image(conn, image).await?;
    }
    for (id, members) in &diff.members {
        sqlx::query("DELETE FROM members WHERE image_id = ?").bind(id).execute(&mut *conn).await?;
        for m in members {
            insert_member(conn, m).await?;
        }
    }
    Ok(())
}

async fn insert_member(conn: &mut SqliteConnection, m: &Member) -> Result<(), AppError> {
    sqlx::query("INSERT INTO members (image_id, member_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
        .bind(&m.image_id)
        .bind(&m.member_id)
        .bind(m.status.as_str())
        .bind(&m.created_at)
        .bind(&m.updated_at)
        .execute(&mut *conn)
        .await?;
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

/// Images and memberships inserted as they are, in one transaction.
pub(super) async fn import(pool: &SqlitePool, images: &[Image], members: &[Member]) -> Result<usize, AppError> {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
    for image in images {
        put_image(&mut tx, image).await?;
    }
    for m in members {
        insert_member(&mut tx, m).await?;
    }
    tx.commit().await?;
    Ok(images.len())
}
