"""Taxonomies (Theme, Audience) in both languages, the site settings and one footer per language."""

from cms.demo.legal import PRIVACY_PAGE_SLUG
from cms.demo.texts import T
from cms.models import Audience, Footer, FooterLink, SiteSettings, Theme

THEMES = [
    (
        "alimentation",
        ("Alimentation", "Food"),
        ("Circuits courts, agriculture, restauration.", "Short supply chains, farming, catering."),
    ),
    (
        "tourisme",
        ("Tourisme", "Tourism"),
        ("Hébergement, activités de pleine nature, patrimoine.", "Accommodation, outdoor activities, heritage."),
    ),
    (
        "economie-circulaire",
        ("Économie circulaire", "Circular economy"),
        ("Réemploi, recyclage, économie de la fonctionnalité.", "Reuse, recycling, functional economy."),
    ),
    (
        "accueil-d-actifs",
        ("Accueil d'actifs", "Welcoming working newcomers"),
        ("Attirer et installer de nouveaux actifs.", "Attracting and settling new working residents."),
    ),
    (
        "cooperation-ville-campagne",
        ("Coopération ville-campagne", "Town-country cooperation"),
        ("Liens entre métropoles et territoires ruraux.", "Links between cities and rural territories."),
    ),
    (
        "entrepreneuriat-collectif",
        ("Entrepreneuriat collectif", "Collective entrepreneurship"),
        (
            "Coopératives, projets collectifs, coopérations entre structures.",
            "Cooperatives, collective projects, cooperation between organisations.",
        ),
    ),
    (
        "reprise-d-entreprise",
        ("Reprise d'entreprise", "Business takeover"),
        ("Commerces, artisanat et exploitations à reprendre.", "Shops, crafts and farms to take over."),
    ),
]

AUDIENCES = [
    (
        "porteurs-de-projets",
        ("Porteurs de projets", "Project holders"),
        ("Personnes qui veulent créer, reprendre ou s'installer.", "People who want to start, take over or settle."),
    ),
    (
        "elus",
        ("Élus", "Elected officials"),
        ("Élus des communes et intercommunalités.", "Elected officials of communes and inter-communal bodies."),
    ),
    (
        "agents-de-developpement",
        ("Agents de développement", "Development officers"),
        ("Chargés de mission des territoires.", "Officers working for the territories."),
    ),
    (
        "structures-d-accompagnement-urbaines",
        ("Structures d'accompagnement urbaines", "Urban support organisations"),
        ("Conseillers à la création et à l'emploi en ville.", "Business and employment advisers in the cities."),
    ),
    (
        "partenaires-financeurs",
        ("Partenaires financeurs", "Funding partners"),
        ("Région, Europe, fondations.", "Region, Europe, foundations."),
    ),
]


def _taxonomy(model, rows, fr, en):
    for slug, (name_fr, name_en), (desc_fr, desc_en) in rows:
        source = model.objects.filter(slug=slug, locale=fr).first() or model(slug=slug, locale=fr)
        source.name, source.description = T(name_fr, name_en), T(desc_fr, desc_en)
        source.save()
        translated = source.get_translation_or_none(en) or source.copy_for_translation(en)
        translated.slug, translated.name, translated.description = slug, name_en, desc_en
        translated.save()


def ensure_taxonomies(fr, en):
    _taxonomy(Theme, THEMES, fr, en)
    _taxonomy(Audience, AUDIENCES, fr, en)


def ensure_site_settings(site, pages):
    settings = SiteSettings.for_site(site)
    settings.privacy_page = pages[PRIVACY_PAGE_SLUG]
    settings.organisation = "Cap Rural"
    settings.email = "construction.activite@caprural.org"
    settings.phone = "04 75 61 01 26"
    settings.save()


FOOTER_TEXT = (
    "<p>Le réseau régional Coopérations et mobilités ville–campagne est animé par Cap Rural avec des territoires "
    "ruraux d'Auvergne-Rhône-Alpes.</p>",
    "<p>The regional City–countryside cooperation and mobility network is run by Cap Rural with rural territories "
    "of Auvergne-Rhône-Alpes.</p>",
)
FUNDING_NOTICE = (
    "Ce projet est cofinancé par le Fonds Européen Agricole pour le Développement Rural. "
    "L'Europe investit dans les zones rurales.",
    "This project is co-financed by the European Agricultural Fund for Rural Development. "
    "Europe investing in rural areas.",
)
# (French page path, French label, English label); an empty label shows the page title.
FOOTER_LINKS = [
    ("contact", "", ""),
    ("declaration-accessibilite", "Accessibilité : non conforme", "Accessibility: not compliant"),
    ("mentions-legales", "", ""),
    (PRIVACY_PAGE_SLUG, "", ""),
]


def _footer_links(footer, pages, locale, labels, french_links):
    existing = list(footer.links.all())
    links = []
    for index, (path, label) in enumerate(zip([p for p, _, _ in FOOTER_LINKS], labels, strict=True)):
        link = existing[index] if index < len(existing) else FooterLink()
        page = pages[path]
        link.page = page if page.locale_id == locale.pk else page.get_translation(locale)
        link.label, link.url, link.locale, link.sort_order = label, "", locale, index
        if french_links is not None:  # keep the English link a translation of the French one
            link.translation_key = french_links[index].translation_key
        links.append(link)
    footer.links = links


def ensure_footers(pages, fr, en):
    """One footer per language; the English footer is a translation of the French one and links English pages."""
    french = Footer.objects.filter(locale=fr).first() or Footer(locale=fr)
    french.text, french.funding_notice = FOOTER_TEXT[0], FUNDING_NOTICE[0]
    _footer_links(french, pages, fr, [fr_label for _, fr_label, _ in FOOTER_LINKS], None)
    french.save()
    english = french.get_translation_or_none(en) or Footer.objects.filter(locale=en).first()
    if english is None:
        english = french.copy_for_translation(en)
        english.links = []
    english.translation_key = french.translation_key
    english.text, english.funding_notice = FOOTER_TEXT[1], FUNDING_NOTICE[1]
    _footer_links(english, pages, en, [en_label for _, _, en_label in FOOTER_LINKS], list(french.links.all()))
    english.save()
