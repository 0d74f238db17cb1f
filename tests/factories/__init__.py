"""Factories for the site's models, built on wagtail-factories."""

import datetime
from decimal import Decimal

import factory
import wagtail_factories

from django.contrib.auth import get_user_model

from wagtail.models import Locale

from cms.models import (
    Audience,
    FormField,
    FormPage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
    TerritoryIndexPage,
    TerritoryPage,
    Theme,
)
from home.models import HomePage


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("motdepasse-de-test")

    class Meta:
        model = get_user_model()


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Accueil"
    slug = "accueil"
    hero_title = "Vivre et travailler à la campagne"
    hero_text = "Le réseau régional des coopérations ville–campagne."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page standard {n}")
    summary = "Une page du réseau."

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Actualités"
    slug = "actualites"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Actualité {n}")
    date = datetime.date(2026, 11, 2)
    summary = "Une nouvelle du réseau."

    class Meta:
        model = NewsPage


class TerritoryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Territoires"
    slug = "territoires"

    class Meta:
        model = TerritoryIndexPage


class TerritoryPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Territoire {n}")
    department = "26"
    summary = "Un territoire rural du réseau."
    communes = "Die\nChâtillon-en-Diois"
    latitude = Decimal("44.75300")
    longitude = Decimal("5.37000")

    class Meta:
        model = TerritoryPage


class FormPageFactory(wagtail_factories.PageFactory):
    title = "Contact"
    slug = "contact"
    to_address = "construction.activite@example.org"
    from_address = "noreply@example.org"
    subject = "Nouveau message"

    class Meta:
        model = FormPage


class FormFieldFactory(factory.django.DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Champ {n}")
    field_type = "singleline"
    required = True

    class Meta:
        model = FormField


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Theme


class AudienceFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Public {n}")
    slug = factory.Sequence(lambda n: f"public-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Audience


class OfferTypeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Type {n}")
    slug = factory.Sequence(lambda n: f"type-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = "offers.OfferType"
        django_get_or_create = ("slug", "locale")


class SectorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Secteur {n}")
    slug = factory.Sequence(lambda n: f"secteur-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = "offers.Sector"
        django_get_or_create = ("slug", "locale")


class OfferIndexPageFactory(wagtail_factories.PageFactory):
    title = "Offres"
    slug = "offres"

    class Meta:
        model = "offers.OfferIndexPage"


class OfferPageFactory(wagtail_factories.PageFactory):
    """An offer; pass ``parent`` = a TerritoryPage (its territory is set on save)."""

    title = factory.Sequence(lambda n: f"Offre {n}")
    summary = "Une opportunité d'installation à la campagne."
    offer_type = factory.SubFactory(OfferTypeFactory)
    commune = "Die"
    postcode = "26150"
    insee_code = "26113"
    latitude = 44.753
    longitude = 5.370

    class Meta:
        model = "offers.OfferPage"
        skip_postgeneration_save = True

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)
            self.save_revision().publish()


class EventTypeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Type d'événement {n}")
    slug = factory.Sequence(lambda n: f"type-evenement-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = "agenda.EventType"
        django_get_or_create = ("slug", "locale")


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"
    slug = "agenda"

    class Meta:
        model = "agenda.EventIndexPage"


class EventPageFactory(wagtail_factories.PageFactory):
    """An event; pass ``parent`` (a TerritoryPage or the EventIndexPage) and ``dates`` = [(start, end), …]."""

    title = factory.Sequence(lambda n: f"Événement {n}")
    summary = "Une rencontre pour découvrir le territoire."
    event_type = factory.SubFactory(EventTypeFactory)
    venue_name = "Maison des services"
    commune = "Die"
    postcode = "26150"
    latitude = 44.753
    longitude = 5.370

    class Meta:
        model = "agenda.EventPage"
        skip_postgeneration_save = True

    @factory.post_generation
    def dates(self, create, extracted, **kwargs):
        from agenda.models import EventDate

        if create and extracted:
            for values in extracted:
                if isinstance(values, dict):
                    EventDate.objects.create(page=self, **values)
                else:
                    start, end = values
                    EventDate.objects.create(page=self, start=start, end=end)
