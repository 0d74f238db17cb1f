"""Members in Wagtail: the access check when a page is served, the listings' rule, and the admin menu group."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import resolve_url
from django.utils.cache import add_never_cache_headers

from wagtail import hooks
from wagtail.models import PageViewRestriction

from cms.visibility import may_be_restricted
from members.access import MEMBERS_GROUP, passes, refuse_lapsed_members
from members.documents import members_restrictions_of
from members.views import join_response
from members.viewsets import MembersViewSetGroup


@hooks.register("before_serve_page")
def check_member_access(page, request, serve_args, serve_kwargs):
    """Members' pages: anonymous visitors go to the login page, others who are not valid members today get
    the 403 page telling how to join. Runs before Wagtail's own restriction check (``on_serve_page``), which
    would send a logged-in non-member back to the login form, and would let a lapsed member still in the
    group through."""
    if not may_be_restricted(page, request):
        return None  # no restriction on the site reaches this page (read once per content version)
    restrictions = list(
        page.get_view_restrictions()
        .filter(restriction_type=PageViewRestriction.GROUPS, groups__name=MEMBERS_GROUP)
        .distinct()
        .prefetch_related("groups")
    )
    if not restrictions:
        return None
    group = Group.objects.get(name=MEMBERS_GROUP)
    user = request.user
    if not user.is_authenticated:
        return _login_redirect(request)
    if all(passes(user, restriction, group.pk) for restriction in restrictions):
        return None  # Wagtail serves the page with its private, never-cache headers
    return join_response(request, page)


def _login_redirect(request):
    response = redirect_to_login(request.get_full_path(), resolve_url(settings.WAGTAIL_FRONTEND_LOGIN_URL))
    add_never_cache_headers(response)
    return response


# order=-1: before Wagtail's own check (``check_view_restrictions``), which would send a logged-in non-member to
# the login form and let a lapsed member still in the group through.
@hooks.register("before_serve_document", order=-1)
def check_member_document_access(document, request):
    """Documents of the members' collection: the rule of members' pages (login, or the 403 join page), and for
    a valid member a mark on the request so that ``members.views.serve_document`` makes the file private."""
    restrictions = members_restrictions_of(document)
    if not restrictions:
        return None
    user = request.user
    if not user.is_authenticated:
        return _login_redirect(request)
    group = Group.objects.get(name=MEMBERS_GROUP)
    if not all(passes(user, restriction, group.pk) for restriction in restrictions):
        return join_response(request)
    request.members_document = True
    return None


@hooks.register("filter_allowed_restriction_ids")
def members_restrictions_need_a_valid_membership(request, allowed):
    return refuse_lapsed_members(request, allowed)


@hooks.register("register_admin_viewset")
def register_members_viewsets():
    return MembersViewSetGroup()


@hooks.register("construct_homepage_panels")
def add_lapsing_memberships_panel(request, panels):
    from members.dashboard import LapsingMembershipsPanel

    panels.append(LapsingMembershipsPanel())
