"""Factories for the members' app: organisations, yearly memberships, people and the members' area."""

import datetime

import factory
import wagtail_factories

from members.models import MemberAreaPage, MemberOrganisation, MemberProfile, Membership, OrganisationKind
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
