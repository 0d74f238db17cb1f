"""The network's calendar day: membership dates are days in Paris, whatever the server's clock zone."""

from zoneinfo import ZoneInfo

from django.utils import timezone

PARIS = ZoneInfo("Europe/Paris")


def today():
    """Today in Paris, computed at each call (never at import time)."""
    return timezone.localdate(timezone.now(), PARIS)
