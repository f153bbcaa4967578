//! Requests signed by the SDK: the three captured in `shared/spec/aksk-signing.md`, exactly as
//! received, and one made with its `Signer` for Unicode and an encoded `/` in path and query.

pub const LIST: &str = r#"GET /v2/cloudimages?__imagetype=private&limit=1&marker=152e5534-f378-4734-a747-209ba1efa43d&sort_dir=asc&sort_key=name&tag=hwsdk-run-affb5c2d HTTP/1.1
User-Agent: huaweicloud-usdk-python/3.0; os/Linux##1_SMP_PREEMPT_DYNAMIC_@0#x86_64 python/3.11.7 impl/CPython; app/d8bb86ef-90f4-4c2d-b749-0bcab91c0aa1
Accept-Encoding: gzip, deflate
Accept: */*
Connection: keep-alive
Content-Type: application/json
X-Project-Id: 0605767b5300d5762f82c01a8e7a1d8e
X-Sdk-Date: 20261123T084630Z
Host: 127.0.0.1:18777
Authorization: SDK-HMAC-SHA256 Access=AKA, SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date, Signature=44c11f0005ee25a7386a84db55e1f95b0e9b395a5d5224780e3deb678642ef9d

"#;

pub const CREATE: &str = r#"POST /v2/images HTTP/1.1
User-Agent: huaweicloud-usdk-python/3.0; os/Linux##1_SMP_PREEMPT_DYNAMIC_@0#x86_64 python/3.11.7 impl/CPython; app/d8bb86ef-90f4-4c2d-b749-0bcab91c0aa1
Accept-Encoding: gzip, deflate
Accept: */*
Connection: keep-alive
Content-Type: application/json;charset=utf-8
X-Project-Id: 0605767b5300d5762f82c01a8e7a1d8e
X-Sdk-Date: 20261123T084630Z
Host: 127.0.0.1:18777
Authorization: SDK-HMAC-SHA256 Access=AKA, SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date, Signature=5640d20593392e6df6c40311c0dfe0fccfa4237fd6801aaf08dfb43f04f87642
Content-Length: 266

{"name": "hwsdk-affb5c2d-a", "tags": ["hwsdk-run-affb5c2d", "hwsdk-only-a-affb5c2d"], "min_disk": 40, "min_ram": 1024, "__os_version": "Ubuntu 22.04 server 64bit", "container_format": "bare", "disk_format": "qcow2", "visibility": "private", "hw_scenario_prop": "v1"}
"#;

pub const PATCH: &str = r#"PATCH /v2/images/152e5534-f378-4734-a747-209ba1efa43d HTTP/1.1
User-Agent: huaweicloud-usdk-python/3.0; os/Linux##1_SMP_PREEMPT_DYNAMIC_@0#x86_64 python/3.11.7 impl/CPython; app/d8bb86ef-90f4-4c2d-b749-0bcab91c0aa1
Accept-Encoding: gzip, deflate
Accept: */*
Connection: keep-alive
Content-Type: application/openstack-images-v2.1-json-patch
X-Project-Id: 0605767b5300d5762f82c01a8e7a1d8e
X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD
X-Sdk-Date: 20261123T084631Z
Host: 127.0.0.1:18777
Authorization: SDK-HMAC-SHA256 Access=AKA, SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-content-sha256;x-sdk-date, Signature=44fdfe3a50850600536b91d93dd64574778959f34f83ba14c61bd59291bbb58c
Content-Length: 133

[{"op": "replace", "path": "/name", "value": "hwsdk-affb5c2d-a-renamed"}, {"op": "add", "path": "/hw_scenario_prop2", "value": "v2"}]
"#;

/// Signed by the SDK's own `Signer` (huaweicloudsdkcore 3.1.219) for path segment `镜像 a/b`
/// and query `name=镜像 ü`, `tag=a+b`, `__os_version=Ubuntu 22.04`, user agent `ua-test`.
pub const UNICODE: &str = "GET /v2/images/%E9%95%9C%E5%83%8F%20a%2Fb?__os_version=Ubuntu%2022.04&name=%E9%95%9C%E5%83%8F%20%C3%BC&tag=a%2Bb HTTP/1.1
User-Agent: ua-test
Content-Type: application/json
X-Project-Id: 0605767b5300d5762f82c01a8e7a1d8e
X-Sdk-Date: 20261123T084630Z
Host: 127.0.0.1:18777
Authorization: SDK-HMAC-SHA256 Access=AKA, SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date, Signature=38eaecd8cb73367a9acad89f59bc9de18e341774a38d14e059ec0c4b226828f5

";
