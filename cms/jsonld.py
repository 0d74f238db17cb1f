"""What every schema.org JSON-LD block of the site shares: numbers, absolute URLs, safe script text."""

import json
from decimal import Decimal

from django.utils.safestring import mark_safe

# The same escapes as django.utils.html.json_script: <, > and & can never end the script element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def number(value):
    """A Decimal as the int or float JSON expects (12.00 → 12); other values unchanged."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def absolute(request, url):
    if not url or url.startswith(("http://", "https://")) or request is None:
        return url
    return request.build_absolute_uri(url)


def script_json(data):
    """``data`` as JSON text that is safe inside a ``<script>`` element (``</script>`` cannot appear)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)


def jsonld_script(data):
    """``data`` in a ``<script type="application/ld+json">`` element, escaped to be safe inside HTML."""
    return mark_safe(f'<script type="application/ld+json">{script_json(data)}</script>')  # noqa: S308 - escaped
