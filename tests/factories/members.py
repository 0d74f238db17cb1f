"""Factories for the members' app: organisations, yearly memberships, people and the members' area."""

import datetime

import factory
import wagtail_factories

from members.models import (
    MemberAreaPage,
    MemberOrganisation,
    MemberProfile,
    Membership,
    OrganisationKind,
    ResourceKind,
    TrainingResourcePage,
)
from tests.factories import UserFactory


class MemberOrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation adhérente {n}")
    kind = OrganisationKind.TERRITORY
    contact_email = factory.LazyAttribute(lambda o: f"contact{o.name.split()[-1]}@example.org")

    class Meta:
        model = MemberOrganisation


class MembershipFactory(factory.django.DjangoModelFactory):
    """A calendar year of membership (``year`` decides the dates)."""

    organisation = factory.SubFactory(MemberOrganisationFactory)
    year = 2026
    valid_from = factory.LazyAttribute(lambda o: datetime.date(o.year, 1, 1))
    valid_until = factory.LazyAttribute(lambda o: datetime.date(o.year, 12, 31))

    class Meta:
        model = Membership


class MemberProfileFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(MemberOrganisationFactory)
    job_title = "Chargée de mission accueil d'actifs"

    class Meta:
        model = MemberProfile


class MemberAreaPageFactory(wagtail_factories.PageFactory):
    title = "Espace adhérents"
    slug = "espace-adherents"
    intro = "<p>Supports de formation et fiches méthode du réseau.</p>"

    class Meta:
        model = MemberAreaPage


class TrainingResourcePageFactory(wagtail_factories.PageFactory):
    """A memento from a 2016 session; pass ``parent`` (the members' area)."""

    title = factory.Sequence(lambda n: f"Mémento {n}")
    slug = factory.Sequence(lambda n: f"memento-{n}")
    kind = ResourceKind.MEMENTO
    summary = "Les bonnes pratiques de l'accueil d'actifs en milieu rural."
    session_title = "Mettre en valeur son territoire pour des candidats à l'installation"
    session_date = datetime.date(2016, 11, 17)
    session_place = "Lyon"
    session_speakers = "France Clusters"

    class Meta:
        model = TrainingResourcePage
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.themes.set(extracted)
            obj.save()
