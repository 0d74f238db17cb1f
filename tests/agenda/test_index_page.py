"""The agenda ("Agenda"): the list by month, filters, facet counts, chips, the archive, the month grid, feeds
advertised, form errors shown, nothing hidden leaking, and the same number of queries at two sizes."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
import wagtail_factories

from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from agenda.models import EventDate, EventPage
from cms.content_version import forget_content
from tests.agenda.agenda_data import HIDDEN_TITLES, NOW, PAST, UPCOMING, at, build_agenda_data
from tests.conftest import soup
from tests.factories import EventPageFactory, EventTypeFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(site_tree):
    with time_machine.travel(NOW, tick=False):
        yield build_agenda_data(site_tree)


def link_title(link):
    """A card's link text without its visually hidden status."""
    return "".join(link.find_all(string=True, recursive=False)).strip()


def titles(response):
    return [link_title(a) for a in soup(response).select(".agenda-list .card__title a")]


def count_text(response):
    return soup(response).select_one("[role=status][aria-live=polite]").get_text(" ", strip=True)


def ignored(response):
    box = soup(response).select_one("#agenda-ignored")
    return [li.get_text(strip=True) for li in box.select("li")] if box else []


def cards(response):
    return soup(response).select(".agenda-list .event-card")


def query_of(url):
    return parse_qs(urlsplit(url).query)


# The list ----------------------------------------------------------------------------------------------


def test_lists_every_upcoming_date_soonest_first_grouped_by_month(client, data):
    response = client.get(data.url)
    assert response.status_code == 200
    assert titles(response) == UPCOMING
    assert count_text(response) == "5 événements à venir"
    html = soup(response)
    months = html.select(".agenda-month h2")
    assert [h.get_text(strip=True) for h in months] == ["Juin 2027", "Juillet 2027", "Août 2027"]
    assert [h.time["datetime"] for h in months] == ["2027-06", "2027-07", "2027-08"]
    # Each month groups its own cards, each an article whose dates are machine-readable.
    june = html.select_one("#agenda-month-2027-06").find_parent("section")
    assert [link_title(a) for a in june.select(".card__title a")] == UPCOMING[:3]
    for card in cards(response):
        assert card.name == "article"
        assert card.select("time[datetime]")
    main_text = html.main.get_text(" ")
    assert not [title for title in HIDDEN_TITLES | set(PAST) if title in main_text]


def test_a_card_shows_when_where_and_what(client, data):
    by_title = {}
    for card in cards(client.get(data.url)):
        by_title.setdefault(link_title(card.select_one(".card__title a")), card)
    salon = by_title["Salon des métiers ruraux"]
    when = salon.select_one(".event-card__when")
    assert when.get_text(" ", strip=True) == "du 5 au 6 juin 2027"
    assert [t["datetime"] for t in when.select("time")] == ["2027-06-05", "2027-06-06"]
    assert salon.select_one(".event-card__place").get_text(" ", strip=True) == "Roanne – Roannais"
    assert salon.select_one(".card__meta").get_text(" ", strip=True) == "Salon"

    atelier = by_title["Atelier installation"]
    when = atelier.select_one(".event-card__when")
    assert when.get_text(" ", strip=True) == "jeudi 10 juin 2027 , de 14:00 à 16:00"
    assert [t["datetime"] for t in when.select("time")] == [
        "2027-06-10",
        "2027-06-10T14:00:00+02:00",
        "2027-06-10T16:00:00+02:00",
    ]
    assert atelier.select_one(".card__title a")["href"] == data.events["atelier"].url
    assert by_title["Webinaire reprise"].select_one(".event-card__place").get_text(strip=True) == "En ligne"
    assert by_title["Visite de ferme"].select_one(".event-card__place").get_text(" ", strip=True) == (
        "Renaison et en ligne – Roannais"
    )


