//! The image-data life cycle: `queued → saving → active`, with `saving → queued` when an upload
//! fails. The server streams the bytes; these rules decide who may upload, when, and what the
//! image says afterwards, so every store and the demo backend agree.

use super::Catalog;
use crate::error::{ErrorCode, ImsError};
use crate::model::{Field, ImageStatus};
use crate::time::Timestamp;

/// What a finished upload measured on the fly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadDigest {
    /// Bytes stored.
    pub size: u64,
    /// MD5 of the data, lowercase hex (Glance's `checksum`).
    pub md5_hex: String,
    /// SHA-512 of the data, lowercase hex (`os_hash_value` with `os_hash_algo` `sha512`).
    pub sha512_hex: String,
}

/// The hash algorithm named in `os_hash_algo`, as Glance names it.
pub const OS_HASH_ALGO: &str = "sha512";

impl Catalog {
    /// `PUT /v2/images/{id}/file` starts: owner only, and only a `queued` image (anything else
    /// is 409 `UploadConflict`, since data is written once). Only the status changes, so an
    /// aborted upload can put the image back exactly as it was.
    pub fn begin_upload(&mut self, caller: &str, id: &str) -> Result<(), ImsError> {
        let mut image = self.owned(caller, id)?.clone();
        let status = image.status.get().cloned();
        if status != Some(ImageStatus::Queued) {
            let now = status.map_or_else(|| "without a status".to_owned(), |s| s.as_str().to_owned());
            return Err(ImsError::new(
                ErrorCode::UploadConflict,
                format!("image {id} is {now}; data can only be uploaded to a queued image"),
            ));
        }
        image.status = ImageStatus::Saving.into();
        self.images.insert(id.to_owned(), image);
        Ok(())
    }

    /// The upload completed: `saving → active` with the measured size and hashes.
    pub fn finish_upload(&mut self, id: &str, digest: &UploadDigest, now: Timestamp) -> Result<(), ImsError> {
        let mut image = self.saving(id)?;
        let size = i64::try_from(digest.size).unwrap_or(i64::MAX);
        let stamp = Field::Value(now.to_string());
        image.status = ImageStatus::Active.into();
        image.size = size.into();
        image.image_size = digest.size.to_string().into();
        image.checksum = digest.md5_hex.clone().into();
        // Kept as properties, as Glance lists them: not fields of `Image`, whose every field
        // costs the console's wasm in each of its (de)serialisers.
        image.properties.insert("os_hash_algo".to_owned(), OS_HASH_ALGO.into());
        image.properties.insert("os_hash_value".to_owned(), digest.sha512_hex.clone().into());
        image.updated_at = stamp.clone();
        image.active_at = stamp;
        self.images.insert(id.to_owned(), image);
        Ok(())
    }

    /// The upload failed, was cut off or was left behind by a crash: `saving → queued`, every
    /// other field as before (`begin_upload` changed nothing else). Anything but `saving` is
    /// left alone, so a late abort cannot undo a finished upload.
    pub fn abort_upload(&mut self, id: &str) -> Result<(), ImsError> {
        if let Ok(mut image) = self.saving(id) {
            image.status = ImageStatus::Queued.into();
            self.images.insert(id.to_owned(), image);
        }
        Ok(())
    }

    fn saving(&self, id: &str) -> Result<crate::Image, ImsError> {
        self.images
            .get(id)
            .filter(|i| i.status.get() == Some(&ImageStatus::Saving))
            .cloned()
            .ok_or_else(|| ImsError::new(ErrorCode::UploadConflict, format!("image {id} is not being uploaded")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Image;

    const OWNER: &str = "0123456789abcdef0123456789abcdef";
    const OTHER: &str = "fedcba9876543210fedcba9876543210";

    fn catalog() -> Catalog {
        let mut c = Catalog::default();
        let now = Timestamp::parse("2026-01-01T00:00:00Z").unwrap();
        c.create(OWNER, &Image::default(), "img", now).unwrap();
        c
    }

    fn digest() -> UploadDigest {
        UploadDigest { size: 3, md5_hex: "900150983cd24fb0d6963f7d28e17f72".into(), sha512_hex: "ddaf".into() }
    }

    #[test]
    fn upload_moves_queued_to_saving_to_active_with_the_digest() {
        let mut c = catalog();
        c.begin_upload(OWNER, "img").unwrap();
        assert_eq!(c.get(OWNER, "img").unwrap().status.get(), Some(&ImageStatus::Saving));
        let later = Timestamp::parse("2026-01-02T00:00:00Z").unwrap();
        c.finish_upload("img", &digest(), later).unwrap();
        let image = c.get(OWNER, "img").unwrap();
        assert_eq!(image.status.get(), Some(&ImageStatus::Active));
        assert_eq!(image.size.get(), Some(&3));
        assert_eq!(image.image_size.get().map(String::as_str), Some("3"));
        assert_eq!(image.checksum.get().map(String::as_str), Some("900150983cd24fb0d6963f7d28e17f72"));
        assert_eq!(image.attr_text("os_hash_algo").as_deref(), Some("sha512"));
        assert_eq!(image.attr_text("os_hash_value").as_deref(), Some("ddaf"));
        assert_eq!(image.updated_at.get().map(String::as_str), Some(later.to_string().as_str()));
    }

    #[test]
    fn only_a_queued_image_of_the_owner_takes_data() {
        let mut c = catalog();
        assert_eq!(c.begin_upload(OTHER, "img").unwrap_err().code, ErrorCode::NotFound);
        assert_eq!(c.begin_upload(OWNER, "nope").unwrap_err().code, ErrorCode::NotFound);
        c.begin_upload(OWNER, "img").unwrap();
        assert_eq!(c.begin_upload(OWNER, "img").unwrap_err().code, ErrorCode::UploadConflict);
        let now = Timestamp::parse("2026-01-02T00:00:00Z").unwrap();
        c.finish_upload("img", &digest(), now).unwrap();
        assert_eq!(c.begin_upload(OWNER, "img").unwrap_err().code, ErrorCode::UploadConflict);
        assert_eq!(c.finish_upload("img", &digest(), now).unwrap_err().code, ErrorCode::UploadConflict);
    }

    #[test]
    fn an_abort_restores_the_image_exactly_and_never_undoes_a_finished_upload() {
        let mut c = catalog();
        let before = c.clone();
        c.begin_upload(OWNER, "img").unwrap();
        c.abort_upload("img").unwrap();
        assert_eq!(c, before);
        c.begin_upload(OWNER, "img").unwrap();
        let now = Timestamp::parse("2026-01-02T00:00:00Z").unwrap();
        c.finish_upload("img", &digest(), now).unwrap();
        let done = c.clone();
        c.abort_upload("img").unwrap();
        assert_eq!(c, done);
    }
}
