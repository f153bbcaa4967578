//! The download: the stored bytes streamed back with `Content-Length` and `Content-MD5` (the
//! hex checksum, as Glance sends it), one `Range` of bytes when asked, 204 when there is no data.

use crate::auth::Caller;
use crate::error::AppError;
use crate::image_data::ImageData;
use crate::AppState;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use ims_core::model::ImageStatus;
use ims_core::ErrorCode;
use object_store::{GetOptions, GetRange, ObjectStore};

pub async fn download(
    State(state): State<AppState>,
    Caller(project): Caller,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let image = state.store.load(&id).await?.get(&project, &id)?;
    if image.status.get() != Some(&ImageStatus::Active) {
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    let key = ImageData::key(&id);
    let objects: &dyn ObjectStore = state.data.objects.as_ref();
    let size = match objects.head(&key).await {
        Ok(meta) => meta.size,
        Err(object_store::Error::NotFound { .. }) => return Ok(StatusCode::NO_CONTENT.into_response()),
        Err(e) => return Err(e.into()),
    };
    let wanted = headers.get(header::RANGE).and_then(|v| v.to_str().ok());
    let (status, range) = match wanted.map(|r| parse_range(r, size)) {
        None => (StatusCode::OK, 0..size),
        Some(Some(r)) => (StatusCode::PARTIAL_CONTENT, r),
        Some(None) => {
            let error = AppError::api(ErrorCode::RangeNotSatisfiable, format!("the data has {size} bytes"));
            return Ok(([(header::CONTENT_RANGE, format!("bytes */{size}"))], error).into_response());
        }
    };
    let len = range.end - range.start;
    let body = if len == 0 {
        Body::empty()
    } else {
        let options = GetOptions { range: Some(GetRange::Bounded(range.clone())), ..GetOptions::default() };
        Body::from_stream(
            objects.get_opts(&key, options).await?.into_stream().map(|chunk| chunk.map_err(axum::Error::new)),
        )
    };
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, header::HeaderValue::from_static("application/octet-stream"));
    h.insert(header::CONTENT_LENGTH, len.into());
    h.insert(header::ACCEPT_RANGES, header::HeaderValue::from_static("bytes"));
    if let Some(md5) = image.checksum.get().and_then(|c| header::HeaderValue::from_str(c).ok()) {
        h.insert(header::HeaderName::from_static("content-md5"), md5);
    }
    if status == StatusCode::PARTIAL_CONTENT {
        let end = range.end.saturating_sub(1);
        if let Ok(v) = header::HeaderValue::from_str(&format!("bytes {}-{end}/{size}", range.start)) {
            h.insert(header::CONTENT_RANGE, v);
        }
    }
    Ok(response)
}

/// One `bytes=` range (`a-b`, `a-` or `-n`) within `size` bytes, as a half-open range; `None`
/// when it cannot be satisfied or is not of that form (several ranges are not served).
fn parse_range(header: &str, size: u64) -> Option<std::ops::Range<u64>> {
    let spec = header.trim().strip_prefix("bytes=")?;
    let (first, last) = spec.split_once('-')?;
    let (first, last) = (first.trim(), last.trim());
    let range = if first.is_empty() {
        let n: u64 = last.parse().ok()?;
        size.saturating_sub(n)..size
    } else {
        let start: u64 = first.parse().ok()?;
        let end = if last.is_empty() { size } else { last.parse::<u64>().ok()?.saturating_add(1).min(size) };
        start..end
    };
    (range.start < range.end && range.start < size).then_some(range)
}

#[cfg(test)]
mod tests {
    use super::parse_range;

    #[test]
    fn ranges_parse_like_rfc_9110() {
        assert_eq!(parse_range("bytes=0-9", 100), Some(0..10));
        assert_eq!(parse_range("bytes=90-", 100), Some(90..100));
        assert_eq!(parse_range("bytes=-10", 100), Some(90..100));
        assert_eq!(parse_range("bytes=95-200", 100), Some(95..100));
        for bad in ["bytes=100-", "bytes=5-2", "items=0-1", "bytes=0-1,5-6", "bytes=-0"] {
            assert_eq!(parse_range(bad, 100), None, "{bad}");
        }
    }
}
