"""Editor comfort (issue 8, point 4): previews of every page type and block, French help texts, tabs.

Every test goes through Wagtail's real admin views with the test client, logged in as a superuser.
"""

import datetime

import pytest

from django.urls import reverse

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import get_page_models

from tests.conftest import soup

pytestmark = pytest.mark.django_db


def concrete_page_models():
    return [model for model in get_page_models() if not model._meta.abstract and model.is_creatable]


def picker_blocks():
    """The blocks an editor picks in a StreamField of a page: every child block of every page StreamField,
    but a bare chooser alone in its field (offers' attachments, related resources), which is added without a
    picker."""
    found = {}
    for model in concrete_page_models():
        for field in model._meta.get_fields():
            if not isinstance(field, StreamField):
                continue
            children = field.stream_block.child_blocks
            for name, block in children.items():
                if len(children) == 1 and not isinstance(block, blocks.StructBlock):
                    continue
                found.setdefault(f"{type(block).__name__}", (name, block))
    return sorted(found.items())


PICKER_BLOCKS = picker_blocks()


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin-test", "admin@example.org", "motdepasse-de-test")
    client.force_login(user)
    return client


# --- Block previews ------------------------------------------------------------------------------------


def test_the_block_library_is_all_there():
    names = {name for name, _ in PICKER_BLOCKS}
    assert {"HeadingBlock", "ParagraphBlock", "ImageBlock", "VideoBlock", "ObjectiveBlock", "EntryPointBlock"} <= names
    assert {"ResourceDocumentBlock", "LinkBlock", "TimelineBlock", "DataTableBlock"} <= names


@pytest.mark.parametrize(("block_class", "named_block"), PICKER_BLOCKS, ids=[name for name, _ in PICKER_BLOCKS])
def test_each_block_has_a_french_description_and_a_preview_that_renders(block_class, named_block, superuser_client):
    _name, block = named_block
    assert block.is_previewable
    assert hasattr(block.meta, "preview_value")
    description = str(block.get_description())
    assert len(description) > 20
    assert description.isascii() is False or " " in description  # a sentence, not a code
    response = superuser_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    html = soup(response)
    assert html.find("link", rel="stylesheet")["href"].endswith("cms/css/site.css")
    text = html.find("main").get_text(" ", strip=True)
    assert len(text) > 10  # real content, not an empty frame


def test_the_previews_show_realistic_french_content(superuser_client):
    from cms.blocks import BodyBlock

    body = BodyBlock()
    expected = {
        "heading": "Vivre et travailler à la campagne",
        "key_figures": "porteurs de projets conseillés",
        "accordion": "Qui peut être accompagné ?",
        "table": "Porteurs de projets accompagnés par année",
        "timeline": "Salon des entrepreneurs de Lyon",
        "video": "Lire la transcription",
    }
    for name, text in expected.items():
        block = body.child_blocks[name]
        response = superuser_client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
        assert text in response.content.decode(), name


def test_chooser_previews_take_what_the_site_holds(superuser_client, site_tree):
    """The image and cards previews show the site's own image and pages, and nothing breaks without them."""
    import wagtail_factories

    from cms.blocks import BodyBlock
    from tests.factories import StandardPageFactory

    body = BodyBlock()
    url = reverse("wagtailadmin_block_preview")
    response = superuser_client.get(url, {"id": body.child_blocks["card_grid"].definition_prefix})
    assert response.status_code == 200
    StandardPageFactory(parent=site_tree.home, title="La démarche")
    wagtail_factories.ImageFactory(title="Ferme du Diois")
    response = superuser_client.get(url, {"id": body.child_blocks["card_grid"].definition_prefix})
    assert "La démarche" in response.content.decode()
    response = superuser_client.get(url, {"id": body.child_blocks["image"].definition_prefix})
    assert soup(response).find("img", alt="Une ferme en pierre au pied du Vercors, au printemps")


# --- Page previews -------------------------------------------------------------------------------------


