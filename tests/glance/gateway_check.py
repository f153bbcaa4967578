"""Through a pass-through ims-server gateway in front of a real Glance 33: list and edit, as
the console does with a Glance token (`PROJECT:USER`, read by the peer's token shim).

Usage: gateway_check.py GATEWAY_URL. Prints PASS/FAIL per step and "N passed, N failed"."""
import sys
import uuid

import requests

GW = sys.argv[1].rstrip("/")
PROJECT = uuid.uuid4().hex
TOKEN = {"X-Auth-Token": f"{PROJECT}:console-user"}
PATCH = "application/openstack-images-v2.1-json-patch"
results = {"passed": 0, "failed": 0}
state = {}


def step(name):
    def wrap(fn):
        try:
            fn()
            results["passed"] += 1
            print(f"PASS {name}", flush=True)
        except Exception as e:  # reported, and the check goes on
            results["failed"] += 1
            print(f"FAIL {name}: {type(e).__name__}: {e}", flush=True)
        return fn
    return wrap


def check(condition, message):
    if not condition:
        raise AssertionError(message)


@step("create through the gateway")
def create():
    r = requests.post(f"{GW}/v2/images", headers=TOKEN, json={
        "name": "via-gateway", "disk_format": "qcow2", "container_format": "bare", "tags": ["gw"]}, timeout=30)
    check(r.status_code == 201, f"{r.status_code} {r.text}")
    image = r.json()
    check(image["owner"] == PROJECT and "os_hash_algo" in image, f"a Glance image of the project: {image}")
    check(r.headers.get("X-Request-Id") and r.headers.get("X-OpenStack-Request-ID"), f"both ids: {r.headers}")
    state["id"] = image["id"]


@step("list (Glance-native, with next links)")
def list_images():
    r = requests.get(f"{GW}/v2/images", headers=TOKEN, params={"limit": 10}, timeout=30)
    check(r.status_code == 200, f"{r.status_code} {r.text}")
    body = r.json()
    check([i["id"] for i in body["images"]] == [state["id"]], f"the project's image only: {body}")
    check(body.get("first", "").startswith("/v2/images"), "relative first link")


@step("edit with a v2.1 JSON patch")
def edit():
    ops = [{"op": "replace", "path": "/name", "value": "renamed-via-gateway"},
           {"op": "add", "path": "/gateway_prop", "value": "v1"}]
    r = requests.patch(f"{GW}/v2/images/{state['id']}", headers={**TOKEN, "Content-Type": PATCH}, json=ops,
                       timeout=30)
    check(r.status_code == 200, f"{r.status_code} {r.text}")
    shown = requests.get(f"{GW}/v2/images/{state['id']}", headers=TOKEN, timeout=30).json()
    check(shown["name"] == "renamed-via-gateway" and shown["gateway_prop"] == "v1", f"edited: {shown}")


@step("a Glance refusal comes back as JSON")
def refusal():
    r = requests.patch(f"{GW}/v2/images/{state['id']}", headers={**TOKEN, "Content-Type": PATCH},
                       json=[{"op": "replace", "path": "/os_hash_value", "value": "x"}], timeout=30)
    check(r.status_code == 403, f"{r.status_code} {r.text}")
    check(r.headers["Content-Type"].startswith("application/json"), f"JSON, not HTML: {r.headers}")


@step("another project cannot see it")
def isolation():
    other = {"X-Auth-Token": f"{uuid.uuid4().hex}:someone-else"}
    r = requests.get(f"{GW}/v2/images/{state['id']}", headers=other, timeout=30)
    check(r.status_code == 404, f"{r.status_code}")


@step("delete")
def delete():
    r = requests.delete(f"{GW}/v2/images/{state['id']}", headers=TOKEN, timeout=30)
    check(r.status_code == 204, f"{r.status_code} {r.text}")


print(f"{results['passed']} passed, {results['failed']} failed")
sys.exit(0 if results["failed"] == 0 else 1)
