"""The kinds of results the site search tells apart (its ``kind`` facet), with language-independent values."""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    value: str
    label: str
    model: str | None  # "app.Model"; None for every other page type


KINDS = [
    Kind("offer", _("Offres"), "offers.OfferPage"),
    Kind("event", _("Événements"), "agenda.EventPage"),
    Kind("territory", _("Territoires"), "cms.TerritoryPage"),
    Kind("news", _("Actualités"), "cms.NewsPage"),
    Kind("resource", _("Ressources adhérents"), "members.TrainingResourcePage"),
    Kind("page", _("Pages"), None),
]
KIND_VALUES = [kind.value for kind in KINDS]
OTHER = "page"


def kind_of_content_types():
    """``{content type id: kind value}`` for the typed kinds (the content types are cached by Django)."""
    return {
        ContentType.objects.get_for_model(apps.get_model(kind.model)).pk: kind.value for kind in KINDS if kind.model
    }
