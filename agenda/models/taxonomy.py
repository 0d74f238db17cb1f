from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.models.snippets import Taxonomy


class EventType(Taxonomy):
    """The kind of event: session d'information, formation, atelier, salon, webinaire, événement local…"""

    class Meta(Taxonomy.Meta):
        verbose_name = _("type d'événement")
        verbose_name_plural = _("types d'événement")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_eventtype_slug_locale")]
