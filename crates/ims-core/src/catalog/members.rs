//! Sharing: memberships of images.

use super::{is_owner, Catalog};
use crate::error::{ErrorCode, ImsError};
use crate::model::{Field, ImageType, MemberStatus, Visibility};
use crate::sharing::{check_status_change, share_refusals, Member, MEMBER_SCHEMA};
use crate::time::Timestamp;

impl Catalog {
    /// `POST /v2/images/{id}/members`: the first refusal of [`share_refusals`] fails the call.
    /// The first member turns the image `shared` (visibility and `__imagetype`).
    pub fn add_member(
        &mut self,
        caller: &str,
        image_id: &str,
        member_id: &str,
        now: Timestamp,
    ) -> Result<Member, ImsError> {
        let image = self.visible(caller, image_id)?;
        let current: Vec<String> = self.members.get(image_id).map(|m| m.keys().cloned().collect()).unwrap_or_default();
        if let Some(refusal) = share_refusals(image, caller, &current, &[member_id.to_owned()], self.member_cap).first()
        {
            return Err(refusal.to_error());
        }
        let stamp = now.to_string();
        let member = Member {
            created_at: stamp.clone(),
            updated_at: stamp.clone(),
            image_id: image_id.to_owned(),
            member_id: member_id.to_owned(),
            status: MemberStatus::Pending,
            schema: MEMBER_SCHEMA.to_owned(),
        };
        self.members.entry(image_id.to_owned()).or_default().insert(member_id.to_owned(), member.clone());
        if current.is_empty() {
            self.set_sharing(image_id, true, &stamp);
        }
        Ok(member)
    }

    /// `GET /v2/images/{id}/members`: the owner sees every member, a member only itself.
    pub fn list_members(&self, caller: &str, image_id: &str) -> Result<Vec<Member>, ImsError> {
        let image = self.visible(caller, image_id)?;
        let all = self.members.get(image_id);
        if is_owner(caller, image) {
            return Ok(all.map(|m| m.values().cloned().collect()).unwrap_or_default());
        }
        match self.membership(image_id, caller) {
            Some(own) => Ok(vec![own.clone()]),
            None => Err(ImsError::new(ErrorCode::Forbidden, "only the owner and members can list an image's members")),
        }
    }

    /// `GET /v2/images/{id}/members/{member_id}`: for the owner and that member.
    pub fn get_member(&self, caller: &str, image_id: &str, member_id: &str) -> Result<Member, ImsError> {
        let image = self.visible(caller, image_id)?;
        let member = self.membership(image_id, member_id).filter(|_| is_owner(caller, image) || caller == member_id);
        member.cloned().ok_or_else(|| ImsError::not_found(format_args!("member {member_id} of image {image_id}")))
    }

    /// `PUT /v2/images/{id}/members/{member_id}`: only the member moves its own status.
    pub fn set_member_status(
        &mut self,
        caller: &str,
        image_id: &str,
        member_id: &str,
        status: &MemberStatus,
        now: Timestamp,
    ) -> Result<Member, ImsError> {
        self.get_member(caller, image_id, member_id)?;
        check_status_change(caller, member_id, status)?;
        let member = self
            .members
            .get_mut(image_id)
            .and_then(|m| m.get_mut(member_id))
            .ok_or_else(|| ImsError::not_found(format_args!("member {member_id} of image {image_id}")))?;
        if &member.status != status {
            member.status = status.clone();
            member.updated_at = now.to_string();
        }
        Ok(member.clone())
    }

    /// `DELETE /v2/images/{id}/members/{member_id}`: the owner cancels a share at any time.
    /// Removing the last member turns the image private again.
    pub fn remove_member(
        &mut self,
        caller: &str,
        image_id: &str,
        member_id: &str,
        now: Timestamp,
    ) -> Result<(), ImsError> {
        self.owned(caller, image_id)?;
        let members = self.members.get_mut(image_id);
        let removed = members.and_then(|m| m.remove(member_id));
        if removed.is_none() {
            return Err(ImsError::not_found(format_args!("member {member_id} of image {image_id}")));
        }
        if self.members.get(image_id).is_some_and(|m| m.is_empty()) {
            self.members.remove(image_id);
            self.set_sharing(image_id, false, &now.to_string());
        }
        Ok(())
    }

    fn set_sharing(&mut self, image_id: &str, shared: bool, stamp: &str) {
        if let Some(image) = self.images.get_mut(image_id) {
            let (visibility, kind) = if shared {
                (Visibility::Shared, ImageType::Shared)
            } else {
                (Visibility::Private, ImageType::Private)
            };
            image.visibility = visibility.into();
            image.image_type = kind.into();
            image.updated_at = Field::Value(stamp.to_owned());
        }
    }
}
