"""One image's life through Huawei Cloud's official Python SDK (huaweicloudsdkims), unmodified,
against an IMS endpoint: in AK/SK mode (the SDK's default signer) or in token mode (an IAM
token in X-Auth-Token instead of a signature).

Usage: huawei_sdk_scenario.py --endpoint URL --mode aksk|token --owner CRED --member CRED
where CRED is AK:SK:PROJECT (aksk) or TOKEN:PROJECT (token). Prints PASS/FAIL per step and a
closing line "N passed, N failed"; exits non-zero when any step failed.
"""
import argparse
import sys
import uuid

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkcore.http.http_config import HttpConfig
from huaweicloudsdkcore.signer.signer import Signer
from huaweicloudsdkims.v2 import ImsClient
from huaweicloudsdkims.v2 import model as m


class TokenCredentials(BasicCredentials):
    """An IAM token instead of a signature: what a caller holding a token (not an AK/SK) sends."""

    def __init__(self, token, project_id):
        # Non-empty placeholders: empty ones would make the SDK ask a cloud metadata service.
        super().__init__("token-mode", "token-mode", project_id)
        self._token = token

    def sign_request(self, request):
        request.header_params["X-Auth-Token"] = self._token
        request.header_params["X-Project-Id"] = self.project_id
        Signer.process_request_uri(request)
        return request


def client(endpoint, mode, cred):
    parts = cred.split(":")
    config = HttpConfig.get_default_config()
    config.timeout = (5, 30)
    if mode == "aksk":
        return ImsClient.new_builder().with_credentials(BasicCredentials(*parts)).with_endpoints([endpoint]) \
            .with_http_config(config).build()
    # The builder accepts only BasicCredentials by class name; the built client takes any.
    placeholder = BasicCredentials("token-mode", "token-mode", parts[1])
    built = ImsClient.new_builder().with_credentials(placeholder).with_endpoints([endpoint]) \
        .with_http_config(config).build()
    return built.with_credentials(TokenCredentials(*parts))


class Run:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def step(self, name, fn):
        try:
            result = fn()
            self.passed += 1
            print(f"PASS {name}", flush=True)
            return result
        except Exception as e:  # a failed step is reported and the scenario goes on
            self.failed += 1
            print(f"FAIL {name}: {type(e).__name__}: {e}", flush=True)
            return None


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def expect_error(fn, status, code=None):
    try:
        fn()
    except ClientRequestException as e:
        check(e.status_code == status, f"status {e.status_code}, wanted {status}")
        check(code is None or e.error_code == code, f"error_code {e.error_code!r}, wanted {code!r}")
        check(e.error_msg and e.request_id, f"no parsed message or request id: {e}")
        return e
    raise AssertionError(f"no error, wanted {status}")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--endpoint", required=True)
    p.add_argument("--mode", choices=["aksk", "token"], required=True)
    p.add_argument("--owner", required=True)
    p.add_argument("--member", required=True)
    a = p.parse_args()
    owner, member = client(a.endpoint, a.mode, a.owner), client(a.endpoint, a.mode, a.member)
    member_project = a.member.split(":")[-1]
    run_tag = f"sdk-run-{uuid.uuid4().hex[:8]}"
    r = Run()
    scenario(r, owner, member, member_project, run_tag, a)
    print(f"{r.passed} passed, {r.failed} failed")
    return 0 if r.failed == 0 else 1


