"""Production logging: every record, ours and Django's, as one JSON object per line on stderr.

Kept apart from ``cms/settings/production.py`` so tests can build the same configuration without the production
environment. systemd's journal (or the container runtime) collects stderr; a log shipper reads the JSON as is.
"""

from pythonjsonlogger.core import RESERVED_ATTRS


def json_logging(level="INFO"):
    """A ``LOGGING`` dict: JSON lines on stderr at ``level``, and the request log (``cms.requests``) always on."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"hide_request_secrets": {"()": "cms.request_log.HideRequestSecrets"}},
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(levelname)s %(name)s %(message)s",
                "rename_fields": {"levelname": "level", "name": "logger"},
                "timestamp": "time",  # ISO 8601, UTC
                # Django attaches the whole request to its records: never serialise it (query string, headers).
                "reserved_attrs": [*RESERVED_ATTRS, "request"],
                "json_ensure_ascii": False,
            }
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",  # stderr
                "formatter": "json",
                "filters": ["hide_request_secrets"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {"cms.requests": {"level": "INFO"}},
    }
