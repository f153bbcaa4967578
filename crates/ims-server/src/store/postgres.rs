//! The PostgreSQL store: opening and migrating (`migrations/postgres/`), and an image's rows
//! read into a catalog and written back. Changes lock the image row (`FOR UPDATE`) before the
//! engine sees it, and creates take a transaction-level advisory lock, so every instance on
//! the database sees one order of changes.

use super::diff::{member, Diff};
use crate::error::AppError;
use ims_core::catalog::Catalog;
use ims_core::sharing::Member;
use ims_core::{Image, ImsError};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{PgConnection, PgPool};
use std::str::FromStr;
use std::time::Duration;

/// The advisory lock key creates and seeding hold until they commit.
const CREATE_LOCK: i64 = 0x494d_535f_4352; // "IMS_CR"

/// Connects (every wait bounded: connecting, queueing for a connection, a statement, a lock)
/// and runs the migrations, which PostgreSQL serialises between instances starting at once.
pub(super) async fn open(url: &str) -> Result<PgPool, String> {
    let shown = redacted(url);
    let options = PgConnectOptions::from_str(url)
        .map_err(|e| format!("bad database URL {shown}: {e}"))?
        .options([("statement_timeout", "30s"), ("lock_timeout", "10s")]);
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await
        .map_err(|e| format!("cannot connect to {shown}: {e}"))?;
    sqlx::migrate!("./migrations/postgres").run(&pool).await.map_err(|e| format!("cannot migrate {shown}: {e}"))?;
    Ok(pool)
}

/// The URL without its password, for messages.
pub fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or_default();
            format!("{}{user}{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_owned(),
    }
}

/// The image and its memberships; with `lock`, the image row stays locked until the
/// transaction ends, so no other change of this image (on any instance) runs in between.
pub(super) async fn load(conn: &mut PgConnection, image_id: &str, cap: usize, lock: bool) -> Result<Catalog, AppError> {
    let sql = if lock {
        "SELECT doc::text FROM images WHERE id = $1 FOR UPDATE"
    } else {
        "SELECT doc::text FROM images WHERE id = $1"
    };
    let doc: Option<(String,)> = sqlx::query_as(sql).bind(image_id).fetch_optional(&mut *conn).await?;
    let Some((doc,)) = doc else {
        return Ok(Catalog::new([], cap));
    };
    let image: Image = serde_json::from_str(&doc)?;
    let rows: Vec<(String, String, String, String, String)> = sqlx::query_as(
        "SELECT image_id, member_id, status, created_at, updated_at FROM members WHERE image_id = $1 \
         ORDER BY member_id",
    )
    .bind(image_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(Catalog::with_members([image], rows.into_iter().map(member), cap))
}

/// Held by a create until it commits.
pub(super) async fn lock_creates(conn: &mut PgConnection) -> Result<(), AppError> {
    sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(CREATE_LOCK).execute(&mut *conn).await?;
    Ok(())
}

/// Writes the difference between two catalogs, as the SQLite store does.
pub(super) async fn save(conn: &mut PgConnection, before: &Catalog, after: &Catalog) -> Result<(), AppError> {
    let diff = Diff::of(before, after);
    for id in &diff.deleted {
        sqlx::query("DELETE FROM images WHERE id = $1").bind(id).execute(&mut *conn).await?;
    }
    for image in &diff.written {
        put_image(conn, image).await?;
    }
    for (id, members) in &diff.members {
        sqlx::query("DELETE FROM members WHERE image_id = $1").bind(id).execute(&mut *conn).await?;
        for m in members {
            insert_member(conn, m).await?;
        }
    }
    Ok(())
}

async fn insert_member(conn: &mut PgConnection, m: &Member) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO members (image_id, member_id, status, created_at, updated_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&m.image_id)
    .bind(&m.member_id)
    .bind(m.status.as_str())
    .bind(&m.created_at)
    .bind(&m.updated_at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn put_image(conn: &mut PgConnection, image: &Image) -> Result<(), AppError> {
    let id = image
        .id
        .get()
        .ok_or_else(|| AppError::from(ImsError::new(ims_core::ErrorCode::Internal, "image without id")))?;
    let doc = serde_json::to_string(image)?;
    sqlx::query(
        "INSERT INTO images (id, doc) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc",
    )
    .bind(id)
    .bind(doc)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Inserts images and memberships when the database holds no image yet, under the create
/// lock, so instances starting together on an empty database seed it once.
pub(super) async fn seed_if_empty(pool: &PgPool, images: &[Image], members: &[Member]) -> Result<usize, AppError> {
    let mut tx = pool.begin().await?;
    lock_creates(&mut tx).await?;
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM images").fetch_one(&mut *tx).await?;
    if count > 0 {
        return Ok(0);
    }
    for image in images {
        put_image(&mut tx, image).await?;
    }
    for m in members {
        insert_member(&mut tx, m).await?;
    }
    tx.commit().await?;
    Ok(images.len())
}
