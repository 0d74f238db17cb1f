"""Shared taxonomies, translatable, each with a stable slug used in URLs and filters."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Taxonomy(TranslatableMixin, index.Indexed, models.Model):
    """A term with a name translated per locale and a slug shared by every translation.

    The slug is the value in URLs (``?theme=economie-circulaire``) so a filtered URL survives the
    language switch.
    """

    name = models.CharField(
        _("nom"), max_length=120, help_text=_("Le terme tel qu'il s'affiche dans les filtres et sur les pages.")
    )
    slug = models.SlugField(
        _("identifiant"),
        max_length=120,
        help_text=_("Identique dans toutes les langues ; sert dans les adresses des listes filtrées."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Facultatif : une phrase qui précise ce que le terme recouvre, pour les rédacteurs."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Theme(Taxonomy):
    """A theme of the démarche: alimentation, tourisme, économie circulaire, accueil d'actifs…"""

    class Meta(Taxonomy.Meta):
        verbose_name = _("thématique")
        verbose_name_plural = _("thématiques")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_theme_slug_locale")]


class Audience(Taxonomy):
    """Who a page is for: porteurs de projets, élus, agents de développement, accompagnateurs urbains…"""

    class Meta(Taxonomy.Meta):
        verbose_name = _("public")
        verbose_name_plural = _("publics")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_audience_slug_locale")]
