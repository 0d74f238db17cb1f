"""The members' models: organisations and their yearly memberships, people, the members' area and its resources."""

from members.models.organisations import MemberOrganisation, MemberProfile, Membership, OrganisationKind
from members.models.pages import MemberAreaPage
from members.models.resources import ResourceKind, TrainingResourcePage

__all__ = [
    "MemberAreaPage",
    "MemberOrganisation",
    "MemberProfile",
    "Membership",
    "OrganisationKind",
    "ResourceKind",
    "TrainingResourcePage",
]
