"""The registration form of an event date ("on this site" events)."""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Site

from agenda.models.registrations import Registration
from members.forms import LinkedErrorsMixin

COMMENT_MAX_LENGTH = Registration._meta.get_field("comment").max_length
NEEDS_MAX_LENGTH = Registration._meta.get_field("needs").max_length


def privacy_page(site=None):
    """The privacy notice chosen in the site settings, in the active language when translated; else ``None``."""
    from cms.models import SiteSettings

    site = site or Site.objects.filter(is_default_site=True).first()
    page = SiteSettings.for_site(site).privacy_page if site else None
    if page is None or not page.live:
        return None
    translated = page.get_translation_or_none(Locale.get_active())
    return translated if translated is not None and translated.live else page


class RegistrationForm(LinkedErrorsMixin, forms.Form):
    """Who registers. A filled ``website`` (the honeypot, hidden from people) means a robot: refused quietly."""

    first_name = forms.CharField(
        label=_("Prénom"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Nom"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )
    email = forms.EmailField(
        label=_("Adresse électronique"),
        help_text=_("Format attendu : nom@exemple.fr. La confirmation y est envoyée."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Téléphone (facultatif)"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    organisation = forms.CharField(
        label=_("Structure"),
        max_length=200,
        help_text=_("Votre territoire, collectivité, association ou entreprise."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    role = forms.CharField(
        label=_("Fonction"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "organization-title"})
    )
    territory = forms.CharField(
        label=_("Territoire"),
        max_length=150,
        help_text=_("Le territoire où vous travaillez ou portez votre projet."),
    )
    needs = forms.CharField(
        label=_("Besoins particuliers (facultatif)"),
        max_length=NEEDS_MAX_LENGTH,
        required=False,
        help_text=_("Régime alimentaire, accessibilité, interprétation…"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    comment = forms.CharField(
        label=_("Commentaire (facultatif)"),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        error_messages={
            "max_length": _(
                "Votre commentaire est trop long : %(limit_value)s caractères au plus (il en compte %(show_value)s)."
            )
        },
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(
        label=_("J'accepte que ces informations soient utilisées pour organiser cet événement."),
        error_messages={"required": _("Cochez la case pour accepter l'utilisation de vos données.")},
    )
    # The honeypot: hidden from people by CSS and from assistive technologies, left empty by them.
    website = forms.CharField(
        label=_("Ne remplissez pas ce champ"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    honeypot_field = "website"
    # Shown as fieldsets with these legends, in this order, then the consent.
    groups = [
        (_("Vous"), ["first_name", "last_name", "email", "phone"]),
        (_("Votre structure"), ["organisation", "role", "territory"]),
        (_("Votre venue"), ["needs", "comment"]),
    ]

    def __init__(self, *args, site=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].error_messages["invalid"] = _(
            "Saisissez une adresse électronique valide, par exemple nom@exemple.fr."
        )
        self.fields["consent"].label = consent_label(privacy_page(site))
        # Here, not in the class: the language is the request's.
        self.fields["comment"].help_text = _("%(count)s caractères au plus.") % {"count": COMMENT_MAX_LENGTH}

    @property
    def is_robot(self):
        return bool(self.data.get(self.honeypot_field))

    def clean(self):
        cleaned = super().clean()
        if self.is_robot:
            raise forms.ValidationError(
                _("Votre inscription n'a pas pu être enregistrée. Réessayez ou écrivez à l'organisateur."),
                code="refused",
            )
        return cleaned

    def error_summary(self):
        """``(field id, short name, message)`` for each field error, for the list at the top of the form."""
        short_names = {"consent": _("Consentement")}
        return [
            (self[name].id_for_label, short_names.get(name, self.fields[name].label), error)
            for name in self.fields
            for error in self.errors.get(name, [])
        ]

    def fieldsets(self):
        return [(legend, [self[name] for name in names]) for legend, names in self.groups]

    @property
    def honeypot(self):
        return self[self.honeypot_field]


def consent_label(page):
    text = _("J'accepte que ces informations soient utilisées pour organiser cet événement")
    if page is None:
        return format_html("{}.", text)
    return format_html('{} (<a href="{}">{}</a>).', text, page.get_url(), _("voir la politique de confidentialité"))
