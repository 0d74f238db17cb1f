"""Write the load test's URL list (var/stack/loadtest-urls.txt) from the stack's database: `make loadtest` runs it.

One path per line; ops/loadtest/mix.lua picks lines at random, so a kind of page weighs as many lines as it
has. The mix is what the site's visitors do: mostly the catalogue and the offers, the agenda and its events,
some home pages, searches and feeds (the region's network polls the agenda feed). Filter values are the
catalogue's and the agenda's real choices (read through their filter sets, so the slugs are the ones the
forms offer); search terms are words of the demo's titles.
"""

import os
import random
import re
import sys
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent.parent
STATE = ROOT / "var" / "stack"
OUTPUT = STATE / "loadtest-urls.txt"
# Lines of each kind in the list (about 1,000 in all).
WEIGHTS = {"home": 80, "catalogue": 200, "offer": 200, "agenda": 150, "event": 150, "feed": 60, "search": 100}


def setup_django():
    for line in (STATE / "env").read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            name, value = line.split("=", 1)
            os.environ[name] = value
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def choices(form, name):
    return [value for value, _label in form.fields[name].choices if value]


def build(rng):
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory
    from django.urls import reverse
    from django.utils import timezone, translation

    from wagtail.models import Locale

    from agenda.filters import EventDateFilterSet
    from agenda.models import EventIndexPage, EventPage
    from offers.filters import SORT_CHOICES, OfferFilterSet
    from offers.models import OfferIndexPage, OfferPage

    lines = {kind: [] for kind in WEIGHTS}
    for code in ("fr", "en"):
        locale = Locale.objects.get(language_code=code)
        with translation.override(code):
            request = RequestFactory().get(f"/{code}/")
            request.LANGUAGE_CODE = code
            request.user = AnonymousUser()
            catalogue = OfferIndexPage.objects.live().public().filter(locale=locale).first()
            agenda = EventIndexPage.objects.live().public().filter(locale=locale).first()
            offer_form = OfferFilterSet({}, OfferPage.objects.none(), request=request, locale=locale).form
            agenda_form = EventDateFilterSet({}, None, request=request).form
            offer_filters = {
                name: choices(offer_form, name) for name in ("territory", "type", "sector", "department", "near")
            }
            months = [(timezone.localdate().replace(day=1) + timezone.timedelta(days=31 * n)) for n in range(6)]
            agenda_filters = {name: choices(agenda_form, name) for name in ("territory", "type", "theme", "audience")}
            agenda_filters["mode"] = choices(agenda_form, "mode")
            agenda_filters["month"] = [f"{m:%Y-%m}" for m in months]
            agenda_filters["free"] = ["on"]
            offers = [p.url for p in OfferPage.objects.live().public().filter(locale=locale)]
            events = [p.url for p in EventPage.objects.live().public().filter(locale=locale)]
            titles = " ".join(OfferPage.objects.filter(locale=locale).values_list("title", flat=True))
            words = sorted({w.lower() for w in re.findall(r"\w{5,}", titles)})
            lines["home"] += [f"/{code}/"] * (3 if code == "fr" else 1)
            lines["feed"] += [agenda.url + "ical/", agenda.url + "rss/", catalogue.url + "rss/"]
            sorts = [value for value, _label in SORT_CHOICES]
            for _ in range(WEIGHTS["catalogue"]):
                lines["catalogue"].append(catalogue.url + query(rng, offer_filters, sort=sorts))
            for _ in range(WEIGHTS["agenda"]):
                lines["agenda"].append(agenda.url + query(rng, agenda_filters))
            lines["offer"] += offers
            lines["event"] += events
            search = reverse("search")
            lines["search"] += [f"{search}?{urlencode({'q': word})}" for word in rng.sample(words, min(40, len(words)))]
    urls = []
    for kind, weight in WEIGHTS.items():
        pool = lines[kind]
        urls += [rng.choice(pool) for _ in range(weight)]
    rng.shuffle(urls)
    return urls, {kind: len(set(pool)) for kind, pool in lines.items()}


def query(rng, filters, sort=None):
    """Zero to two random filters among ``filters`` (a few sorted), as a query string."""
    params = {}
    for name in rng.sample(sorted(filters), rng.choice([0, 1, 1, 2])):
        if filters[name]:
            params[name] = rng.choice(filters[name])
    if sort and rng.random() < 0.2:
        params["sort"] = rng.choice(sort)
    return "?" + urlencode(params) if params else ""


def main():
    setup_django()
    urls, distinct = build(random.Random(int(os.environ.get("LOADTEST_SEED", "9"))))
    OUTPUT.write_text("\n".join(urls) + "\n")
    print(f"== loadtest: {len(urls)} URLs in {OUTPUT} (distinct: {distinct})")


if __name__ == "__main__":
    main()
