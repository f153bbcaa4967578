//! The SQLite file: opening, migrating, seeding, and the image rows.

use ims_core::Image;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::Path;
use std::time::Duration;

/// How hard a commit waits for the disk. Both survive a crash of the process (`kill -9`) with
/// every acknowledged write; `Full` also survives losing power, at the cost of an fsync per
/// commit (see `cargo xtask bench server`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Durability {
    /// WAL with `synchronous=NORMAL`: fsync at checkpoints only.
    #[default]
    Process,
    /// WAL with `synchronous=FULL`: fsync on every commit.
    Power,
}

/// Opens (creating if needed) and migrates the database: WAL, foreign keys on.
pub async fn open(path: &Path) -> Result<SqlitePool, String> {
    open_with(path, Durability::default()).await
}

/// [`open`] with a chosen [`Durability`].
pub async fn open_with(path: &Path, durability: Durability) -> Result<SqlitePool, String> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .foreign_keys(true)
        .synchronous(match durability {
            Durability::Process => SqliteSynchronous::Normal,
            Durability::Power => SqliteSynchronous::Full,
        })
        .busy_timeout(Duration::from_secs(5))
        // Checkpoints run in the background (`checkpoints`), not inside a request's commit.
        .pragma("wal_autocheckpoint", "0");
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    sqlx::migrate!("./migrations").run(&pool).await.map_err(|e| format!("cannot migrate {}: {e}", path.display()))?;
    Ok(pool)
}

/// Copies the WAL into the database file every `every`, off the request path: with SQLite's
/// automatic checkpoint, the commit that crosses 1,000 WAL pages pays for the copy and its fsync,
/// which showed as the tail latency of mixed write loads. Runs until the pool closes.
pub async fn checkpoints(pool: SqlitePool, every: Duration) {
    while !pool.is_closed() {
        tokio::time::sleep(every).await;
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)").execute(&pool).await {
            if !pool.is_closed() {
                tracing::warn!(error = %e, "WAL checkpoint failed");
            }
        }
    }
}

/// Inserts `images` when the database holds no image yet; returns how many were inserted.
pub async fn seed_if_empty<'a>(
    pool: &SqlitePool,
    images: impl IntoIterator<Item = &'a Image>,
) -> Result<usize, crate::error::AppError> {
    let mut tx = pool.begin().await?;
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM images").fetch_one(&mut *tx).await?;
    if count > 0 {
        return Ok(0);
    }
    let mut count = 0;
    for image in images {
        crate::store::put_image(&mut tx, image).await?;
        count += 1;
    }
    tx.commit().await?;
    Ok(count)
}
