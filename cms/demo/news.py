"""The news section: items from Cap Rural's and France Clusters' announcements (seeds 001, 002, 004)."""

import datetime

from cms.demo.streams import ImageRef, PageRef, call_to_action, contact, heading, paragraph
from cms.demo.texts import N, T
from cms.demo.tree import PageSpec


def news_section():
    return PageSpec(
        "cms.NewsIndexPage",
        T("actualites", "news"),
        T("Actualités", "News"),
        fields={
            "show_in_menus": True,
            "summary": T(
                "Les nouvelles du réseau : chantiers, sessions, ressources.",
                "News from the network: projects, sessions, resources.",
            ),
            "intro": T(
                "<p>Chantiers en cours, sessions à venir et ressources produites par le réseau et ses partenaires.</p>",
                "<p>Ongoing projects, upcoming sessions and resources produced by the network and its partners.</p>",
            ),
        },
        children=[collective_entrepreneurship(), clusters_mementos(), reciprocity_contracts()],
    )


def collective_entrepreneurship():
    return PageSpec(
        "cms.NewsPage",
        T("entreprendre-en-collectif-et-collectivites", "collective-entrepreneurship-and-local-authorities"),
        T(
            "Cap Rural ouvre un nouveau chantier sur les liens entre entreprendre en collectif et collectivités "
            "en milieu rural",
            "Cap Rural opens a new project on the links between collective entrepreneurship and local "
            "authorities in rural areas",
        ),
        fields={
            "date": datetime.date(2021, 3, 22),
            "image": ImageRef("town"),
            "image_alt": "",
            "summary": T(
                "Une étude, des sessions et un groupe de travail pour mieux relier l'entrepreneuriat collectif et "
                "les collectivités rurales. Première rencontre le 27 avril 2021.",
                "A study, sessions and a working group to better connect collective entrepreneurship and rural "
                "local authorities. First meeting on 27 April 2021.",
            ),
            "body": [
                paragraph(
                    T(
                        "<p>Dans les espaces ruraux, de plus en plus de projets d'activités économiques sous forme "
                        "collective ou de coopérations entre structures existantes voient le jour. Ces formes "
                        "réinventent les manières d'entreprendre, souvent pour un développement économique plus ancré "
                        "et plus durable.</p>"
                        "<p>Pour mieux comprendre cette évolution et faciliter les rapports entre collectivités et "
                        "entrepreneuriat collectif, Cap Rural a engagé à l'été 2020 une étude sur les nouvelles formes "
                        "d'entrepreneuriat collectif et leurs liens au développement local.</p>",
                        "<p>In rural areas, more and more economic projects take a collective form or rely on "
                        "cooperation between existing organisations. They reinvent ways of doing business, often for "
                        "economic development that is more rooted and more sustainable.</p>"
                        "<p>To better understand this trend and ease relations between local authorities and "
                        "collective "
                        "entrepreneurship, Cap Rural started a study in summer 2020 on new forms of collective "
                        "entrepreneurship and their links with local development.</p>",
                    )
                ),
                heading(T("Un plan d'actions dès 2021", "An action plan from 2021")),
                paragraph(
                    T(
                        "<ul><li>des sessions ;</li>"
                        "<li>une présentation aux partenaires de l'accompagnement des pistes d'actions issues de "
                        "l'étude ;</li>"
                        "<li>des ressources, des outils et des documents ;</li>"
                        "<li>un groupe de travail dédié.</li></ul>",
                        "<ul><li>sessions;</li>"
                        "<li>a presentation of the study's proposals to business-support partners;</li>"
                        "<li>resources, tools and documents;</li>"
                        "<li>a dedicated working group.</li></ul>",
                    )
                ),
                heading(T("Rejoindre le groupe de travail", "Join the working group")),
                paragraph(
                    T(
                        "<p>Porteurs de projets collectifs, acteurs de l'accompagnement, élus et chargés de mission de "
                        "collectivités sont invités à partager leurs expériences, identifier les besoins prioritaires, "
                        "produire des méthodes et les transmettre à d'autres acteurs.</p>"
                        "<p>Le groupe se réunira trois à quatre fois dans l'année. Première rencontre le <b>mardi 27 "
                        "avril 2021</b> en matinée.</p>",
                        "<p>Collective project holders, business-support players, elected officials and local "
                        "authority "
                        "officers are invited to share their experience, identify priority needs, produce methods and "
                        "pass them on to others.</p>"
                        "<p>The group will meet three or four times a year. First meeting on <b>Tuesday 27 April "
                        "2021</b> in the morning.</p>",
                    )
                ),
                contact(
                    N("Aurélie Braillon"),
                    T(
                        "Dynamiques territoriales de créations d'activités – construction d'offres d'activités",
                        "Local dynamics for business creation – building activity offers",
                    ),
                    N("Cap Rural"),
                    "construction.activite@caprural.org",
                    "04 75 61 01 26",
                ),
            ],
        },
        tags=["entrepreneuriat collectif", "collectivités", "groupe de travail"],
    )


