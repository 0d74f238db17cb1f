"""The members' models: organisations and their yearly memberships, people, and the members' area page."""

from members.models.organisations import MemberOrganisation, MemberProfile, Membership, OrganisationKind
from members.models.pages import MemberAreaPage

__all__ = ["MemberAreaPage", "MemberOrganisation", "MemberProfile", "Membership", "OrganisationKind"]