@pytest.fixture
def every_page(site_tree):
    """One page of every type, each with only its required fields: no image, no body, an offer without
    coordinates, a form without fields, a local event with one date (the edit form asks for one) and a
    regional one without any."""
    from agenda.models import EventDate, EventPage
    from members.models import ResourceKind
    from offers.models import OfferPage
    from tests.factories import (
        EventIndexPageFactory,
        FormPageFactory,
        NewsIndexPageFactory,
        NewsPageFactory,
        OfferIndexPageFactory,
        OfferTypeFactory,
        StandardPageFactory,
        TerritoryIndexPageFactory,
        TerritoryPageFactory,
    )
    from tests.factories.members import MemberAreaPageFactory, TrainingResourcePageFactory

    home = site_tree.home
    territories = TerritoryIndexPageFactory(parent=home)
    territory = TerritoryPageFactory(parent=territories, title="Pays Diois", latitude=None, longitude=None)
    news_index = NewsIndexPageFactory(parent=home)
    agenda = EventIndexPageFactory(parent=home)
    members = MemberAreaPageFactory(parent=home)
    offer = OfferPage(title="Boulangerie à reprendre", commune="Die", offer_type=OfferTypeFactory())
    territory.add_child(instance=offer)
    event = EventPage(title="Café installation")
    territory.add_child(instance=event)
    EventDate.objects.create(page=event, start=datetime.datetime(2026, 12, 10, 9, 30, tzinfo=datetime.UTC))
    regional = EventPage(title="Journée régionale des territoires")
    agenda.add_child(instance=regional)
    pages = [
        home,
        StandardPageFactory(parent=home, title="La démarche", summary=""),
        news_index,
        NewsPageFactory(parent=news_index, title="Le salon des entrepreneurs", summary=""),
        FormPageFactory(parent=home),
        territories,
        territory,
        OfferIndexPageFactory(parent=home),
        offer,
        agenda,
        event,
        members,
        TrainingResourcePageFactory(
            parent=members,
            title="Mémento de l'accueil",
            kind=ResourceKind.MEMENTO,
            session_title="",
            session_date=None,
            session_place="",
            session_speakers="",
        ),
    ]
    return {page.specific_class: page.specific for page in pages} | {"regional_event": regional}


def form_data(response):
    """What the browser posts from an admin edit form as served (inputs, checked boxes, selected options)."""
    form = soup(response).find("form", attrs={"method": "post", "data-edit-form": True}) or soup(response).find(
        "form", id="page-edit-form"
    )
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file", "image"):
            continue
        if field.name == "select":
            values = [option.get("value", option.text) for option in field.find_all("option", selected=True)]
            if field.has_attr("multiple"):
                data[name] = values
            elif values:
                data[name] = values[0]
            else:
                first = field.find("option")
                data[name] = first.get("value", first.text) if first else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif field.name == "textarea":
            data[name] = field.text
        else:
            data[name] = field.get("value", "")
    return data


def with_empty_streams(model, data):
    """StreamFields are drawn by JavaScript: without it they post nothing, an editor's empty field a count of 0."""
    for field in model._meta.get_fields():
        if isinstance(field, StreamField):
            data.setdefault(f"{field.name}-count", "0")
    return data


PAGE_MODELS = concrete_page_models()


def test_every_page_type_is_previewable():
    assert {model.__name__ for model in PAGE_MODELS} >= {"OfferPage", "EventPage", "TrainingResourcePage", "FormPage"}
    for model in PAGE_MODELS:
        assert model().is_previewable(), model


@pytest.mark.parametrize("model", PAGE_MODELS, ids=[model.__name__ for model in PAGE_MODELS])
def test_the_edit_form_previews_every_page_type(model, every_page, superuser_client):
    page = every_page[model]
    edit = superuser_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    data = with_empty_streams(model, form_data(edit))
    data["title"] = f"{page.title} – aperçu"
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    posted = superuser_client.post(url, data)
    assert posted.json() == {"is_valid": True, "is_available": True}, model
    preview = superuser_client.get(url)
    assert preview.status_code == 200
    assert f"{page.title} – aperçu" in soup(preview).title.get_text()


@pytest.mark.parametrize("model", PAGE_MODELS, ids=[model.__name__ for model in PAGE_MODELS])
def test_an_empty_page_of_every_type_previews(model, every_page):
    """Wagtail's own preview of the stored page, whatever it leaves empty (no dates, no coordinates…)."""
    page = every_page[model]
    response = page.make_preview_request()
    assert response.status_code == 200
    assert page.title in soup(response).get_text()


def test_a_regional_event_without_dates_previews(every_page):
    event = every_page["regional_event"].specific
    assert not event.dates.exists()
    assert event.make_preview_request().status_code == 200


@pytest.mark.parametrize("model_name", ["offerpage", "eventpage", "newspage", "standardpage"])
def test_the_add_form_previews_a_new_page(model_name, every_page, superuser_client):
    from agenda.models import EventPage
    from cms.models import NewsPage, StandardPage
    from offers.models import OfferPage

    model = {"offerpage": OfferPage, "eventpage": EventPage, "newspage": NewsPage, "standardpage": StandardPage}[
        model_name
    ]
    parent = every_page[model].get_parent()
    app = model._meta.app_label
    add = superuser_client.get(reverse("wagtailadmin_pages:add", args=[app, model_name, parent.pk]))
    data = with_empty_streams(model, form_data(add))
    data |= {"title": "Une page toute neuve", "slug": "une-page-toute-neuve"}
    data |= {"commune": "Die", "date": "2026-11-02"}
    if model is EventPage:
        data |= {"dates-TOTAL_FORMS": "1", "dates-0-start": "2026-12-10 09:30", "dates-0-end": "2026-12-10 12:00"}
        data |= {"dates-0-status": "scheduled", "dates-0-ORDER": "1"}
    url = reverse("wagtailadmin_pages:preview_on_add", args=[app, model_name, parent.pk])
    posted = superuser_client.post(url, data)
    assert posted.json() == {"is_valid": True, "is_available": True}
    preview = superuser_client.get(url)
    assert preview.status_code == 200
    assert "Une page toute neuve" in preview.content.decode()


