//! Every API call as one value — method, path with its query, content type and body — built by
//! one constructor per endpoint. The console sends this value and its request previews show the
//! same value, so what a preview shows is what is sent, percent-encoding included.

use crate::backend::Flavour;
use crate::model::MemberStatus;
use crate::patch::{self, MediaType, PatchOp};
use crate::query::encoding::encode;
use crate::sharing::{AddMember, SetMemberStatus};
use crate::view::RequestPreview;
use crate::{Image, ListQuery};

/// The HTTP methods the API uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// One request, relative to the endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiRequest {
    pub method: Method,
    /// The path and, for a list, `?` and its canonical query string.
    pub path: String,
    pub content_type: Option<&'static str>,
    pub body: Option<String>,
}

const JSON: &str = "application/json";

fn image_path(id: &str) -> String {
    format!("/v2/images/{}", encode(id))
}

fn members_path(id: &str) -> String {
    format!("{}/members", image_path(id))
}

fn json<T: serde::Serialize>(method: Method, path: String, value: &T) -> ApiRequest {
    // Serialising the API's own types to a string cannot fail (string keys, no custom errors).
    let body = serde_json::to_string(value).unwrap_or_default();
    ApiRequest { method, path, content_type: Some(JSON), body: Some(body) }
}

impl ApiRequest {
    fn bare(method: Method, path: String) -> Self {
        ApiRequest { method, path, content_type: None, body: None }
    }

    /// One page of the image list, at the flavour's list endpoint.
    pub fn list(flavour: Flavour, query: &ListQuery) -> Self {
        let qs = query.to_query_string();
        let sep = if qs.is_empty() { "" } else { "?" };
        Self::bare(Method::Get, format!("{}{sep}{qs}", flavour.list_path()))
    }

    /// `GET /v2/whoami`: ims-server's answer to "which project is this token?" (see
    /// [`crate::role`]); IMS and Glance answer 404.
    pub fn whoami() -> Self {
        Self::bare(Method::Get, "/v2/whoami".into())
    }

    pub fn get_image(id: &str) -> Self {
        Self::bare(Method::Get, image_path(id))
    }

    /// `POST /v2/images` with the image's metadata.
    pub fn create_image(image: &Image) -> Self {
        json(Method::Post, "/v2/images".into(), image)
    }

    /// A JSON patch in the chosen media type.
    pub fn update_image(id: &str, ops: &[PatchOp], media: MediaType) -> Self {
        let body = patch::to_body(ops, media).to_string();
        ApiRequest {
            method: Method::Patch,
            path: image_path(id),
            content_type: Some(media.content_type()),
            body: Some(body),
        }
    }

    pub fn delete_image(id: &str) -> Self {
        Self::bare(Method::Delete, image_path(id))
    }

    pub fn list_members(id: &str) -> Self {
        Self::bare(Method::Get, members_path(id))
    }

    pub fn add_member(id: &str, member: &str) -> Self {
        json(Method::Post, members_path(id), &AddMember { member: member.to_owned() })
    }

    pub fn set_member_status(id: &str, member: &str, status: MemberStatus) -> Self {
        json(Method::Put, format!("{}/{}", members_path(id), encode(member)), &SetMemberStatus { status })
    }

    pub fn remove_member(id: &str, member: &str) -> Self {
        Self::bare(Method::Delete, format!("{}/{}", members_path(id), encode(member)))
    }

    /// What a preview shows of this request sent to `endpoint`, the JSON body indented.
    pub fn preview(&self, endpoint: &str) -> RequestPreview {
        let body = self.body.as_deref().map(crate::view::indent);
        RequestPreview::new(self.method.as_str(), endpoint, &self.path, self.content_type, body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn each_endpoint_encodes_ids_in_its_path() {
        assert_eq!(ApiRequest::get_image("a b/c").path, "/v2/images/a%20b%2Fc");
        let r = ApiRequest::set_member_status("i", "p q", MemberStatus::Accepted);
        assert_eq!((r.method, r.path.as_str()), (Method::Put, "/v2/images/i/members/p%20q"));
        assert_eq!(r.body.as_deref(), Some(r#"{"status":"accepted"}"#));
        assert_eq!(ApiRequest::remove_member("i", "p").path, "/v2/images/i/members/p");
    }

    #[test]
    fn a_list_goes_to_the_flavours_endpoint() {
        let q = ListQuery { limit: Some(5), ..ListQuery::default() };
        assert_eq!(ApiRequest::list(Flavour::Ims, &q).path, "/v2/cloudimages?limit=5");
        assert_eq!(ApiRequest::list(Flavour::Glance, &ListQuery::default()).path, "/v2/images");
    }

    #[test]
    fn a_preview_shows_the_request_that_is_sent() {
        let ops = [PatchOp::Replace { attr: "name".into(), value: json!("n") }];
        let r = ApiRequest::update_image("x/y", &ops, MediaType::V2_0);
        let p = r.preview("http://h/");
        assert_eq!(p.url, "http://h/v2/images/x%2Fy");
        assert_eq!(p.method, "PATCH");
        let sent: serde_json::Value = serde_json::from_str(r.body.as_deref().unwrap()).unwrap();
        let shown: serde_json::Value = serde_json::from_str(p.body.as_deref().unwrap()).unwrap();
        assert_eq!(sent, shown);
        assert!(p.headers.contains(&("Content-Type".into(), MediaType::V2_0.content_type().into())));
    }
}