def scenario(r, owner, member, member_project, run_tag, a):
    def create(name, disk_format, os_version):
        body = m.GlanceCreateImageMetadataRequestBody(
            name=name, tags=[run_tag, f"only-{name}"], min_disk=40, min_ram=1024, os_version=os_version,
            container_format="bare", disk_format=disk_format, visibility="private")
        image = owner.glance_create_image_metadata(m.GlanceCreateImageMetadataRequest(body=body))
        check(image.id and image.status == "queued" and image.name == name, f"created {image}")
        return image

    img_a = r.step("create image a (qcow2, Ubuntu)", lambda: create(f"{run_tag}-a", "qcow2", "Ubuntu 22.04 server 64bit"))
    img_b = r.step("create image b (vhd, CentOS)", lambda: create(f"{run_tag}-b", "vhd", "CentOS 7.9 64bit"))
    if not (img_a and img_b):
        return
    ids = lambda resp: sorted(i.id for i in resp.images)
    listed = lambda **kw: owner.list_images(m.ListImagesRequest(**kw))

    def list_by_tag():
        check(ids(listed(tag=run_tag)) == sorted([img_a.id, img_b.id]), "both images by tag")
    r.step("list by tag", list_by_tag)
    r.step("list by name", lambda: check(ids(listed(name=img_a.name)) == [img_a.id], "a by name"))
    r.step("list by disk_format and tag",
           lambda: check(ids(listed(tag=run_tag, disk_format="vhd")) == [img_b.id], "b by disk_format"))
    r.step("list by __platform", lambda: check(ids(listed(tag=run_tag, platform="Ubuntu")) == [img_a.id], "a"))

    def created_at_operators():
        at = img_a.created_at
        check(set(ids(listed(tag=run_tag, created_at=f"gte:{at}"))) == {img_a.id, img_b.id}, f"gte:{at}")
        check(ids(listed(tag=run_tag, created_at=f"lt:{at}")) == [], f"lt:{at}")
        check(ids(listed(tag=run_tag, created_at="gt:2000-01-01T00:00:00Z")) != [], "gt:2000")
    r.step("list by created_at operators", created_at_operators)

    def support_filter():
        images = listed(support_kvm="true", limit=50).images
        check(images and all(i.support_kvm == "true" for i in images), "every image has __support_kvm true")
        none = listed(tag=run_tag, support_kvm="true").images
        check(none == [], "new images have no __support_kvm")
    r.step("list by __support_kvm", support_filter)

    def paging():
        first = listed(tag=run_tag, limit=1, sort_key="name", sort_dir="asc").images
        check([i.id for i in first] == [img_a.id], "first page is a")
        second = listed(tag=run_tag, limit=1, sort_key="name", sort_dir="asc", marker=img_a.id).images
        check([i.id for i in second] == [img_b.id], "second page is b")
    r.step("list with limit, marker and sort", paging)

    def show():
        image = owner.glance_show_image(m.GlanceShowImageRequest(image_id=img_a.id))
        check(image.name == img_a.name and run_tag in image.tags and image.min_disk == 40, f"shown {image}")
    r.step("show", show)

    def update():
        ops = [m.GlanceUpdateImageRequestBody(op="replace", path="/name", value=f"{img_a.name}-renamed"),
               m.GlanceUpdateImageRequestBody(op="add", path="/sdk_prop", value="v1")]
        image = owner.glance_update_image(m.GlanceUpdateImageRequest(image_id=img_a.id, body=ops))
        check(image.name == f"{img_a.name}-renamed", f"renamed {image.name}")
    r.step("update (v2.1 JSON patch)", update)

    def tags():
        owner.glance_create_tag(m.GlanceCreateTagRequest(image_id=img_a.id, tag="sdk-added"))
        owner.glance_delete_tag(m.GlanceDeleteTagRequest(image_id=img_a.id, tag=f"only-{img_a.name}"))
        shown = owner.glance_show_image(m.GlanceShowImageRequest(image_id=img_a.id)).tags
        check("sdk-added" in shown and f"only-{img_a.name}" not in shown, f"tags {shown}")
    r.step("tags add and remove", tags)

    def share():
        body = m.GlanceAddImageMemberRequestBody(member=member_project)
        added = owner.glance_add_image_member(m.GlanceAddImageMemberRequest(image_id=img_a.id, body=body))
        check(added.member_id == member_project and added.status == "pending", f"added {added}")
    r.step("members add", share)

    def members_list():
        got = owner.glance_list_image_members(m.GlanceListImageMembersRequest(image_id=img_a.id)).members
        check([x.member_id for x in got] == [member_project], f"members {got}")
    r.step("members list", members_list)

    def member_show():
        got = owner.glance_show_image_member(m.GlanceShowImageMemberRequest(image_id=img_a.id, member_id=member_project))
        check(got.status == "pending", f"member {got}")
    r.step("members show", member_show)

    def accept():
        body = m.GlanceUpdateImageMemberRequestBody(status="accepted")
        got = member.glance_update_image_member(
            m.GlanceUpdateImageMemberRequest(image_id=img_a.id, member_id=member_project, body=body))
        check(got.status == "accepted", f"status {got.status}")
        seen = member.list_images(m.ListImagesRequest(tag="sdk-added")).images
        check(img_a.id in [i.id for i in seen], "the member lists the accepted image")
    r.step("members update status as the member", accept)

    def unshare():
        owner.glance_delete_image_member(m.GlanceDeleteImageMemberRequest(image_id=img_a.id, member_id=member_project))
        got = owner.glance_list_image_members(m.GlanceListImageMembersRequest(image_id=img_a.id)).members
        check(got == [], f"members {got}")
        expect_error(lambda: member.glance_show_image(m.GlanceShowImageRequest(image_id=img_a.id)), 404)
    r.step("members delete", unshare)

    def delete():
        for image in (img_a, img_b):
            owner.glance_delete_image(m.GlanceDeleteImageRequest(image_id=image.id))
    r.step("delete images", delete)
    r.step("404 on a deleted image, with a parsed error body", lambda: expect_error(
        lambda: owner.glance_show_image(m.GlanceShowImageRequest(image_id=img_a.id)), 404, "IMS.0004"))

    def refused():
        parts = a.owner.split(":")
        wrong = f"{parts[0]}:not-the-secret:{parts[2]}" if a.mode == "aksk" else f"not-a-token:{parts[1]}"
        stranger = client(a.endpoint, a.mode, wrong)
        code = "IMS.0063" if a.mode == "aksk" else "IMS.0002"
        expect_error(lambda: stranger.list_images(m.ListImagesRequest(limit=1)), 401, code)
    r.step("401 with a wrong secret or token", refused)


if __name__ == "__main__":
    sys.exit(main())
