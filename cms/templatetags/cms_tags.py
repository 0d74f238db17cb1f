"""Template tags for the site's frame: navigation, language switcher, alternates, breadcrumbs."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Locale, Page, Site

from cms import maps
from cms.content_cache import cached_list
from cms.content_version import per_version
from cms.models import Footer
from cms.visibility import active_locale, visible_pages

register = template.Library()


def _home_of(request, locale):
    homes = cached_list(
        request,
        "home",
        locale.language_code,
        build=lambda: visible_pages(request, Page.objects.filter(depth=2), locale=locale).order_by("path")[:1],
    )
    return homes[0] if homes else None


@register.simple_tag(takes_context=True)
def site_home(context):
    """The home page of the active language."""
    request = context.get("request")
    return _home_of(request, active_locale(request))


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children marked "show in menus", as the visitor may see them."""
    request = context.get("request")
    home = site_home(context)
    if home is None:
        return []
    return cached_list(
        request,
        "menu",
        home.pk,
        build=lambda: (
            visible_pages(request, home.get_children(), locale=home.locale).filter(show_in_menus=True).order_by("path")
        ),
    )


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language: the translated page when it exists and is visible, else that language's home.

    Views that are not pages (search, 404) get their URL translated by Django's URL resolver.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        visible_translations = cached_list(
            request,
            "translations",
            page.pk,
            build=lambda: visible_pages(request, page.get_translations(inclusive=True), any_locale=True).select_related(
                "locale"
            ),
        )
        for other in visible_translations:
            translations[other.locale.language_code] = other
    locales = {locale.language_code: locale for locale in cached_list(request, "locales", build=Locale.objects.all)}
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url, exists = translations[code].get_url(request), True
        elif isinstance(page, Page) and code in locales:
            home = _home_of(request, locales[code])
            url, exists = (home.get_url(request) if home else f"/{code}/"), False
        elif request is not None:
            url, exists = translate_url(request.get_full_path(), code), True
        else:
            url, exists = f"/{code}/", False
        links.append({"code": code, "name": name, "url": url, "is_current": code == current, "exists": exists})
    return links


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The visible ancestors of ``page`` below the root, home first."""
    request = context.get("request")

    def build():
        return visible_pages(request, page.get_ancestors(), locale=page.locale_id).filter(depth__gt=1).order_by("depth")

    if not page.pk:  # the preview of a page not yet created: its place is not the saved pages' to share
        return list(build())
    return cached_list(request, "breadcrumbs", page.pk, build=build)


@register.simple_tag(takes_context=True)
def footer(context):
    """The footer of the visitor's language, or None when editors have not written one."""
    request = context.get("request")
    locale = active_locale(request)
    footers = cached_list(request, "footer", locale.language_code, build=lambda: Footer.for_locale(locale)[:1])
    return footers[0] if footers else None


@register.simple_tag(takes_context=True)
def rendered_footer(context):
    """``components/footer.html``, rendered once per content version, language and site in each app server: it
    is the same on every page and for every visitor (what editors wrote, the site settings, links)."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    key = ("footer-html", translation.get_language(), site.pk if site else None)
    return per_version(request, key, lambda: render_to_string("components/footer.html", request=request))


@register.filter
def absolute(url, request):
    """Make a relative URL absolute for meta tags (Open Graph needs absolute URLs)."""
    if not url or request is None or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url)


@register.filter
def page_links(page):
    """The page numbers the pagination links to, ``None`` where some are left out: 1 … 7 8 9 10 11 … 1550.

    Every number of a listing of 20,000 dates was 1,500 links (a third of a megabyte and most of the page's
    rendering time); this keeps the first and last pages and two on each side of the current one.
    """
    numbers = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return [number if isinstance(number, int) else None for number in numbers]


@register.filter
def in_section(page, item):
    """Whether ``page`` is ``item`` or lies beneath it (to mark the current menu entry)."""
    return isinstance(page, Page) and bool(page.path) and page.path.startswith(item.path)


@register.inclusion_tag("components/territory_map.html")
def territory_map(territories, current=None):
    """The schematic map with one point per territory (a single page is accepted too)."""
    if isinstance(territories, Page):
        territories = [territories]
    return {
        "region_path": maps.region_path(),
        "metropolises": maps.metropolis_points(),
        "points": maps.territory_points(territories),
        "current": current,
    }