def clusters_mementos():
    return PageSpec(
        "cms.NewsPage",
        T("clusters-territoires-et-lien-rural-urbain", "clusters-territories-and-rural-urban-links"),
        T(
            "Clusters, territoires et lien rural-urbain : six mémentos de bonnes pratiques",
            "Clusters, territories and rural-urban links: six good-practice guides",
        ),
        fields={
            "date": datetime.date(2016, 6, 30),
            "image": ImageRef("river"),
            "image_alt": "",
            "summary": T(
                "France Clusters, le Collectif Ville Campagne et l'Association des Pays co-produisent avec les "
                "acteurs ruraux six mémentos sur l'innovation en milieu rural et le lien rural-urbain.",
                "France Clusters, Collectif Ville Campagne and the Association of Pays are producing, with rural "
                "players, six guides on innovation in rural areas and rural-urban links.",
            ),
            "body": [
                paragraph(
                    T(
                        "<p>Lauréats de l'appel à projets du Réseau rural national, France Clusters, le Collectif "
                        "Ville "
                        "Campagne et l'ANPP s'intéressent aux ressources spécifiques des espaces ruraux et aux "
                        "capacités de mise en réseau des pôles et clusters avec les acteurs urbains.</p>",
                        "<p>Winners of the National Rural Network's call for projects, France Clusters, Collectif "
                        "Ville "
                        "Campagne and ANPP look at the specific resources of rural areas and at how clusters can "
                        "network with urban players.</p>",
                    )
                ),
                heading(T("Les ateliers de co-production", "The co-production workshops")),
                paragraph(
                    T(
                        "<ul><li>2016 : outils de créativité pour coopérer entre entreprises (fablabs, tiers-lieux, "
                        "coworking) ;</li>"
                        "<li>2016 : clusters et territoires locaux ;</li>"
                        "<li>2016 : clusters et attractivité du territoire ;</li>"
                        "<li>2017 : le sentiment d'appartenance à un réseau, à un territoire ;</li>"
                        "<li>2017 : renforcer la coopération rural-urbain ;</li>"
                        "<li>2017 : nouvelles approches de l'économie et de l'emploi (économie circulaire, économie de "
                        "la fonctionnalité).</li></ul>",
                        "<ul><li>2016: creativity tools for cooperation between businesses (fablabs, third places, "
                        "coworking);</li>"
                        "<li>2016: clusters and local territories;</li>"
                        "<li>2016: clusters and the attractiveness of a territory;</li>"
                        "<li>2017: the sense of belonging to a network, to a territory;</li>"
                        "<li>2017: strengthening rural-urban cooperation;</li>"
                        "<li>2017: new approaches to the economy and employment (circular economy, functional "
                        "economy).</li></ul>",
                    )
                ),
            ],
        },
        tags=["clusters", "lien rural-urbain", "innovation"],
    )


def reciprocity_contracts():
    return PageSpec(
        "cms.NewsPage",
        T("contrat-de-reciprocite-ville-campagne", "town-country-reciprocity-contracts"),
        T(
            "Contrat de réciprocité ville-campagne : une nouvelle opportunité pour mieux coopérer ?",
            "Town-country reciprocity contracts: a new opportunity to cooperate better?",
        ),
        fields={
            "date": datetime.date(2016, 10, 20),
            "image": ImageRef("valley"),
            "image_alt": "",
            "summary": T(
                "Une session le 6 décembre 2016 près de la gare Valence TGV pour les élus, directeurs et agents "
                "qui veulent bâtir des coopérations ville-campagne solides.",
                "A session on 6 December 2016 near Valence TGV station for elected officials, directors and "
                "officers who want to build strong town-country cooperation.",
            ),
            "body": [
                paragraph(
                    T(
                        "<p>De multiples flux relient territoires ruraux et urbains. Le programme du gouvernement en "
                        "faveur des ruralités expérimente des contrats de réciprocité ville-campagne, des accords "
                        "« gagnant-gagnant » entre le rural et l'urbain. Au-delà de l'injonction, comment bâtir des "
                        "coopérations voulues et solides ?</p>",
                        "<p>Many flows connect rural and urban territories. The government's rural programme is "
                        "testing town-country reciprocity contracts, “win-win” agreements between rural and urban "
                        "areas. Beyond the instruction, how can we build cooperation that is wanted and strong?</p>",
                    )
                ),
                heading(T("Au programme", "Programme")),
                paragraph(
                    T(
                        "<ul><li>état des lieux de l'expérimentation des contrats de réciprocité ;</li>"
                        "<li>le contrat entre Brest Métropole et le Pays Centre Ouest Bretagne ;</li>"
                        "<li>les pistes de coopération entre l'Espace Belledonne et Grenoble Alpes Métropole ;</li>"
                        "<li>réflexion collective sur les conditions des coopérations villes-campagnes.</li></ul>",
                        "<ul><li>where the experiment with reciprocity contracts stands;</li>"
                        "<li>the contract between Brest Métropole and Pays Centre Ouest Bretagne;</li>"
                        "<li>cooperation ideas between Espace Belledonne and Grenoble Alpes Métropole;</li>"
                        "<li>group discussion on what makes town-country cooperation work.</li></ul>",
                    )
                ),
                call_to_action(
                    T("Une question sur la session ?", "A question about the session?"),
                    T("20 participants au maximum.", "20 participants at most."),
                    PageRef("contact"),
                    T("Nous contacter", "Contact us"),
                ),
            ],
        },
        tags=["réciprocité", "lien rural-urbain", "élus"],
    )