# --- Help texts ----------------------------------------------------------------------------------------


def edited_fields(model, panel=None):
    """``(model, field name, panel)`` for every field an editor sees in ``model``'s edit handler, the inline
    panels' related models included."""
    from wagtail.admin.panels import FieldPanel, InlinePanel

    if panel is None:
        panel = model.get_edit_handler() if hasattr(model, "get_edit_handler") else None
        if panel is None:
            from wagtail.admin.panels import get_edit_handler

            panel = get_edit_handler(model)
    found = []
    if isinstance(panel, InlinePanel):
        related = model._meta.get_field(panel.relation_name).related_model
        for child in panel.panel_definitions:
            found += edited_fields(related, child)
    elif isinstance(panel, FieldPanel):
        found.append((model, panel.field_name, panel))
    for child in getattr(panel, "children", []):
        found += edited_fields(model, child)
    return found


def wagtail_own(model, name):
    """Whether Wagtail declares the field (title, slug, publishing dates, the form builder's fields): Wagtail
    documents those itself."""
    return any(
        klass.__module__.startswith("wagtail") and name in {f.name for f in klass._meta.local_fields}
        for klass in model.__mro__
        if hasattr(klass, "_meta")
    )


def editable_models():
    from agenda.models import EventType
    from cms.models import Audience, Footer, SiteSettings, Theme
    from offers.models import OfferType, Sector

    return [*PAGE_MODELS, Theme, Audience, Footer, SiteSettings, OfferType, Sector, EventType]


def test_the_help_text_check_sees_the_fields_editors_see():
    fields = {(owner.__name__, name) for model in editable_models() for owner, name, _panel in edited_fields(model)}
    assert {("EventDate", "capacity"), ("TerritoryContact", "email"), ("OfferPage", "latitude")} <= fields
    assert {("SiteSettings", "logo"), ("FooterLink", "url"), ("Theme", "slug")} <= fields
    from offers.models import OfferPage

    assert wagtail_own(OfferPage, "expire_at")
    assert not wagtail_own(OfferPage, "commune")


def missing_help_texts():
    missing = []
    for model in editable_models():
        for owner, name, panel in edited_fields(model):
            field = owner._meta.get_field(name)
            if wagtail_own(owner, name):
                continue
            if not str(getattr(field, "help_text", "") or panel.help_text or "").strip():
                missing.append(f"{owner.__name__}.{name}")
    return sorted(set(missing))


def test_every_field_editors_see_has_a_french_help_text():
    assert missing_help_texts() == []


# --- Tabs ----------------------------------------------------------------------------------------------

# The "Publication" tab (go-live and expiry dates) shows in Wagtail's status side panel, not among the tabs.
EXPECTED_TABS = {
    "OfferPage": ["Contenu", "Classement", "Localisation", "Conditions et contact", "Référencement"],
    "EventPage": ["Contenu", "Dates", "Localisation", "Inscription", "Référencement"],
    "TerritoryPage": ["Contenu", "Localisation", "Référencement"],
}


@pytest.mark.parametrize("model", PAGE_MODELS, ids=[model.__name__ for model in PAGE_MODELS])
def test_the_editor_shows_the_page_types_tabs(model, every_page, superuser_client):
    page = every_page[model]
    response = superuser_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    html = soup(response)
    tabs = [tab.contents[0].strip() for tab in html.select('[role="tablist"] [role="tab"]')]
    assert tabs == EXPECTED_TABS.get(model.__name__, ["Contenu", "Référencement"])
    assert html.find("input", attrs={"name": "go_live_at"})  # the publishing schedule is still there
    assert html.find("input", attrs={"name": "expire_at"})


def test_the_territory_location_fields_are_in_their_tab(every_page, superuser_client):
    from cms.models import TerritoryPage

    page = every_page[TerritoryPage]
    html = soup(superuser_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])))
    location = html.find(id="tab-localisation")
    assert location.find("input", attrs={"name": "latitude"})
    assert location.find(attrs={"name": "communes"})
    assert not html.find(id="tab-contenu").find(attrs={"name": "communes"})
