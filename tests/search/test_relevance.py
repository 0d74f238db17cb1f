"""Search relevance on the demo content: queries typed as visitors type them, and the page each must find.

Each case names the demo page that must be among the first five results of ``/fr/recherche/?q=…`` (or
``/en/search/?q=…``), read from the public HTML (``.search-results h3 a``, in rank order). Visitors type
without accents, in lower case, in the plural, with a few words of a title or a territory's name.

``needs_stemming``: the query only matches its page once words are reduced to their stem (a plural, another
form of the word): PostgreSQL stems (``french_unaccent``, ``english_unaccent``), SQLite matches each word's stem
as a prefix (``search.language.query_prefix``). Every case must pass on both backends.
``test_hit_rate`` reports top-1 and top-5 rates per backend.
"""

from dataclasses import dataclass
from io import StringIO
from urllib.parse import quote

import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client, override_settings

from wagtail.models import Page
from wagtail.search.models import IndexEntry

from tests.conftest import soup

pytestmark = pytest.mark.django_db

TOP = 5


@dataclass(frozen=True)
class Case:
    query: str
    expected: str
    language: str = "fr"
    needs_stemming: bool = False

    @property
    def url(self):
        path = "/en/search/" if self.language == "en" else "/fr/recherche/"
        return f"{path}?q={quote(self.query)}"

    def __str__(self):
        return f"{self.language}:{self.query}"


