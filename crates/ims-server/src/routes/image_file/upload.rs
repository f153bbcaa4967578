//! The upload: the body goes to a temporary object in bounded chunks while MD5 and SHA-512 are
//! computed, and only a complete body is renamed into place and marks the image `active`. Any
//! failure, a client that goes away, or a cancelled handler puts the image back to `queued`
//! with no data.

use crate::auth::Caller;
use crate::error::AppError;
use crate::image_data::ImageData;
use crate::store::Store;
use crate::{clock, AppState};
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use futures_util::StreamExt;
use ims_core::catalog::UploadDigest;
use ims_core::ErrorCode;
use md5::{Digest, Md5};
use object_store::path::Path as Key;
use object_store::WriteMultipart;
use sha2::Sha512;

/// Bytes per part written to the store, and parts in flight: about 3 × 4 MiB buffered per
/// upload whatever the image size.
const CHUNK: usize = 4 * 1024 * 1024;
const IN_FLIGHT: usize = 2;

pub async fn upload(
    State(state): State<AppState>,
    Caller(project): Caller,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<StatusCode, AppError> {
    let max = state.data.max_size;
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max) {
        return Err(too_large(max));
    }
    state.store.change(Some(&id), |c| c.begin_upload(&project, &id)).await?;
    let tmp = ImageData::temp_key(&id);
    let mut pending = Pending { data: state.data.clone(), store: state.store.clone(), id, tmp, writer: None };
    match receive(&mut pending, body, max).await {
        Ok(digest) => pending.finish(digest).await,
        Err(e) => {
            pending.abort().await;
            Err(e)
        }
    }
}

fn too_large(max: u64) -> AppError {
    AppError::api(ErrorCode::PayloadTooLarge, format!("image data is limited to {max} bytes"))
}

/// Streams the body into the temporary object, hashing as it goes.
async fn receive(pending: &mut Pending, body: Body, max: u64) -> Result<UploadDigest, AppError> {
    let upload = pending.data.objects.put_multipart(&pending.tmp).await?;
    let writer = pending.writer.insert(WriteMultipart::new_with_chunk_size(upload, CHUNK));
    let (mut md5, mut sha512, mut size) = (Md5::new(), Sha512::new(), 0u64);
    let mut stream = body.into_data_stream();
    while let Some(frame) = stream.next().await {
        let bytes = frame.map_err(|_| AppError::api(ErrorCode::BadRequest, "the upload stopped before its end"))?;
        size += bytes.len() as u64;
        if size > max {
            return Err(too_large(max));
        }
        md5.update(&bytes);
        sha512.update(&bytes);
        writer.wait_for_capacity(IN_FLIGHT).await?;
        writer.write(&bytes);
    }
    Ok(UploadDigest { size, md5_hex: hex(&md5.finalize()), sha512_hex: hex(&sha512.finalize()) })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// An upload under way. Dropped without [`Pending::finish`] or [`Pending::abort`] (the client
/// went away and the handler was cancelled), it cleans up in a task of its own.
struct Pending {
    data: ImageData,
    store: Store,
    id: String,
    tmp: Key,
    writer: Option<WriteMultipart>,
}

impl Pending {
    async fn finish(mut self, digest: UploadDigest) -> Result<StatusCode, AppError> {
        let Some(writer) = self.writer.take() else {
            return Err(AppError::api(ErrorCode::Internal, "upload without a writer"));
        };
        let stored = async {
            writer.finish().await?;
            self.data.objects.rename(&self.tmp, &ImageData::key(&self.id)).await?;
            let id = self.id.clone();
            self.store.change(Some(&id), |c| c.finish_upload(&id, &digest, clock::now())).await
        };
        match stored.await {
            Ok(()) => {
                self.id.clear();
                Ok(StatusCode::NO_CONTENT)
            }
            Err(e) => {
                self.abort().await;
                Err(e)
            }
        }
    }

    async fn abort(mut self) {
        cleanup(
            self.data.clone(),
            self.store.clone(),
            std::mem::take(&mut self.id),
            self.tmp.clone(),
            self.writer.take(),
        )
        .await;
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if self.id.is_empty() {
            return;
        }
        let job = cleanup(
            self.data.clone(),
            self.store.clone(),
            std::mem::take(&mut self.id),
            self.tmp.clone(),
            self.writer.take(),
        );
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(job);
        }
    }
}

/// Removes every byte of a failed upload, then puts its image back to `queued`.
async fn cleanup(data: ImageData, store: Store, id: String, tmp: Key, writer: Option<WriteMultipart>) {
    if id.is_empty() {
        return;
    }
    if let Some(writer) = writer {
        let _ = writer.abort().await;
    }
    let removed = async {
        data.remove(&tmp).await?;
        data.delete(&id).await?;
        store.change(Some(&id), |c| c.abort_upload(&id)).await
    };
    if let Err(e) = removed.await {
        tracing::warn!(image = %id, error = %e, "cleaning up a failed upload failed; the startup sweep will");
    }
}
