"""Schemathesis hooks for `cargo xtask test schemathesis`: the two JSON-patch media types of
PATCH /v2/images/{id} are JSON on the wire."""

import schemathesis

schemathesis.serializer.alias(
    [
        "application/openstack-images-v2.1-json-patch",
        "application/openstack-images-v2.0-json-patch",
    ],
    "application/json",
)