CASES = [
    # The examples.
    Case("economie circulaire", "Chargé·e de projet économie circulaire (CDD 18 mois)"),
    Case("reprise boulangerie", "Reprise d'une boulangerie de village à Saint-Sauveur-en-Rue"),
    Case("coworking Ardèche", "Fablab et coworking au Cheylard"),
    Case("coworking ardeche", "Fablab et coworking au Cheylard"),
    Case("formations élus", "Formation des élus : bâtir des coopérations villes–campagnes", needs_stemming=True),
    Case("formation elus", "Formation des élus : bâtir des coopérations villes–campagnes"),
    # Plurals and other forms of a word.
    Case("boulangeries a reprendre", "Boulangerie bio à reprendre à Luc-en-Diois", needs_stemming=True),
    Case("medecins generalistes", "Installation de médecin généraliste au Cheylard", needs_stemming=True),
    Case("ateliers agritourisme", "Atelier : créer une activité d'agritourisme", needs_stemming=True),
    Case("marches de producteurs", "Marché des producteurs et des métiers de bouche", needs_stemming=True),
    # Territories, by the name people use rather than the page's full title.
    Case("diois", "CC du Pays Diois"),
    Case("pays de saint felicien", "CC du Pays de Saint-Félicien"),
    Case("roannais", "Site de proximité du Roannais"),
    Case("pilat rhodanien", "CC du Pilat Rhodanien"),
    Case("beaujolais vert", "Pays Beaujolais (Beaujolais Vert)"),
    Case("oyonnax", "Ville d'Oyonnax"),
    Case("condrieu", "CC de la Région de Condrieu"),
    # Offers.
    Case("medecin cheylard", "Installation de médecin généraliste au Cheylard"),
    Case("tiers lieu die", "Tiers-lieu de Die : bureaux partagés et atelier numérique"),
    Case("ferme caprine", "Ferme caprine et fromagerie à transmettre"),
    Case("terres maraicheres", "Terres maraîchères pour une installation en bio"),
    Case("plantes aromatiques", "Terres pour plantes aromatiques et médicinales"),
    Case("ressourcerie", "Appel à projets : ressourcerie du Diois"),
    Case("librairie", "Librairie-papeterie à reprendre à Thizy-les-Bourgs"),
    Case("camping viarhona", "Camping au bord de la ViaRhôna à reprendre"),
    # Events, sessions and fairs.
    Case("salon primevere", "Salon Primevère : les territoires ruraux à l'espace installation"),
    Case("salon des entrepreneurs lyon", "Salon des entrepreneurs de Lyon : stand commun des territoires ruraux"),
    Case(
        "session information saint etienne",
        "Vivre et travailler à la campagne : session d'information à Saint-Étienne",
    ),
    Case("grenoble", "Vivre et travailler à la campagne : première session à Grenoble"),
    Case("job dating", "Job dating industrie"),
    Case("forum emploi saisonnier", "Forum de l'emploi saisonnier"),
    Case("webinaire reciprocite", "Webinaire : contrats de réciprocité ville–campagne, où en est-on ?"),
    Case("viticulture", "Session d'information : travailler dans la viticulture"),
    Case(
        "rencontres regionales",
        "Rencontres régionales des mobilités et de la création d'activités ville–campagne",
    ),
    Case("nouveaux arrivants", "Soirée d'accueil des nouveaux arrivants"),
    Case("preparer son installation a la campagne", "Permanence en ligne : préparer son installation à la campagne"),
    # News.
    Case(
        "contrat de reciprocite",
        "Contrat de réciprocité ville-campagne : une nouvelle opportunité pour mieux coopérer ?",
    ),
    Case("clusters", "Clusters, territoires et lien rural-urbain : six mémentos de bonnes pratiques"),
    Case(
        "entreprendre en collectif collectivites",
        "Cap Rural ouvre un nouveau chantier sur les liens entre entreprendre en collectif et collectivités en "
        "milieu rural",
    ),
    # Standard pages.
    Case("bilan 2016", "Bilan 2016"),
    Case("objectifs", "Objectifs"),
    Case("la demarche", "La démarche"),
    Case("mentions legales", "Mentions légales"),
    Case("accessibilite", "Déclaration d'accessibilité"),
    # English, against the English translations.
    Case("bakery takeover", "Village bakery takeover in Saint-Sauveur-en-Rue", "en"),
    Case("bakeries", "Organic bakery to take over in Luc-en-Diois", "en", needs_stemming=True),
    Case("circular economy", "Circular economy project officer", "en"),
    Case("coworking ardeche", "Fablab and coworking in Le Cheylard", "en"),
    Case("primevere fair", "Primevère fair: the rural territories at the settling-in area", "en"),
    Case("reciprocity contracts", "Town-country reciprocity contracts: a new opportunity to cooperate better?", "en"),
    Case("training elected officials", "Training for elected officials: building town–country cooperation", "en"),
    Case("diois", "CC du Pays Diois", "en"),
]


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo content, loaded once for the module and rolled back afterwards.

    ``load_demo`` indexes every page it saves (``cms.demo.indexing.reindex``), in both languages.
    """
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=str(media)), transaction.atomic():
        cache.clear()
        call_command("load_demo", stdout=StringIO(), stderr=StringIO())
        # Every live page of both trees has its index entry: a miss below is the ranking's, not the loader's.
        live = Page.objects.live().filter(depth__gt=1)
        indexed = set(IndexEntry.objects.values_list("object_id", flat=True))
        assert not [page.url_path for page in live if str(page.pk) not in indexed]
        yield
        transaction.set_rollback(True)
    cache.clear()


def ranked_titles(client, case):
    response = client.get(case.url)
    assert response.status_code == 200, (case.url, response.status_code)
    # Matched words are wrapped in <mark>: join the text pieces as the visitor reads them.
    return [" ".join(link.get_text().split()) for link in soup(response).select(".search-results h3 a")]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_query_finds_its_page_in_the_first_five(demo, client, case):
    titles = ranked_titles(client, case)
    assert case.expected in titles[:TOP], f"{case}: {case.expected!r} not in the first {TOP}: {titles[:TOP]}"


def test_hit_rate(demo, request):
    """Top-1 and top-5 hit rates over every case on this backend, reported in the terminal summary."""
    client = Client()
    ranks = {}
    for case in CASES:
        titles = ranked_titles(client, case)
        ranks[case] = titles.index(case.expected) + 1 if case.expected in titles else None
    total = len(CASES)
    top1 = sum(1 for rank in ranks.values() if rank == 1)
    top5 = sum(1 for rank in ranks.values() if rank is not None and rank <= TOP)
    misses = [str(case) for case, rank in ranks.items() if rank is None or rank > TOP]
    line = (
        f"search relevance on {connection.vendor}: top-1 {top1}/{total} ({top1 / total:.0%}), "
        f"top-5 {top5}/{total} ({top5 / total:.0%}); missed: {', '.join(misses) or 'none'}"
    )
    # Shown whatever ``-s``/``-q`` say: capture is suspended for the line, as pytest does for its own output.
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line("")
            reporter.write_line(line)
    request.node.user_properties.append(("hit_rate", line))
    assert not misses, line
