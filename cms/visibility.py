"""The one gate every listing, menu, count, feed, sitemap and search goes through.

Wagtail checks view restrictions only when it serves a page itself; anything that lists pages must ask
this module what the current request may see. Later capabilities (members, registrations) extend
``allowed_restriction_ids`` rather than write their own filter: through the ``filter_allowed_restriction_ids``
hook (``fn(request, allowed) -> allowed``), so that ``cms`` imports no app.
"""

from django.db.models import Q
from django.utils import timezone, translation

from wagtail import hooks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, PageViewRestriction

from cms.content_version import per_version


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


def view_restrictions(request=None):
    """Every view restriction as ``(restriction id, page path, page depth)``, and the paths of the alias pages
    (which take the restrictions of their originals), read once per content version."""

    def build():
        rows = PageViewRestriction.objects.values_list("pk", "page__path", "page__depth").order_by("page__path")
        aliases = Page.objects.exclude(alias_of=None).values_list("path", flat=True)
        return tuple(rows), tuple(aliases)

    return per_version(request, "view-restrictions", build)


def denied_sections(request):
    """The ``(path, depth)`` of the private sections the visitor of ``request`` does not pass, sorted.

    Worked out once per request and user: a page lists pages several times (menu, breadcrumbs, listings).
    """
    user = getattr(request, "user", None)
    cached = getattr(request, "_denied_sections", None)
    if cached is not None and cached[0] is user:
        return cached[1]
    allowed = allowed_restriction_ids(request)
    restrictions, _aliases = view_restrictions(request)
    sections = tuple(sorted({(path, depth) for pk, path, depth in restrictions if pk not in allowed}))
    if request is not None:
        request._denied_sections = (user, sections)
    return sections


def may_be_restricted(page, request=None):
    """Whether a view restriction may apply to ``page``: one on it or above it, or an alias on its way (whose
    original's restrictions Wagtail applies). False means Wagtail's check would find none."""
    restrictions, aliases = view_restrictions(request)
    return any(page.path.startswith(path) for path in (*aliases, *(path for _pk, path, _depth in restrictions)))


def active_locale(request=None):
    """``Locale.get_active()``, from the locales read once per content version (a page asks a dozen times)."""
    locales = per_version(request, "locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()})
    try:
        return locales[get_supported_content_language_variant(translation.get_language())]
    except (KeyError, LookupError):
        return Locale.get_active()  # its fallback: the default locale


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
