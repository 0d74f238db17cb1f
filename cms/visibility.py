"""The one gate every listing, menu, count, feed, sitemap and search goes through.

Wagtail checks view restrictions only when it serves a page itself; anything that lists pages must ask
this module what the current request may see. Later capabilities (members, registrations) extend
``allowed_restriction_ids`` rather than write their own filter: through the ``filter_allowed_restriction_ids``
hook (``fn(request, allowed) -> allowed``), so that ``cms`` imports no app.
"""

from django.db.models import Q
from django.utils import timezone, translation

from wagtail import hooks
from wagtail.models import Locale, Page, PageViewRestriction


def allowed_restriction_ids(request):
    """Return the ids of the view restrictions the visitor of ``request`` passes.

    Apps narrow the set through the ``filter_allowed_restriction_ids`` hook (members: a lapsed member still
    in the members' group does not pass).
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return set()
    allowed = _restriction_ids_by_group(user)
    for hook in hooks.get_hooks("filter_allowed_restriction_ids"):
        allowed = hook(request, allowed)
    return allowed


def _restriction_ids_by_group(user):
    restrictions = PageViewRestriction.objects.all()
    if user.is_superuser:
        return {r.pk for r in restrictions}
    group_ids = set(user.groups.values_list("pk", flat=True))
    allowed = set()
    for restriction in restrictions.prefetch_related("groups"):
        if (
            restriction.restriction_type == PageViewRestriction.LOGIN
            or restriction.restriction_type == PageViewRestriction.GROUPS
            and group_ids & {g.pk for g in restriction.groups.all()}
        ):
            allowed.add(restriction.pk)
    return allowed


def denied_sections(request):
    """The ``(path, depth)`` of the private sections the visitor of ``request`` does not pass, sorted.

    Worked out once per request and user: a page lists pages several times (menu, breadcrumbs, listings).
    """
    user = getattr(request, "user", None)
    cached = getattr(request, "_denied_sections", None)
    if cached is not None and cached[0] is user:
        return cached[1]
    allowed = allowed_restriction_ids(request)
    # A subquery rather than a join: SQLite would scan every page to join the few restrictions.
    restricted = PageViewRestriction.objects.exclude(pk__in=allowed).values("page_id")
    sections = tuple(sorted(Page.objects.filter(pk__in=restricted).values_list("path", "depth")))
    if request is not None:
        request._denied_sections = (user, sections)
    return sections


def active_locale(request=None):
    """``Locale.get_active()``, read once per request and language (a page asks for it a dozen times)."""
    code = translation.get_language()
    memo = getattr(request, "_cms_locales", None)
    if memo is not None and code in memo:
        return memo[code]
    locale = Locale.get_active()
    if request is not None:
        if memo is None:
            memo = request._cms_locales = {}
        memo[code] = locale
    return locale


def _denied_q(request):
    q = Q()
    for path, depth in denied_sections(request):
        q |= Q(path__startswith=path, depth__gte=depth)
    return q


def visible_pages(request, queryset=None, *, locale=None, any_locale=False):
    """Return the pages of ``queryset`` that ``request`` may see (``None`` means an anonymous visitor).

    Visible means: live, not past its expiry date (even if ``publish_scheduled`` has not run yet),
    outside any private section the visitor does not pass, and in the active locale (or ``locale``;
    ``any_locale=True`` keeps every locale, for the sitemap).
    """
    qs = Page.objects.all() if queryset is None else queryset
    qs = qs.live().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
    if not any_locale:
        qs = qs.filter(locale=locale or active_locale(request))
    denied = _denied_q(request)
    if denied:
        qs = qs.exclude(denied)
    return qs


def can_see(request, page):
    """Whether the visitor may see this one page (for links built from page choosers)."""
    return visible_pages(request, Page.objects.filter(pk=page.pk), locale=page.locale).exists()