def test_a_cancelled_date_stays_listed_and_says_so(client, data):
    cancelled, full = cards(client.get(data.url))[3], cards(client.get(data.url))[2]
    assert "event-card--cancelled" in cancelled["class"]
    assert cancelled.select_one(".event-status").get_text(strip=True) == "Annulé"
    # The link's accessible name carries the status: a heading list read aloud says it too.
    assert cancelled.select_one(".card__title a").get_text(" ", strip=True) == "Atelier installation (Annulé)"
    assert cancelled.select_one(".event-card__when time")["datetime"] == "2027-07-08"
    assert full.select_one(".event-status").get_text(strip=True) == "Complet"
    assert "event-card--cancelled" not in full["class"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=ferme", ["Visite de ferme"]),
        ("territory=pays-diois", ["Atelier installation", "Atelier installation"]),
        ("territory=roannais", ["Salon des métiers ruraux", "Visite de ferme"]),  # a regional event for Roannais too
        ("type=atelier", ["Atelier installation", "Atelier installation", "Visite de ferme"]),
        ("theme=alimentation", ["Atelier installation", "Atelier installation", "Visite de ferme"]),
        ("audience=elus", ["Webinaire reprise"]),
        ("mode=online", ["Webinaire reprise", "Visite de ferme"]),  # online, and on site and online
        (
            "mode=onsite",
            ["Salon des métiers ruraux", "Atelier installation", "Atelier installation", "Visite de ferme"],
        ),
        ("free=1", ["Atelier installation", "Webinaire reprise", "Atelier installation", "Visite de ferme"]),
        ("start=2027-06-12", ["Webinaire reprise", "Atelier installation", "Visite de ferme"]),
        ("end=2027-06-10", ["Salon des métiers ruraux", "Atelier installation"]),
        ("start=2027-06-06&end=2027-06-06", ["Salon des métiers ruraux"]),  # the second day of the fair
        ("month=2027-07", ["Atelier installation"]),
        ("month=2027-05", ["Forum de printemps"]),  # a range reaches into the past
        ("territory=pays-diois&month=2027-06", ["Atelier installation"]),
        ("type=salon&audience=elus", []),
    ],
)
def test_each_filter(client, data, query, expected):
    response = client.get(f"{data.url}?{query}")
    assert response.status_code == 200
    assert titles(response) == expected
    assert not ignored(response)


def test_the_form_shows_the_current_filters(client, data):
    html = soup(client.get(data.url + "?territory=roannais&type=atelier&mode=online&free=1&start=2027-06-03"))
    form = html.select_one("form#agenda-filters[method=get]")
    assert form.select_one("select[name=territory] option[selected]")["value"] == "roannais"
    assert form.select_one("input[name=type][checked]")["value"] == "atelier"
    assert form.select_one("input[name=mode][checked]")["value"] == "online"
    assert form.select_one("input[name=free]").has_attr("checked")
    assert form.select_one("input[name=start]")["value"] == "2027-06-03"
    assert form.select_one("input[name=start]")["type"] == "date"
    assert form.select_one("input[name=end]")["type"] == "date"
    # Every field has a label; the radio and checkbox groups have a legend.
    for field in form.select("input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select"):
        assert form.select_one(f"label[for={field['id']}]"), field
    # A facet with no date within the other filters is not offered (no public here).
    assert [legend.get_text(strip=True) for legend in form.select("legend")] == [
        "Dates",
        "Lieu",
        "Participation",
        "Type d'événement",
        "Thématique",
    ]


def test_facet_counts_count_dates_over_the_other_filters_never_hidden_ones(client, data):
    agenda = client.get(data.url).context["agenda"]
    # (The hidden events' factories made types of their own: they count nothing.)
    counts = {name: {c.value: c.count for c in facet.choices if c.count} for name, facet in agenda.facets.items()}
    assert counts["territory"] == {"pays-diois": 2, "roannais": 2}  # the webinaire has no territory
    assert counts["type"] == {"atelier": 3, "salon": 1, "webinaire": 1}
    assert counts["theme"] == {"alimentation": 3, "tourisme": 1}
    assert counts["audience"] == {"porteurs-de-projet": 2, "elus": 1}

    # With a territory chosen, the other facets count within it; the territory facet still counts all.
    filtered = client.get(data.url + "?territory=pays-diois")
    agenda = filtered.context["agenda"]
    assert {c.value: c.count for c in agenda.facets["type"].choices if c.count} == {"atelier": 2}
    assert {c.value: c.count for c in agenda.facets["territory"].choices} == {"pays-diois": 2, "roannais": 2}
    html = soup(filtered)
    option = html.select_one("select[name=territory] option[value=roannais]")
    assert option.get_text(strip=True) == "Roannais (2)"
    labels = [li.get_text(" ", strip=True) for li in html.select("fieldset:has(input[name=type]) li")]
    assert labels == ["Tous les types", "Atelier (2)"]  # types without a date here are not offered


