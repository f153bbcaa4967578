//! Where image data lives: an [`ObjectStore`] (a directory by default, so an S3-style store can
//! replace it without touching the routes), plus the rules that keep it consistent with the
//! catalog. An upload is written under `tmp/` and renamed to its image id only once it is
//! complete, so nothing partial is ever found under an image's key.

use crate::error::AppError;
use crate::store::Store;
use object_store::local::LocalFileSystem;
use object_store::path::Path as Key;
use object_store::ObjectStore;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// IMS documents uploads of at most 2 GiB through this route; larger images go through OBS.
pub const DEFAULT_MAX_IMAGE_SIZE: u64 = 2 * 1024 * 1024 * 1024;

/// The image data store and the largest upload it takes.
#[derive(Clone)]
pub struct ImageData {
    pub objects: Arc<dyn ObjectStore>,
    /// The directory behind `objects`, when it is one (the startup sweep clears its `tmp/`).
    dir: Option<PathBuf>,
    pub max_size: u64,
}

impl ImageData {
    /// Image data in `dir` (created if missing).
    pub fn local(dir: &Path, max_size: u64) -> Result<Self, String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let objects =
            LocalFileSystem::new_with_prefix(dir).map_err(|e| format!("cannot use {}: {e}", dir.display()))?;
        Ok(ImageData { objects: Arc::new(objects), dir: Some(dir.to_owned()), max_size })
    }

    /// Any other object store (the directory sweep does not apply).
    pub fn with_store(objects: Arc<dyn ObjectStore>, max_size: u64) -> Self {
        ImageData { objects, dir: None, max_size }
    }

    /// The key of an image's complete data.
    pub fn key(id: &str) -> Key {
        Key::from(format!("images/{id}"))
    }

    /// A fresh key for an upload in progress.
    pub fn temp_key(id: &str) -> Key {
        Key::from(format!("tmp/{id}.{}", uuid::Uuid::new_v4()))
    }

    /// Removes an image's data; no data is not an error.
    pub async fn delete(&self, id: &str) -> Result<(), AppError> {
        self.remove(&Self::key(id)).await
    }

    /// Removes one object; a missing one is not an error.
    pub async fn remove(&self, key: &Key) -> Result<(), AppError> {
        match self.objects.delete(key).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e.into()),
        }
    }

    /// Startup after a crash: uploads that were under way left their images `saving` and
    /// their bytes under `tmp/` (a directory's staging files too). The images go back to
    /// `queued` with no data, and `tmp/` is emptied.
    pub async fn sweep(&self, store: &Store) -> Result<usize, String> {
        let ids = store.ids_with_status("saving").await.map_err(|e| format!("cannot find interrupted uploads: {e}"))?;
        for id in &ids {
            self.delete(id).await.map_err(|e| format!("cannot remove the data of {id}: {e}"))?;
            store.change(Some(id), |c| c.abort_upload(id)).await.map_err(|e| format!("cannot reset {id}: {e}"))?;
        }
        if let Some(dir) = &self.dir {
            match std::fs::remove_dir_all(dir.join("tmp")) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(format!("cannot clear {}: {e}", dir.join("tmp").display()));
                }
                _ => {}
            }
        }
        Ok(ids.len())
    }
}
