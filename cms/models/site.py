"""Site-wide settings and the footer, managed by editors."""

import copy

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Site, TranslatableMixin

from cms.content_version import per_version


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact details, social links and logo, the same in every language."""

    organisation = models.CharField(
        _("structure porteuse"),
        max_length=160,
        default="Cap Rural",
        help_text=_("Le nom de la structure qui anime le réseau, affiché dans le pied de page et les mentions."),
    )
    email = models.EmailField(
        _("courriel de contact"),
        blank=True,
        help_text=_("L'adresse à laquelle le public peut écrire au réseau, affichée dans le pied de page."),
    )
    phone = models.CharField(
        _("téléphone"),
        max_length=30,
        blank=True,
        help_text=_("Le numéro affiché dans le pied de page, au format 04 75 00 00 00."),
    )
    address = models.TextField(
        _("adresse postale"), blank=True, help_text=_("L'adresse postale du réseau, sur plusieurs lignes.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Remplace le logo par défaut dans l'en-tête ; un SVG ou un PNG sur fond transparent."),
    )
    linkedin_url = models.URLField(
        _("LinkedIn"), blank=True, help_text=_("L'adresse complète de la page LinkedIn du réseau ; vide : pas de lien.")
    )
    facebook_url = models.URLField(
        _("Facebook"), blank=True, help_text=_("L'adresse complète de la page Facebook du réseau ; vide : pas de lien.")
    )
    youtube_url = models.URLField(
        _("YouTube"), blank=True, help_text=_("L'adresse complète de la chaîne YouTube du réseau ; vide : pas de lien.")
    )
    mastodon_url = models.URLField(
        _("Mastodon"), blank=True, help_text=_("L'adresse complète du compte Mastodon du réseau ; vide : pas de lien.")
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("politique de confidentialité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "La page « Données personnelles » (en français) ; les formulaires d'inscription y renvoient, "
            "dans la langue du visiteur quand elle est traduite."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation"), FieldPanel("email"), FieldPanel("phone"), FieldPanel("address")], _("Contact")
        ),
        FieldPanel("logo"),
        FieldPanel("privacy_page"),
        MultiFieldPanel(
            [
                FieldPanel("linkedin_url"),
                FieldPanel("facebook_url"),
                FieldPanel("youtube_url"),
                FieldPanel("mastodon_url"),
            ],
            _("Réseaux sociaux"),
        ),
    ]

    class Meta:
        verbose_name = _("paramètres du site")

    @classmethod
    def for_request(cls, request):
        """Wagtail's, with the settings read once per content version rather than once per request: every page
        shows them in its footer, and saving them replaces the version. The request gets its own copy."""
        attr_name = cls.get_cache_attr_name()
        site = Site.find_for_request(request)
        if hasattr(request, attr_name) or site is None:
            return super().for_request(request)
        shared = per_version(request, ("site-settings", site.pk), lambda: cls.for_site(site))
        settings = copy.copy(shared)
        settings._page_url_cache = {}
        settings._request = request
        setattr(request, attr_name, settings)
        return settings

    @property
    def social_links(self):
        links = [
            ("LinkedIn", self.linkedin_url),
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
            ("Mastodon", self.mastodon_url),
        ]
        return [(name, url) for name, url in links if url]


class Footer(TranslatableMixin, ClusterableModel):
    """The footer of one language: a short text and useful links (mentions, accessibility, contact)."""

    text = RichTextField(
        _("texte"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Un court texte de présentation du réseau, en bas de chaque page de cette langue."),
    )
    funding_notice = models.TextField(
        _("mention des financeurs"),
        blank=True,
        help_text=_("Par ex. « Ce projet est cofinancé par le FEADER. L'Europe investit dans les zones rurales. »"),
    )

    panels = [FieldPanel("text"), FieldPanel("funding_notice"), InlinePanel("links", label=_("Liens"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("pied de page")
        verbose_name_plural = _("pieds de page")

    def __str__(self):
        return str(_("Pied de page (%(locale)s)") % {"locale": self.locale.get_display_name()})

    @classmethod
    def for_locale(cls, locale):
        """The footers of ``locale`` (one at most is expected), with their links and the pages they point to."""
        return cls.objects.filter(locale=locale).prefetch_related("links__page").order_by("pk")


class FooterLink(TranslatableMixin, Orderable):
    footer = ParentalKey(Footer, on_delete=models.CASCADE, related_name="links")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Une page du site ; son adresse suit la page si elle est déplacée."),
    )
    url = models.URLField(
        _("ou adresse externe"),
        blank=True,
        help_text=_("À défaut de page du site, une adresse complète commençant par https://."),
    )
    label = models.CharField(
        _("libellé"),
        max_length=80,
        blank=True,
        help_text=_("Le texte du lien ; vide : le titre de la page ou l'adresse."),
    )

    panels = [FieldPanel("page"), FieldPanel("url"), FieldPanel("label")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("lien")

    @property
    def text(self):
        return self.label or (self.page.title if self.page else self.url)