def test_chips_name_the_filters_and_remove_one_at_a_time(client, data):
    response = client.get(data.url + "?territory=roannais&type=atelier&free=1")
    assert titles(response) == ["Visite de ferme"]
    chips = {a.get_text(" ", strip=True): a["href"] for a in soup(response).select(".filter-chip")}
    assert set(chips) == {
        "Territoire : Roannais – retirer ce filtre ×",
        "Type d'événement : Atelier – retirer ce filtre ×",
        "Gratuit uniquement – retirer ce filtre ×",
    }
    without_type = chips["Type d'événement : Atelier – retirer ce filtre ×"]
    assert query_of(without_type) == {"territory": ["roannais"], "free": ["1"]}
    assert titles(client.get(without_type)) == ["Visite de ferme"]
    reset = soup(response).select_one(".filter-chips__reset")
    assert reset["href"] == data.url


def test_the_archive_lists_past_dates_newest_first(client, data):
    EventPageFactory(parent=data.index, title="Rencontre d'hiver", dates=[(at(1, 20, 9), at(1, 20, 12))])
    response = client.get(data.url + "?past=1")
    assert titles(response) == ["Forum de printemps", "Rencontre d'hiver"]
    assert count_text(response) == "2 événements passés"
    html = soup(response)
    back = html.find("a", string="Retour aux événements à venir")
    assert back["href"] == data.url
    assert html.select_one("input[type=hidden][name=past]")["value"] == "1"
    upcoming = soup(client.get(data.url))
    assert upcoming.find("a", string="Événements passés")["href"] == data.url + "?past=1"


def test_the_empty_state_suggests_how_to_widen(client, data):
    response = client.get(data.url + "?territory=pays-diois&type=webinaire")
    assert titles(response) == []
    assert count_text(response) == "Aucun événement"
    empty = soup(response).select_one(".agenda__empty")
    assert "Aucun événement ne correspond à ces critères." in empty.get_text(" ")
    links = {a.get_text(" ", strip=True): a["href"] for a in empty.select("a")}
    assert query_of(links["Retirer le filtre « Territoire : Pays Diois »"]) == {"type": ["webinaire"]}
    assert query_of(links["Retirer le filtre « Type d'événement : Webinaire »"]) == {"territory": ["pays-diois"]}
    assert links["Voir tous les événements à venir"] == data.url
    assert query_of(links["Chercher dans les événements passés"]) == {
        "territory": ["pays-diois"],
        "type": ["webinaire"],
        "past": ["1"],
    }


def test_an_empty_agenda_points_to_the_archive(client, site_tree):
    with time_machine.travel(NOW, tick=False):
        from tests.factories import EventIndexPageFactory

        index = EventIndexPageFactory(parent=site_tree.home)
        response = client.get(index.url)
    empty = soup(response).select_one(".agenda__empty")
    assert "Aucun événement à venir pour le moment." in empty.get_text(" ")
    assert empty.a["href"] == index.url + "?past=1"


@pytest.mark.parametrize(
    ("query", "messages", "field"),
    [
        ("start=2027-02-30", ["Valeur ignorée pour « Du » : « 2027-02-30 »."], "start"),
        ("end=demain", ["Valeur ignorée pour « Au » : « demain »."], "end"),
        ("month=2027-13", ["Valeur ignorée pour « Mois » : « 2027-13 »."], "month"),
        ("month=1999-01", ["Valeur ignorée pour « Mois » : « 1999-01 »."], "month"),
        ("territory=atlantide", ["Valeur ignorée pour « Territoire » : « atlantide »."], None),
        (
            "start=2027-07-01&end=2027-06-01",
            ["La date de début doit précéder la date de fin : les dates sont ignorées."],
            None,
        ),
    ],
)
def test_bad_values_are_shown_as_errors_and_ignored(client, data, query, messages, field):
    response = client.get(f"{data.url}?{query}")
    assert response.status_code == 200
    assert ignored(response) == messages
    assert titles(response) == UPCOMING  # the bad criterion is dropped, the rest of the page works
    if field:
        control = soup(response).select_one(f"#filter-{field}")
        assert control["aria-invalid"] == "true"
        error = soup(response).select_one(f"#filter-{field}-errors")
        assert error.get_text(strip=True)
        assert f"filter-{field}-errors" in control["aria-describedby"]


def test_pagination_keeps_the_filters(client, data):
    page = data.events["atelier"]
    EventDate.objects.bulk_create(
        [EventDate(page=page, locale=page.locale, start=at(9, day, 14), end=at(9, day, 16)) for day in range(1, 21)]
    )
    response = client.get(data.url + "?territory=pays-diois")
    assert len(titles(response)) == 12
    assert count_text(response) == "22 événements à venir, page 1 sur 2"
    nav = soup(response).select_one("nav.pagination")
    following = nav.select_one("a[rel=next]")["href"]
    assert query_of(following) == {"territory": ["pays-diois"], "page": ["2"]}
    second = client.get(data.url + following)
    assert len(titles(second)) == 10
    assert [h.get_text(strip=True) for h in soup(second).select(".agenda-month h2")] == ["Septembre 2027"]


