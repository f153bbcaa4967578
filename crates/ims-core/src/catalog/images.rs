//! Reading and changing single images.

use super::{is_owner, Catalog};
use crate::error::{ErrorCode, ImsError};
use crate::model::*;
use crate::os::{classify, DEFAULT_OS_VERSION};
use crate::patch::{apply, PatchOp};
use crate::time::Timestamp;
use crate::validate::{check_length, validate_create, MAX_IMAGE_DOCUMENT, MAX_TEXT};

impl Catalog {
    /// `GET /v2/images/{id}`.
    pub fn get(&self, caller: &str, id: &str) -> Result<Image, ImsError> {
        self.visible(caller, id).cloned()
    }

    /// `POST /v2/images`: validates the request and stores a new `queued` image owned by `caller`
    /// with the defaults of DESIGN "Create defaults" and the OS fields derived from
    /// `__os_version`. A request that sets no name gets a `null` name, as the service does.
    pub fn create(&mut self, caller: &str, request: &Image, id: &str, now: Timestamp) -> Result<Image, ImsError> {
        let problems = validate_create(request);
        if !problems.is_empty() {
            return Err(ImsError::invalid(problems));
        }
        if self.images.contains_key(id) {
            return Err(ImsError::new(ErrorCode::Internal, format!("image id {id} is taken")));
        }
        let os_version = request.os_version.get().cloned().unwrap_or_else(|| DEFAULT_OS_VERSION.to_owned());
        let os = classify(&os_version);
        let stamp = Field::Value(now.to_string());
        let image = Image {
            id: id.to_owned().into(),
            name: if request.name.is_set() { request.name.clone() } else { Field::Null },
            description: request.description.clone(),
            status: ImageStatus::Queued.into(),
            visibility: Visibility::Private.into(),
            image_type: ImageType::Private.into(),
            owner: caller.to_owned().into(),
            tags: request.tags.value_or(Vec::new()).into(),
            protected: request.protected.value_or(false).into(),
            container_format: request.container_format.value_or(ContainerFormat::Bare).into(),
            disk_format: request.disk_format.value_or(DiskFormat::Vhd).into(),
            min_ram: request.min_ram.value_or(0).into(),
            min_disk: request.min_disk.value_or(0).into(),
            os_version: os_version.into(),
            os_type: os.os_type.into(),
            platform: os.platform.into(),
            os_bit: os.bit.to_owned().into(),
            is_registered: "true".to_owned().into(),
            image_source_type: "uds".to_owned().into(),
            image_size: "0".to_owned().into(),
            virtual_env_type: VirtualEnvType::FusionCompute.into(),
            created_at: stamp.clone(),
            updated_at: stamp,
            self_link: format!("/v2/images/{id}").into(),
            file: format!("/v2/images/{id}/file").into(),
            schema: "/v2/schemas/image".to_owned().into(),
            properties: request.properties.clone(),
            ..Image::default()
        };
        check_document_size(&image)?;
        self.images.insert(id.to_owned(), image.clone());
        Ok(image)
    }

    /// `PATCH /v2/images/{id}`: owner only; `updated_at` moves when anything changed.
    pub fn patch(&mut self, caller: &str, id: &str, ops: &[PatchOp], now: Timestamp) -> Result<Image, ImsError> {
        let image = self.owned(caller, id)?;
        let mut patched = apply(image, ops)?;
        if &patched != image {
            patched.updated_at = Field::Value(now.to_string());
        }
        check_document_size(&patched)?;
        self.images.insert(id.to_owned(), patched.clone());
        Ok(patched)
    }

    /// `DELETE /v2/images/{id}`: owner only, never a protected image; memberships go with it.
    pub fn delete(&mut self, caller: &str, id: &str) -> Result<(), ImsError> {
        if self.owned(caller, id)?.protected.get() == Some(&true) {
            return Err(ImsError::new(
                ErrorCode::ImageProtected,
                format!("image {id} is protected and cannot be deleted"),
            ));
        }
        self.images.remove(id);
        self.members.remove(id);
        Ok(())
    }

    /// `PUT /v2/images/{id}/tags/{tag}`: adds the tag unless present.
    pub fn add_tag(&mut self, caller: &str, id: &str, tag: &str, now: Timestamp) -> Result<(), ImsError> {
        if let Some(p) = check_length("tags", tag, 1, MAX_TEXT) {
            return Err(ImsError::invalid(vec![p]));
        }
        let mut image = self.owned(caller, id)?.clone();
        let mut tags = image.tags.get().cloned().unwrap_or_default();
        if !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
            image.tags = tags.into();
            image.updated_at = Field::Value(now.to_string());
            check_document_size(&image)?;
            self.images.insert(id.to_owned(), image);
        }
        Ok(())
    }

    /// `DELETE /v2/images/{id}/tags/{tag}`: 404 when the image has no such tag.
    pub fn remove_tag(&mut self, caller: &str, id: &str, tag: &str, now: Timestamp) -> Result<(), ImsError> {
        let mut image = self.owned(caller, id)?.clone();
        let mut tags = image.tags.get().cloned().unwrap_or_default();
        let before = tags.len();
        tags.retain(|t| t != tag);
        if tags.len() == before {
            return Err(ImsError::not_found(format_args!("tag {tag:?} of image {id}")));
        }
        image.tags = tags.into();
        image.updated_at = Field::Value(now.to_string());
        self.images.insert(id.to_owned(), image);
        Ok(())
    }

    /// The image if `caller` owns it: 404 if it cannot see it, 403 if it can but is not the owner.
    pub(super) fn owned(&self, caller: &str, id: &str) -> Result<&Image, ImsError> {
        let image = self.visible(caller, id)?;
        if !is_owner(caller, image) {
            return Err(ImsError::new(ErrorCode::Forbidden, format!("only the owner of image {id} can change it")));
        }
        Ok(image)
    }
}

/// Refuses an image whose JSON document would exceed [`MAX_IMAGE_DOCUMENT`].
fn check_document_size(image: &Image) -> Result<(), ImsError> {
    let size = serde_json::to_vec(image).map_or(usize::MAX, |doc| doc.len());
    if size > MAX_IMAGE_DOCUMENT {
        return Err(ImsError::new(
            ErrorCode::ImageTooLarge,
            format!("the image document would be {size} bytes; at most {MAX_IMAGE_DOCUMENT} are stored"),
        ));
    }
    Ok(())
}
