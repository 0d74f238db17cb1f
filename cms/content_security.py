"""Content-Security-Policy: a strict policy for the public site, a relaxed one for the Wagtail admin.

The public site's templates and scripts carry no inline script, style attribute or event handler, so its policy
(``CONTENT_SECURITY_POLICY`` in cms/settings/base.py) allows only our own files. The Wagtail admin, page previews
included (Wagtail renders them under /admin/), still writes inline scripts and styles, so its paths get
``CONTENT_SECURITY_POLICY_ADMIN`` instead. django-csp 4 has no per-path policy of its own (only whole-site
settings, per-view decorators and prefixes left without any header), hence this small subclass.

The map tiles' server is read from ``OFFERS_MAP_TILE_URL`` on each response rather than copied into the
settings, so a settings module or a test that changes the tile server changes the policy with it.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware

from django.conf import settings

ADMIN_PATH_PREFIX = "/admin/"


def tile_origin(tile_url):
    """The origin (``https://tile.example.org``) of a ``{z}/{x}/{y}`` tile URL template, or None without one."""
    if not tile_url:
        return None
    parts = urlsplit(tile_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    # A template may put a placeholder in the host ({s}.tile.example.org): allow the subdomains then.
    host = parts.netloc.rsplit("@", 1)[-1]
    if "{" in host:
        host = "*." + host.split(".", 1)[1]
    return f"{parts.scheme}://{host}"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy under /admin/ and the tile server added to img-src."""

    def process_response(self, request, response):
        # A preview (or "view draft") runs the whole middleware chain again on a dummy request for the page's
        # public URL, inside the admin's real request: leave the header to the outer, admin, pass. Otherwise the
        # public policy's frame-ancestors 'none' would forbid the admin's preview panel to show it.
        if getattr(request, "is_dummy", False):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if request.path_info.startswith(ADMIN_PATH_PREFIX):
            if parts.config is None:  # a view's own @csp decorator still wins
                parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
            return parts
        origin = tile_origin(getattr(settings, "OFFERS_MAP_TILE_URL", ""))
        if origin:
            parts.update = {**(parts.update or {})}
            parts.update["img-src"] = [*parts.update.get("img-src", []), origin]
        return parts