def card_dates(response):
    """(title, start) of each card of the list, in order."""
    return [(link_title(card.select_one(".card__title a")), card.time["datetime"]) for card in cards(response)]


def test_every_page_of_the_list_comes_from_the_index_in_the_order_of_the_sql_query(client, data):
    page = data.events["atelier"]
    EventDate.objects.bulk_create(
        [EventDate(page=page, locale=page.locale, start=at(9, day, 14), end=at(9, day, 16)) for day in range(1, 21)]
    )
    forget_content()  # bulk_create sends no signal
    urls = [data.url, data.url + "?page=2", data.url + "?page=3"]  # 25 upcoming dates: 12, 12 and 1
    agenda = client.get(data.url).context["agenda"]
    in_sql = [date.pk for date in agenda.ordered]
    for url in urls:
        client.get(url)  # every card cached
    listed = []
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert [query["sql"] for query in queries.captured_queries if '"agenda_eventdate"' in query["sql"]] == []
        listed += [card.html for card in response.context["agenda"].page.object_list]
    assert [len(card_dates(client.get(url))) for url in urls] == [12, 12, 1]
    assert len(listed) == len(in_sql) == 25
    assert [agenda.index.pks[row] for row in agenda._listed_rows] == in_sql


def test_the_view_switch_marks_the_current_view(client, data):
    html = soup(client.get(data.url + "?territory=roannais"))
    views = html.select("nav.agenda-views a")
    assert [(a.get_text(strip=True), a.get("aria-current")) for a in views] == [("Liste", "page"), ("Mois", None)]
    assert query_of(views[1]["href"]) == {"territory": ["roannais"], "view": ["month"]}
    grid = soup(client.get(views[1]["href"]))
    assert [a.get("aria-current") for a in grid.select("nav.agenda-views a")] == [None, "page"]
    assert grid.select_one("input[type=hidden][name=view]")["value"] == "month"


def test_feeds_are_advertised_and_follow_the_filters(client, data):
    html = soup(client.get(data.url + "?territory=roannais&view=month&month=2027-07&page=1"))
    ical = html.head.select_one('link[rel=alternate][type="text/calendar"]')
    rss = html.head.select_one('link[rel=alternate][type="application/rss+xml"]')
    assert ical["href"] == data.url + "ical/?territory=roannais"
    assert rss["href"] == data.url + "rss/?territory=roannais"
    links = {a.get_text(strip=True): a["href"] for a in html.select(".agenda-feeds a")}
    assert links["S’abonner (webcal)"] == "webcal://testserver" + data.url + "ical/?territory=roannais"
    assert links["Télécharger (.ics)"] == ical["href"]
    assert links["RSS"] == rss["href"]


# The month grid --------------------------------------------------------------------------------------------


def grid_days(response):
    """``{day number: cell}`` for the days of the grid's month."""
    cells = soup(response).select(".agenda-grid td.agenda-grid__day:not(.agenda-grid__day--outside)")
    return {int(cell.select_one(".agenda-grid__number time")["datetime"][-2:]): cell for cell in cells}


def cell_titles(cell):
    return [a.select_one(".agenda-grid__title").get_text(strip=True) for a in cell.select(".agenda-grid__events a")]


def test_the_month_grid_shows_this_month_by_default_with_today_marked(client, data):
    response = client.get(data.url + "?view=month")
    html = soup(response)
    table = html.select_one(".agenda-grid table")
    assert table.caption.get_text(strip=True) == "Juin 2027"
    headers = table.select("thead th[scope=col]")
    assert [th.select_one(".visually-hidden").get_text() for th in headers] == [
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
    ]
    days = grid_days(response)
    assert sorted(days) == list(range(1, 31))
    assert [n for n, cell in days.items() if cell.get("aria-current") == "date"] == [2]
    assert "aujourd’hui" in days[2].get_text()
    assert cell_titles(days[5]) == ["Salon des métiers ruraux"]
    assert cell_titles(days[10]) == ["Atelier installation"]
    assert cell_titles(days[15]) == ["Webinaire reprise"]
    assert days[15].select_one(".event-status").get_text(strip=True) == "Complet"
    assert days[10].select_one(".agenda-grid__time").get_text(strip=True) == "14:00"
    assert days[5].select_one(".agenda-grid__time") is None  # all day
    assert days[10].select_one(".agenda-grid__events a")["href"] == data.events["atelier"].url
    # The day's number links to the list of that day when it has events.
    assert query_of(days[10].select_one(".agenda-grid__number a")["href"]) == {
        "start": ["2027-06-10"],
        "end": ["2027-06-10"],
    }
    assert days[11].select_one(".agenda-grid__number a") is None
    assert count_text(response) == "3 événements en juin 2027"
    # A month is a 7-column table of whole weeks; days of the neighbouring months are empty.
    assert {len(row.select("td")) for row in table.select("tbody tr")} == {7}
    assert all(not cell.get_text(strip=True) for cell in table.select("td.agenda-grid__day--outside"))


