"""Demo training resources: the six France Clusters mementos and four Cap Rural sessions, each with a PDF.

From the client's documents (``shared/seeds``): the mementos co-produced with France Clusters in the 2016
and 2017 workshops (no dates given, so none is invented), the 2016 sessions "Mettre en valeur son territoire
pour des candidats à l'installation" (3 March, Vienne) and "Mobiliser autrement avant et lors d'un
évènement" (26 September, Lyon), and the reciprocity-contract sessions of 6 December 2016 and
24 September 2021 near Valence TGV station. The PDFs are generated (``members.pdf``), kept in the
"Documents adhérents" collection, found again by title so a second load changes nothing.
"""

import datetime

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from cms.demo.streams import PageRef, paragraph
from cms.demo.texts import N, T
from cms.demo.tree import PageSpec
from cms.models import Audience, Theme
from members.documents import members_collection
from members.models import ResourceKind
from members.pdf import minimal_pdf

AREA = "espace-adherents"
SESSION_2016_VALENCE = "contrat-reciprocite-2016"


def ensure_document(title, filename, lines):
    """The PDF document titled ``title`` in the members' collection, created once."""
    model = get_document_model()
    collection = members_collection()
    document = model.objects.filter(title=title, collection=collection).order_by("pk").first()
    if document is None:
        document = model(title=title, collection=collection)
        document.file = ContentFile(minimal_pdf(title, lines), name=filename)
        document._set_document_file_metadata()
        document.save()
    return document


# slug (fr, en), title (fr, en), kind, themes, audiences, session (title, date, place, speakers), summary, body
MEMENTOS = [
    (
        ("memento-outils-creativite", "memento-creativity-tools"),
        (
            "Mémento : les outils de créativité pour coopérer entre entreprises",
            "Memento: creativity tools for cooperation between businesses",
        ),
        ["entrepreneuriat-collectif"],
        (
            "Fablabs, tiers-lieux d'innovation, espaces de coworking : comment incarner son réseau dans un lieu.",
            "Fablabs, innovation third places, coworking spaces: how to embody a network in a place.",
        ),
        1,
    ),
    (
        ("memento-clusters-territoires", "memento-clusters-and-territories"),
        ("Mémento : clusters et territoires locaux", "Memento: clusters and local territories"),
        ["entrepreneuriat-collectif", "cooperation-ville-campagne"],
        (
            "Les relations entre clusters et organisations territoriales, la RSE comme vecteur de coopérations.",
            "Relations between clusters and territorial bodies; CSR as a driver of cooperation.",
        ),
        1,
    ),
    (
        ("memento-clusters-attractivite", "memento-clusters-and-attractiveness"),
        ("Mémento : clusters et attractivité du territoire", "Memento: clusters and the territory's appeal"),
        ["accueil-d-actifs"],
        (
            "Pourquoi et comment les clusters participent à construire et diffuser l'attractivité du territoire.",
            "Why and how clusters help build and spread the appeal of their territory.",
        ),
        1,
    ),
    (
        ("memento-sentiment-appartenance", "memento-sense-of-belonging"),
        (
            "Mémento : développer le sentiment d'appartenance à un réseau, à un territoire",
            "Memento: fostering a sense of belonging to a network and a territory",
        ),
        ["accueil-d-actifs"],
        (
            "Marketing territorial, marque de territoire : exprimer et faire vivre le sentiment d'appartenance.",
            "Place marketing and territorial brands: expressing and sustaining a sense of belonging.",
        ),
        2,
    ),
    (
        ("memento-cooperation-rural-urbain", "memento-rural-urban-cooperation"),
        (
            "Mémento : renforcer la coopération entre rural et urbain",
            "Memento: strengthening rural–urban cooperation",
        ),
        ["cooperation-ville-campagne"],
        (
            "Relocaliser l'économie sur le territoire et analyser les contrats de réciprocité.",
            "Relocating the economy in the territory and analysing reciprocity contracts.",
        ),
        2,
    ),
    (
        ("memento-nouvelles-economies", "memento-new-economies"),
        (
            "Mémento : de nouvelles approches de l'économie et de l'emploi",
            "Memento: new approaches to the economy and employment",
        ),
        ["economie-circulaire"],
        (
            "Économie de la fonctionnalité, économie circulaire, gestion prévisionnelle des emplois et compétences.",
            "Functional economy, circular economy, forward planning of jobs and skills.",
        ),
        2,
    ),
]
WORKSHOPS = {
    1: T("Ateliers de co-production France Clusters 2016", "France Clusters co-production workshops 2016"),
    2: T("Ateliers de co-production France Clusters 2017", "France Clusters co-production workshops 2017"),
}

