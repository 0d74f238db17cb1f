"""A small bilingual catalogue for the catalogue tests: three territories, typed and classified offers,
and the offers no listing may show (draft, expired, private, other language)."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from wagtail.models import PageViewRestriction

from tests.conftest import translate
from tests.factories import (
    OfferIndexPageFactory,
    OfferPageFactory,
    OfferTypeFactory,
    SectorFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
)

# The titles no French listing may show: draft, expired, private, English.
HIDDEN_TITLES = {"Brouillon caché", "Offre expirée", "Offre réservée", "Bakery to take over", "Market gardener partner"}

# Time is frozen here in the tests that depend on expiry.
NOW = datetime.datetime(2026, 5, 1, 10, 0, tzinfo=datetime.UTC)


def at(day):
    """An aware datetime ``day`` days before NOW (negative: after)."""
    return NOW - datetime.timedelta(days=day)


@dataclass
class CatalogueData:
    index: object
    index_en: object
    territories: dict
    territories_en: dict
    types: dict
    sectors: dict
    offers: dict = field(default_factory=dict)
    hidden: dict = field(default_factory=dict)
    offers_en: dict = field(default_factory=dict)

    @property
    def url(self):
        return self.index.url

    @property
    def url_en(self):
        return self.index_en.url


def translate_term(term, locale, name):
    translated = term.copy_for_translation(locale)
    translated.name = name
    translated.save()
    return translated


def build_catalogue_data(site_tree):
    """Create the catalogue and its offers (French, and two English translations)."""
    fr, en = site_tree.fr, site_tree.en
    index = OfferIndexPageFactory(parent=site_tree.home)
    index_en = translate(index, en, title="Offers", slug="offers")
    territory_index = TerritoryIndexPageFactory(parent=site_tree.home)
    territory_index_en = translate(territory_index, en, title="Territories", slug="territories")
    territories = {
        "pays-diois": TerritoryPageFactory(
            parent=territory_index, title="Pays Diois", slug="pays-diois", department="26"
        ),
        "roannais": TerritoryPageFactory(
            parent=territory_index,
            title="Roannais",
            slug="roannais",
            department="42",
            latitude=Decimal("46.03600"),
            longitude=Decimal("4.06800"),
        ),
        "beaujolais-vert": TerritoryPageFactory(
            parent=territory_index,
            title="Beaujolais Vert",
            slug="beaujolais-vert",
            department="69",
            latitude=Decimal("46.00000"),
            longitude=Decimal("4.40000"),
        ),
    }
    # The English Pays Diois has a translated slug: the filter value stays the French one.
    territories_en = {
        "pays-diois": translate(territories["pays-diois"], en, title="Diois country", slug="diois-country"),
        "roannais": translate(territories["roannais"], en, title="Roannais", slug="roannais"),
    }
    assert territory_index_en.pk

    types = {
        "emploi": OfferTypeFactory(name="Emploi", slug="emploi", locale=fr),
        "reprise": OfferTypeFactory(name="Reprise d'entreprise", slug="reprise", locale=fr),
        "local": OfferTypeFactory(name="Local ou atelier", slug="local", locale=fr),
    }
    translate_term(types["emploi"], en, "Job")
    translate_term(types["reprise"], en, "Business takeover")
    sectors = {
        "tourisme": SectorFactory(name="Tourisme", slug="tourisme", locale=fr),
        "agriculture": SectorFactory(name="Agriculture et alimentation", slug="agriculture", locale=fr),
        "artisanat": SectorFactory(name="Artisanat", slug="artisanat", locale=fr),
    }
    translate_term(sectors["tourisme"], en, "Tourism")

    data = CatalogueData(index, index_en, territories, territories_en, types, sectors)

    def offer(territory, offer_type, offer_sectors, **fields):
        page = OfferPageFactory(parent=territories[territory], offer_type=types[offer_type], **fields)
        if offer_sectors:
            page.sectors.set([sectors[s] for s in offer_sectors])
            page.save()
        return page

    o = data.offers
    o["boulangerie"] = offer(
        "pays-diois",
        "reprise",
        ["artisanat", "agriculture"],
        title="Boulangerie à reprendre",
        slug="boulangerie",
        summary="Une boulangerie au cœur du village, four à bois.",
        commune="Die",
        latitude=44.753,
        longitude=5.370,
        first_published_at=at(100),
        price=Decimal("120000.00"),
    )
    o["gite"] = offer(
        "pays-diois",
        "reprise",
        ["tourisme"],
        title="Gîte de randonnée",
        slug="gite",
        summary="Un gîte d'étape sur le GR95.",
        commune="Châtillon-en-Diois",
        latitude=44.694,
        longitude=5.485,
        first_published_at=at(80),
        expire_at=at(-200),
    )
    o["maraicher"] = offer(
        "roannais",
        "emploi",
        ["agriculture"],
        title="Maraîcher associé",
        slug="maraicher",
        summary="Rejoindre une exploitation maraîchère bio.",
        commune="Roanne",
        latitude=46.036,
        longitude=4.068,
        first_published_at=at(60),
        expire_at=at(-30),
    )
    o["menuiserie"] = offer(
        "beaujolais-vert",
        "local",
        ["artisanat"],
        title="Atelier de menuiserie",
        slug="menuiserie",
        summary="Un atelier équipé à louer.",
        commune="Amplepuis",
        latitude=45.972,
        longitude=4.331,
        first_published_at=at(40),
        status="in_discussion",
    )
    o["animateur"] = offer(
        "beaujolais-vert",
        "emploi",
        ["tourisme", "agriculture"],
        title="Animateur nature",
        slug="animateur",
        summary="Animer des sorties à la ferme.",
        commune="Chambost-Allières",
        latitude=None,
        longitude=None,
        first_published_at=at(20),
    )

    h = data.hidden
    h["draft"] = offer("pays-diois", "emploi", ["tourisme"], title="Brouillon caché", slug="brouillon", live=False)
    h["expired"] = offer(
        "roannais",
        "emploi",
        ["tourisme"],
        title="Offre expirée",
        slug="expiree",
        first_published_at=at(300),
        expire_at=at(1),
    )
    h["private"] = offer(
        "pays-diois", "emploi", ["tourisme"], title="Offre réservée", slug="reservee", first_published_at=at(5)
    )
    PageViewRestriction.objects.create(page=h["private"], restriction_type=PageViewRestriction.LOGIN)

    data.offers_en["boulangerie"] = translate(o["boulangerie"], en, title="Bakery to take over", slug="bakery")
    data.offers_en["maraicher"] = translate(o["maraicher"], en, title="Market gardener partner", slug="gardener")
    for page in data.offers_en.values():
        page.first_published_at = at(10)
        page.save()
    for page in o.values():
        page.refresh_from_db()
    return data
