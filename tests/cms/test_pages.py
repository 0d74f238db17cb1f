"""Every page type renders what a visitor needs to see."""

import datetime

import pytest

from django.core import mail

from wagtail.models import PageViewRestriction

from cms.models import FormPage
from tests.conftest import publish, soup
from tests.factories import (
    FormFieldFactory,
    FormPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    TerritoryIndexPageFactory,
    TerritoryPageFactory,
)

pytestmark = pytest.mark.django_db

BODY = [
    {"type": "heading", "value": {"text": "Nos objectifs", "level": "h2"}},
    {"type": "paragraph", "value": "<p>Faciliter les mobilités ville-campagne des actifs.</p>"},
    {"type": "quote", "value": {"quote": "Une coopération sans concurrence.", "author": "Bilan 2016", "role": ""}},
    {
        "type": "key_figures",
        "value": {"title": "Salon 2016", "figures": [{"figure": "94", "label": "porteurs de projets conseillés"}]},
    },
    {
        "type": "accordion",
        "value": {
            "title": "Questions",
            "items": [{"question": "Qui peut participer ?", "answer": "<p>Les territoires.</p>"}],
        },
    },
    {
        "type": "contact",
        "value": {
            "name": "Aurélie Braillon",
            "role": "Chargée de mission",
            "organisation": "Cap Rural",
            "email": "construction.activite@caprural.org",
            "phone": "04 75 61 01 26",
        },
    },
    {
        "type": "timeline",
        "value": {"title": "", "entries": [{"date": "2017", "title": "Trois sessions d'information", "text": ""}]},
    },
    {
        "type": "table",
        "value": {
            "caption": "Participants",
            "table": {
                "data": [["Action", "Participants"], ["Session Lyon", "25"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        },
    },
]


def test_home_page_shows_hero_and_latest_news(client, site_tree):
    home = site_tree.home
    home.objectives = [{"type": "objective", "value": {"title": "Se mettre en mouvement", "text": "Accueil d'actifs."}}]
    publish(home)
    index = NewsIndexPageFactory(parent=home)
    for day in range(1, 5):
        NewsPageFactory(parent=index, title=f"Nouvelle {day}", date=datetime.date(2026, 10, day))
    html = soup(client.get("/fr/"))
    assert html.h1.get_text(strip=True) == "Vivre et travailler à la campagne"
    assert "Se mettre en mouvement" in html.select_one(".objectives").get_text()
    news_titles = [a.get_text(strip=True) for a in html.select(".latest-news .card__title a")]
    assert news_titles == ["Nouvelle 4", "Nouvelle 3", "Nouvelle 2"]


def test_standard_page_renders_blocks(client, site_tree):
    page = StandardPageFactory(parent=site_tree.home, title="La démarche", slug="la-demarche", body=BODY)
    response = client.get(page.url)
    html = soup(response)
    assert response.status_code == 200
    assert html.h1.get_text(strip=True) == "La démarche"
    main = html.main
    assert main.find("h2", string="Nos objectifs")
    assert "Faciliter les mobilités" in main.get_text()
    assert main.find("blockquote")
    assert "94" in main.get_text()
    assert main.find("details").find("summary").get_text(strip=True) == "Qui peut participer ?"
    assert main.select_one('a[href="mailto:construction.activite@caprural.org"]')
    table = main.find("table")
    assert table.find("caption").get_text(strip=True) == "Participants"
    assert [th.get_text(strip=True) for th in table.find_all("th")] == ["Action", "Participants"]


def test_breadcrumbs_show_the_path(client, site_tree):
    parent = StandardPageFactory(parent=site_tree.home, title="La démarche", slug="la-demarche")
    child = StandardPageFactory(parent=parent, title="Objectifs", slug="objectifs")
    crumbs = soup(client.get(child.url)).select(".breadcrumbs li")
    assert [li.get_text(strip=True) for li in crumbs] == ["Accueil", "La démarche", "Objectifs"]


def test_menu_lists_visible_pages_marked_for_menus(client, site_tree):
    StandardPageFactory(parent=site_tree.home, title="La démarche", show_in_menus=True)
    StandardPageFactory(parent=site_tree.home, title="Hors menu", show_in_menus=False)
    private = StandardPageFactory(parent=site_tree.home, title="Privée", show_in_menus=True)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    menu = [a.get_text(strip=True) for a in soup(client.get("/fr/")).select(".main-nav a")]
    assert menu == ["La démarche"]


def test_news_index_lists_visible_news_newest_first_and_paginates(client, site_tree):
    index = NewsIndexPageFactory(parent=site_tree.home)
    for n in range(14):
        NewsPageFactory(
            parent=index, title=f"Nouvelle {n:02d}", date=datetime.date(2026, 1, 1) + datetime.timedelta(days=n)
        )
    NewsPageFactory(parent=index, title="Brouillon", live=False)
    first = soup(client.get(index.url))
    titles = [a.get_text(strip=True) for a in first.select(".card__title a")]
    assert titles[0] == "Nouvelle 13" and len(titles) == 12
    assert "Brouillon" not in first.get_text()
    second = soup(client.get(index.url + "?page=2"))
    assert [a.get_text(strip=True) for a in second.select(".card__title a")] == ["Nouvelle 01", "Nouvelle 00"]
    # A malformed page number is not an error.
    assert client.get(index.url + "?page=abc").status_code == 200
    assert client.get(index.url + "?page=999").status_code == 200


def test_news_index_query_count_does_not_grow(client, site_tree, django_assert_max_num_queries):
    index = NewsIndexPageFactory(parent=site_tree.home)
    for n in range(3):
        NewsPageFactory(parent=index, date=datetime.date(2026, 1, n + 1))
    client.get(index.url)  # warm caches (site root paths, content types)
    with django_assert_max_num_queries(40) as small:
        client.get(index.url)
    small_count = len(small.captured_queries)  # read now: the query log keeps only the last 9,000 queries
    for n in range(20):
        NewsPageFactory(parent=index, date=datetime.date(2026, 2, n + 1))
    client.get(index.url)  # new pages replaced the cached site frame: warm it again
    with django_assert_max_num_queries(small_count):
        client.get(index.url)


def test_news_page_shows_date_and_tags(client, site_tree):
    index = NewsIndexPageFactory(parent=site_tree.home)
    news = NewsPageFactory(parent=index, title="Entreprendre en collectif", date=datetime.date(2021, 4, 1))
    news.tags.add("entrepreneuriat collectif")
    publish(news)
    html = soup(client.get(news.url))
    assert html.find("time")["datetime"] == "2021-04-01"
    tag_link = html.select_one("a.tag")
    assert tag_link["href"] == f"{index.url}?tag=entrepreneuriat-collectif"
    filtered = soup(client.get(tag_link["href"]))
    assert [a.get_text(strip=True) for a in filtered.select(".card__title a")] == ["Entreprendre en collectif"]


def test_territory_pages_show_map_contacts_and_communes(client, site_tree):
    index = TerritoryIndexPageFactory(parent=site_tree.home)
    diois = TerritoryPageFactory(parent=index, title="Pays Diois", slug="pays-diois")
    diois.contacts.create(
        name="Malika Sema", role="Chargée de mission", email="accueil@example.org", locale=site_tree.fr
    )
    publish(diois)
    TerritoryPageFactory(parent=index, title="Beaujolais Vert", department="69")
    listing = soup(client.get(index.url))
    assert [a.get_text(strip=True) for a in listing.select(".card__title a")] == ["Beaujolais Vert", "Pays Diois"]
    assert len(listing.select(".territory-map circle")) == 2
    page = soup(client.get(diois.url))
    assert "Drôme" in page.select_one(".page-header").get_text()
    assert "Malika Sema" in page.select_one(".contact-list").get_text()
    assert [li.get_text() for li in page.select(".commune-list li")] == ["Die", "Châtillon-en-Diois"]


def test_contact_form_stores_submission_and_emails(client, site_tree):
    form_page = FormPageFactory(parent=site_tree.home)
    FormFieldFactory(page=form_page, label="Nom", clean_name="nom", locale=site_tree.fr)
    FormFieldFactory(page=form_page, label="Courriel", clean_name="courriel", field_type="email", locale=site_tree.fr)
    publish(form_page)
    empty = client.post(form_page.url, {})
    assert empty.status_code == 200
    assert soup(empty).select(".form-field--error")
    response = client.post(form_page.url, {"nom": "Camille", "courriel": "camille@example.org"})
    assert response.status_code == 200
    assert FormPage.objects.get(pk=form_page.pk).get_submission_class().objects.count() == 1
    assert len(mail.outbox) == 1
    assert "Camille" in mail.outbox[0].body


@pytest.mark.parametrize("tag", ["nexiste-pas", "<script>", "a" * 300, "%00"])
def test_news_tag_filter_survives_bad_values(client, site_tree, tag):
    index = NewsIndexPageFactory(parent=site_tree.home)
    NewsPageFactory(parent=index, title="Entreprendre en collectif")
    response = client.get(index.url, {"tag": tag})
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()