def test_the_month_grid_moves_month_by_month(client, data):
    response = client.get(data.url + "?view=month&month=2027-07&territory=pays-diois")
    html = soup(response)
    previous = html.select_one(".agenda-months a[rel=prev]")
    following = html.select_one(".agenda-months a[rel=next]")
    assert previous.get_text(" ", strip=True) == "← Mois précédent : Juin 2027"
    assert query_of(previous["href"]) == {"territory": ["pays-diois"], "month": ["2027-06"], "view": ["month"]}
    assert query_of(following["href"]) == {"territory": ["pays-diois"], "month": ["2027-08"], "view": ["month"]}
    days = grid_days(response)
    assert cell_titles(days[8]) == ["Atelier installation"]
    assert "agenda-grid__event--cancelled" in days[8].select_one(".agenda-grid__events li")["class"]
    assert days[8].select_one(".event-status").get_text(strip=True) == "Annulé"
    assert not [n for n, cell in days.items() if cell.get("aria-current")]  # today is in June
    assert count_text(response) == "1 événement en juillet 2027"
    html = soup(client.get(previous["href"]))
    assert html.select_one(".agenda-grid caption").get_text(strip=True) == "Juin 2027"
    assert html.select_one(".agenda-grid__day--busy")  # the June atelier
    december = soup(client.get(data.url + "?view=month&month=2027-12"))
    assert query_of(december.select_one(".agenda-months a[rel=next]")["href"])["month"] == ["2028-01"]
    assert december.select_one("[role=status]").get_text(strip=True) == "Aucun événement en décembre 2027"


def test_a_busy_day_shows_three_events_and_links_to_the_others(client, data):
    kind = EventTypeFactory(name="Marché", slug="marche")
    for n in range(5):
        EventPageFactory(
            parent=data.index, title=f"Marché {n}", event_type=kind, dates=[(at(6, 20, 8 + n), at(6, 20, 9 + n))]
        )
    response = client.get(data.url + "?view=month&month=2027-06")
    cell = grid_days(response)[20]
    assert cell_titles(cell) == ["Marché 0", "Marché 1", "Marché 2"]
    more = cell.select_one(".agenda-grid__more a")
    assert more.get_text(" ", strip=True) == "+ 2 autres le 20 juin"
    assert query_of(more["href"]) == {"start": ["2027-06-20"], "end": ["2027-06-20"]}
    assert titles(client.get(more["href"])) == [f"Marché {n}" for n in range(5)]
    assert count_text(response) == "8 événements en juin 2027"


def test_a_fair_across_the_turn_of_the_month_shows_on_the_first_day(client, data):
    # 30 July 9:00 to 2 August 18:00.
    EventPageFactory(parent=data.index, title="Foire de l'été", dates=[(at(7, 30, 9), at(8, 2, 18))])
    days = grid_days(client.get(data.url + "?view=month&month=2027-08"))
    assert cell_titles(days[1]) == ["Foire de l'été"]
    assert days[1].select_one(".agenda-grid__time") is None  # it started in July
    assert cell_titles(days[20]) == ["Visite de ferme"]


# Visibility ------------------------------------------------------------------------------------------------


def test_hidden_and_other_language_events_never_show(client, data):
    for query in ("", "?view=month&month=2027-06", "?start=2027-06-11&end=2027-06-13", "?past=1", "?q=evenement"):
        response = client.get(data.url + query)
        main_text = soup(response).main.get_text(" ")
        assert not [title for title in HIDDEN_TITLES if title in main_text], query
    agenda = client.get(data.url + "?start=2027-06-11&end=2027-06-13").context["agenda"]
    assert agenda.count == 0
    assert sum(c.count for c in agenda.facets["type"].choices) == 0
    # A logged-in visitor passes the login restriction: the gate, not the agenda, decides.
    client.force_login(UserFactory())
    assert titles(client.get(data.url + "?start=2027-06-11&end=2027-06-13")) == ["Événement réservé"]


