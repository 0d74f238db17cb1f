"""The catalogue's feeds and exports, as routes of the OfferIndexPage (they follow the current filters)."""

from wagtail.contrib.routable_page.models import RoutablePageMixin


class OfferFeedsMixin(RoutablePageMixin):
    """RSS, CSV and JSON routes of the catalogue."""
