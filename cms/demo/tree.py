"""Creates or updates the French demo tree from page specs, then publishes it.

Pages are looked up by slug under their parent, so running the loader again updates them in place.
"""

import json
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from cms.demo.streams import DocumentRef, ImageRef, PageRef, Resolver, stream_value

HOME_SLUG = "accueil"


@dataclass
class PageSpec:
    """One demo page: its model, French slug and title, fields, inline children, tags and child pages."""

    model: str
    slug: str
    title: str
    fields: dict = field(default_factory=dict)
    relations: dict = field(default_factory=dict)
    tags: list = field(default_factory=list)
    children: list = field(default_factory=list)


def walk(spec, path=""):
    """Yield ``(path, spec)`` top-down; the home page's path is ``""``."""
    yield path, spec
    for child in spec.children:
        yield from walk(child, f"{path}/{child.slug}".lstrip("/"))


def find_spec(spec, path):
    """The spec at ``path`` (French slugs below ``spec``, e.g. ``"territoires/pays-diois"``), or None."""
    for child_path, child in walk(spec):
        if child_path == path:
            return child
    return None


def _is_deferred(value):
    """Values that need other pages, images or documents to exist first."""
    if isinstance(value, PageRef | ImageRef | DocumentRef | list):
        return True
    return isinstance(value, str) and 'id="@' in value


def _create(parent, spec, locale):
    model = apps.get_model(spec.model)
    page = model(title=spec.title, slug=spec.slug, locale=locale)
    for name, value in spec.fields.items():
        if not _is_deferred(value):
            setattr(page, name, value)
    parent.add_child(instance=page)
    return page


def _find(parent, spec):
    model = apps.get_model(spec.model)
    return model.objects.child_of(parent).filter(slug=spec.slug).first()


def _set_relation(page, name, rows, resolver):
    """Update inline children in place (keeping their ids and translation keys), add or drop the rest."""
    manager = getattr(page, name)
    existing = list(manager.all())
    model = manager.model
    objects = []
    for index, row in enumerate(rows):
        obj = existing[index] if index < len(existing) else model()
        if hasattr(obj, "locale_id"):
            obj.locale = page.locale
        for key, value in row.items():
            setattr(obj, key, resolver.resolve(value))
        if hasattr(obj, "sort_order"):
            obj.sort_order = index
        objects.append(obj)
    setattr(page, name, objects)


def _fill(page, spec, path, resolver):
    page.title = spec.title
    for name, value in spec.fields.items():
        model_field = page._meta.get_field(name)
        if isinstance(model_field, StreamField):
            value = stream_value(model_field, value, f"{path or HOME_SLUG}:{name}", resolver)
        elif isinstance(model_field, RichTextField):
            value = resolver.rich_text(value)
        else:
            value = resolver.resolve(value)
        setattr(page, name, value)
    for name, rows in spec.relations.items():
        _set_relation(page, name, rows, resolver)
    if spec.tags and set(page.tags.names()) != set(spec.tags):
        page.tags.set(spec.tags, clear=True)


def _snapshot(page):
    """The page's content, with StreamFields parsed (PostgreSQL's jsonb does not keep key order)."""
    data = page.serializable_data()
    for model_field in page._meta.concrete_fields:
        if isinstance(model_field, StreamField) and isinstance(data.get(model_field.name), str):
            data[model_field.name] = json.loads(data[model_field.name])
    return data


def _install_home(home_spec, locale):
    """Find or create the French home page at depth 2, make it the default site's root, drop the welcome page."""
    root = Page.get_first_root_node()
    home = _find(root, home_spec) or _create(root, home_spec, locale)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site, _ = Site.objects.get_or_create(hostname="localhost", port=80, defaults={"root_page": home})
    site.root_page = home
    site.is_default_site = True
    site.site_name = site.site_name or "Coopérations et mobilités ville–campagne"
    site.save()
    # Wagtail's "Welcome to your new Wagtail site!" page; deleted after the site moved, since sites cascade.
    Page.objects.filter(depth=2, slug="home", content_type=ContentType.objects.get_for_model(Page)).delete()
    return home, site


def build_tree(home_spec, locale, images, documents):
    """Create/update and publish the French tree.

    Return ``(pages by path in top-down order, ids of the pages published by this run, site)``: a page
    whose content is already what the spec says is left alone, so a second run adds no revisions.
    """
    home, site = _install_home(home_spec, locale)
    pages = {"": home}
    specs = list(walk(home_spec))
    for path, spec in specs[1:]:
        parent = pages[path.rpartition("/")[0]]
        pages[path] = _find(parent, spec) or _create(parent, spec, locale)
    resolver = Resolver(images, documents, pages)
    published = set()
    for path, spec in specs:
        page = pages[path]
        before = _snapshot(page)
        _fill(page, spec, path, resolver)
        unchanged = _snapshot(page) == before
        # Up to date, or expired by ``publish_scheduled`` and meant to stay so: nothing to publish.
        if unchanged and (page.expired or page.live_revision_id and not page.has_unpublished_changes):
            continue
        page.save_revision().publish()
        published.add(page.pk)
        # Reload: the published children (contacts, form fields) now have their database ids.
        pages[path] = page.specific_class.objects.get(pk=page.pk)
    return pages, published, site
