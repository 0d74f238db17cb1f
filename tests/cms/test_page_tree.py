"""Where each page type may be created: the tree of DESIGN.md."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from agenda.models import EventIndexPage, EventPage
from cms.models import FormPage, NewsIndexPage, NewsPage, StandardPage, TerritoryIndexPage, TerritoryPage
from home.models import HomePage
from members.models import MemberAreaPage
from offers.models import OfferIndexPage


class PageTreeTests(WagtailPageTestCase):
    def test_home_sits_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_children(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {StandardPage, NewsIndexPage, TerritoryIndexPage, OfferIndexPage, EventIndexPage, MemberAreaPage, FormPage},
        )

    def test_one_members_area_under_the_home_page(self):
        self.assertAllowedParentPageTypes(MemberAreaPage, {HomePage})
        self.assertCanNotCreateAt(StandardPage, MemberAreaPage)

    def test_events_under_a_territory_or_the_agenda(self):
        self.assertAllowedParentPageTypes(EventPage, {TerritoryPage, EventIndexPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertCanNotCreateAt(StandardPage, EventPage)

    def test_news_only_under_the_news_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertCanNotCreateAt(StandardPage, NewsPage)

    def test_territories_only_under_the_territory_index(self):
        self.assertAllowedParentPageTypes(TerritoryPage, {TerritoryIndexPage})
        self.assertCanNotCreateAt(HomePage, TerritoryPage)
        self.assertCanCreateAt(TerritoryIndexPage, TerritoryPage)

    def test_standard_pages_nest(self):
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanCreateAt(HomePage, FormPage)
        self.assertCanNotCreateAt(TerritoryPage, StandardPage)