def test_the_english_agenda_lists_the_english_events(client, data):
    response = client.get(data.url_en)
    assert response.status_code == 200
    assert titles(response) == ["Rural trades fair", "Settlement workshop", "Settlement workshop"]
    main_text = soup(response).main.get_text(" ")
    assert not [title for title in set(UPCOMING) if title in main_text]
    workshop = cards(response)[1]
    assert workshop.select_one(".card__meta").get_text(strip=True) == "Workshop"  # the type's English name
    assert workshop.select_one(".event-card__territory").get_text(strip=True) == "– Diois country"
    grid = client.get(data.url_en + "?view=month&month=2027-06&territory=pays-diois")
    assert cell_titles(grid_days(grid)[10]) == ["Settlement workshop"]


# Query budget ----------------------------------------------------------------------------------------------


def make_events(parent, count, images, types, start=0):
    return [
        EventPageFactory(
            parent=parent,
            title=f"Rencontre {n}",
            event_type=types[n % len(types)],
            image=images[n % len(images)],
            dates=[(at(6 + n % 2, 3 + n % 25, 9 + n % 8), at(6 + n % 2, 3 + n % 25, 10 + n % 8))],
        )
        for n in range(start, start + count)
    ]


def bulk_dates(pages, count):
    """``count`` more dates spread over June to December 2027, in one insert."""
    rows = []
    for n in range(count):
        page = pages[n % len(pages)]
        day = datetime.date(2027, 6, 3) + datetime.timedelta(days=n % 200)
        start = datetime.datetime.combine(day, datetime.time(8 + n % 10), NOW.tzinfo)
        rows.append(EventDate(page=page, locale=page.locale, start=start, end=start + datetime.timedelta(hours=2)))
    EventDate.objects.bulk_create(rows)


def test_the_list_and_the_grid_run_as_many_queries_with_1000_dates_as_with_20(
    client, data, django_assert_max_num_queries
):
    """20 events with a date each, then 60 more events (factories) and 1,000 more dates (one bulk insert):
    the queries of the list (plain and filtered, page 2) and of the month grid must not grow."""
    images = [wagtail_factories.ImageFactory(title=f"Image {n}") for n in range(6)]
    types = [EventTypeFactory(name=f"Type {n}", slug=f"type-{n}") for n in range(4)]
    urls = [
        data.url,
        data.url + "?q=rencontre&type=type-1&free=1&mode=onsite&page=2",
        data.url + "?territory=roannais&type=type-1&start=2027-06-03&end=2027-12-31&page=2",
        data.url + "?view=month&month=2027-06",
        data.url + "?view=month&month=2027-07&type=type-1",
    ]
    with time_machine.travel(NOW, tick=False):
        make_events(data.territories["roannais"], 15, images, types)
    assert EventPage.objects.live().count() >= 20
    budgets = []
    for url in urls:
        client.get(url)  # warm up: renditions, content types
        forget_content()  # measured with the data caches empty (counts, first pages, cards), as after an edit
        reset_queries()
        with django_assert_max_num_queries(80) as small:
            response = client.get(url)
        assert response.status_code == 200
        budgets.append(len(small.captured_queries))
    with time_machine.travel(NOW, tick=False):
        more = make_events(data.territories["roannais"], 60, images, types, start=15)
        bulk_dates(more, 1000)
    assert EventDate.objects.count() > 1000
    for url, budget in zip(urls, budgets, strict=True):
        client.get(url)
        forget_content()
        reset_queries()
        with django_assert_max_num_queries(budget) as big:
            response = client.get(url)
        # Really measured: the dates were read from the database, not from a cache.
        assert any("agenda_eventdate" in query["sql"] for query in big.captured_queries)
        agenda = response.context["agenda"]
        if agenda.view == "list":
            assert agenda.count > 12
    plain = soup(client.get(urls[0]))
    assert len(plain.select(".agenda-list img")) >= 10  # the renditions came prefetched
    grid = client.get(urls[3])
    assert max(len(cell.select(".agenda-grid__events li")) for cell in grid_days(grid).values()) == 3
    print(f"agenda queries: {budgets} (list, filtered ×2, grid ×2)")  # noqa: T201