SESSIONS = [
    {
        "slug": ("mettre-en-valeur-son-territoire", "showcasing-your-territory"),
        "title": (
            "Mettre en valeur son territoire pour des candidats à l'installation",
            "Showcasing your territory to people planning to move there",
        ),
        "kind": ResourceKind.SLIDES,
        "themes": ["accueil-d-actifs"],
        "audiences": ["agents-de-developpement"],
        "date": datetime.date(2016, 3, 3),
        "place": "Vienne (38)",
        "speakers": "Collectif Ville Campagne",
        "summary": (
            "Le support de la session de Cap Rural avec l'intervention du Collectif Ville Campagne.",
            "The slides of Cap Rural's session, with the Collectif Ville Campagne's talk.",
        ),
    },
    {
        "slug": ("mobiliser-autrement", "mobilising-differently"),
        "title": (
            "Mobiliser autrement avant et lors d'un évènement",
            "Mobilising people differently before and during an event",
        ),
        "kind": ResourceKind.METHOD,
        "themes": ["accueil-d-actifs"],
        "audiences": ["agents-de-developpement"],
        "date": datetime.date(2016, 9, 26),
        "place": "Lyon (69)",
        "speakers": "Prima Terra",
        "summary": (
            "La fiche méthode de l'atelier de travail de Cap Rural, avec l'intervention de Prima Terra.",
            "The method sheet of Cap Rural's workshop, with Prima Terra's talk.",
        ),
    },
    {
        "slug": (SESSION_2016_VALENCE, "reciprocity-contract-2016"),
        "title": (
            "Contrat de réciprocité ville–campagne : nouvelle opportunité pour mieux coopérer ?",
            "Town–country reciprocity contracts: a new opportunity to cooperate better?",
        ),
        "kind": ResourceKind.SLIDES,
        "themes": ["cooperation-ville-campagne"],
        "audiences": ["elus", "agents-de-developpement"],
        "date": datetime.date(2016, 12, 6),
        "place": "Gare de Valence TGV (26)",
        "speakers": (
            "Vincent Chassagne, Mairie-conseils – Caisse des Dépôts\n"
            "Bruno Caraguel et Sophie Gouin, Espace Belledonne\n"
            "Alexandre Mignotte, Grenoble Alpes Métropole\n"
            "Jean-Yves Pineau, Collectif Ville Campagne"
        ),
        "summary": (
            "L'expérimentation des contrats de réciprocité, l'exemple de Brest et du Pays Centre Ouest Bretagne, "
            "les pistes entre l'Espace Belledonne et Grenoble Alpes Métropole.",
            "The reciprocity contracts experiment, the example of Brest and the Pays Centre Ouest Bretagne, "
            "the avenues explored by the Espace Belledonne and Grenoble Alpes Métropole.",
        ),
    },
    {
        "slug": ("contrat-reciprocite-2021", "reciprocity-contract-2021"),
        "title": (
            "Coopérations villes-campagnes : vers des paniers de transactions réciproques",
            "Town–country cooperation: towards baskets of reciprocal transactions",
        ),
        "kind": ResourceKind.TOOL,
        "themes": ["cooperation-ville-campagne"],
        "audiences": ["elus", "agents-de-developpement"],
        "date": datetime.date(2021, 9, 24),
        "place": "Secteur gare de Valence TGV (26)",
        "speakers": "Ariane Audisio, Transitions\nDominique Bernier, Cap Rural",
        "summary": (
            "Un jeu sérieux pour co-construire des paniers de biens et services entre l'urbain et le rural.",
            "A serious game to build baskets of goods and services between town and country together.",
        ),
    },
]


def _terms(model, slugs, fr):
    return list(model.objects.filter(slug__in=slugs, locale=fr).order_by("slug"))


def _spec(slug, title, kind, summary, fr, *, themes, audiences=(), session=("", None, "", ""), related=()):
    session_title, date, place, speakers = session
    document = ensure_document(title[0], f"{slug[0]}.pdf", [summary[0]])
    return PageSpec(
        "members.TrainingResourcePage",
        T(*slug),
        T(*title),
        fields={
            "kind": kind,
            "summary": T(*summary),
            "themes": _terms(Theme, themes, fr),
            "audiences": _terms(Audience, audiences, fr),
            "session_title": session_title,
            "session_date": date,
            "session_place": N(place) if place else "",
            "session_speakers": speakers,
            "documents": [("document", {"document": document, "caption": T(f"{title[0]} (PDF)", f"{title[1]} (PDF)")})],
            "related_resources": [("resource", PageRef(f"{AREA}/{path}")) for path in related],
            "body": [paragraph(T(f"<p>{summary[0]}</p>", f"<p>{summary[1]}</p>"))],
        },
    )


def resource_specs(fr):
    """The page specs of the demo resources (their documents created on the way)."""
    specs = []
    for slug, title, themes, summary, workshop in MEMENTOS:
        specs.append(
            _spec(
                slug,
                title,
                ResourceKind.MEMENTO,
                summary,
                fr,
                themes=themes,
                audiences=["agents-de-developpement"],
                session=(WORKSHOPS[workshop], None, "", "France Clusters"),
            )
        )
    for session in SESSIONS:
        related = [SESSION_2016_VALENCE] if session["slug"][0] == "contrat-reciprocite-2021" else []
        specs.append(
            _spec(
                session["slug"],
                session["title"],
                session["kind"],
                session["summary"],
                fr,
                themes=session["themes"],
                audiences=session["audiences"],
                session=(T(*session["title"]), session["date"], session["place"], session["speakers"]),
                related=related,
            )
        )
    return specs
