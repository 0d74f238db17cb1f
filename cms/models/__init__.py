from cms.models.mixins import BasePage, IndexPage
from cms.models.pages import (
    DEPARTMENTS,
    FormField,
    FormPage,
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
    StandardPage,
    TerritoryContact,
    TerritoryIndexPage,
    TerritoryPage,
    paginate,
)
from cms.models.site import Footer, FooterLink, SiteSettings
from cms.models.snippets import Audience, Theme

__all__ = [
    "DEPARTMENTS",
    "Audience",
    "BasePage",
    "IndexPage",
    "Footer",
    "FooterLink",
    "FormField",
    "FormPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "SiteSettings",
    "StandardPage",
    "TerritoryContact",
    "TerritoryIndexPage",
    "TerritoryPage",
    "Theme",
    "paginate",
]
