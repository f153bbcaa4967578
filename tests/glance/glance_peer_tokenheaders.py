"""Test-only shim (NOT part of Glance) in front of Glance's ContextMiddleware.

1. If the request has no X-Identity-Status header and X-Auth-Token looks like
   "PROJECT:USER[:ROLE1,ROLE2]" (percent-encoding allowed), set
   X-Identity-Status=Confirmed, X-Project-Id, X-User-Id and X-Roles (default
   "reader,member").  Lets the glance CLI or a browser console pick a tenant.
2. python-glanceclient percent-encodes header values (X-Roles "reader,member"
   arrives as "reader%2Cmember", which Glance would read as ONE role), so
   %-escapes in X-Roles / X-Project-Id / X-Tenant-Id / X-User-Id are decoded.
Anything else passes through untouched: Glance's ContextMiddleware decides
(401 unless X-Identity-Status == Confirmed)."""
from urllib.parse import unquote

_DECODE = ('HTTP_X_ROLES', 'HTTP_X_PROJECT_ID', 'HTTP_X_TENANT_ID',
           'HTTP_X_USER_ID')


def filter_factory(global_conf, **local_conf):
    def _filter(app):
        def middleware(environ, start_response):
            if 'HTTP_X_IDENTITY_STATUS' not in environ:
                tok = unquote(environ.get('HTTP_X_AUTH_TOKEN', ''))
                parts = tok.split(':')
                if len(parts) >= 2 and parts[0] and parts[1]:
                    environ['HTTP_X_IDENTITY_STATUS'] = 'Confirmed'
                    environ['HTTP_X_PROJECT_ID'] = parts[0]
                    environ['HTTP_X_USER_ID'] = parts[1]
                    environ['HTTP_X_ROLES'] = (
                        parts[2] if len(parts) > 2 and parts[2]
                        else 'reader,member')
            for k in _DECODE:
                if '%' in environ.get(k, ''):
                    environ[k] = unquote(environ[k])
            return app(environ, start_response)
        return middleware
    return _filter
