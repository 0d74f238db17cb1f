"""The pages of "La démarche": objectives, 2017-2018 actions, organisation and the 2016 review (seed 000)."""

from cms.demo.streams import (
    ImageRef,
    contact,
    heading,
    image,
    key_figures,
    paragraph,
    partners,
    timeline,
)
from cms.demo.texts import N, T, english
from cms.demo.tree import PageSpec

CONTACT_EMAIL = "construction.activite@caprural.org"
CONTACT_PHONE = "04 75 61 01 26"


def aurelie_braillon():
    return contact(
        N("Aurélie Braillon"),
        T(
            "Chargée de mission, dynamiques territoriales de créations d'activités",
            "Project officer, local dynamics for business creation",
        ),
        N("Cap Rural"),
        CONTACT_EMAIL,
        CONTACT_PHONE,
    )


def partner_logos():
    return partners(
        T("Ils portent la démarche", "The partners behind the approach"),
        [
            (N("Cap Rural"), ImageRef("logo-cap-rural"), "https://www.caprural.org/"),
            (N("Ardta"), ImageRef("logo-ardta"), ""),
            (N("Région Auvergne-Rhône-Alpes"), ImageRef("logo-region-aura"), "https://www.auvergnerhonealpes.fr/"),
            (N("Collectif Ville Campagne"), ImageRef("logo-cvc"), ""),
            (N("France Clusters"), ImageRef("logo-france-clusters"), "https://franceclusters.fr/"),
            (T("Union européenne (FEADER)", "European Union (EAFRD)"), ImageRef("logo-feader"), ""),
        ],
    )


OBJECTIVES = [
    (
        T(
            "Se mettre en mouvement sur l'accueil et la création d'activités",
            "Get moving on welcoming newcomers and creating activities",
        ),
        T(
            "Les territoires ruraux initient et renforcent des actions de construction d'offres d'activités, "
            "structurent leurs ressources d'accompagnement et valorisent leurs espaces d'implantation et de coworking.",
            "Rural territories start and strengthen work on building activity offers, organise their support "
            "resources and promote their business premises and coworking spaces.",
        ),
    ),
    (
        T(
            "Développer les liens urbain-rural dans les projets et dans l'accompagnement",
            "Develop urban-rural links in projects and in business support",
        ),
        T(
            "Les acteurs de l'accompagnement en milieu urbain et rural travaillent ensemble et apprennent à se "
            "connaître : le suivi des porteurs de projets qui s'installent à la campagne s'en trouve amélioré.",
            "Urban and rural business advisers work together and get to know each other, so project holders "
            "moving to the countryside are better followed.",
        ),
    ),
    (
        T(
            "Renforcer la coopération et la mutualisation entre territoires ruraux",
            "Strengthen cooperation and pooling between rural territories",
        ),
        T(
            "Les territoires ruraux se font connaître ensemble, gagnent en visibilité et échangent expériences "
            "et pratiques sur l'accueil et la construction d'offres d'activités.",
            "Rural territories promote themselves together, become more visible and share experience and "
            "practice on welcoming newcomers and building activity offers.",
        ),
    ),
]


def objectives_page():
    body = [
        paragraph(
            T(
                "<p>La démarche renforce les coopérations entre territoires ruraux et entre acteurs de la ville et "
                "de la campagne pour faciliter :</p>"
                "<ul><li>les mobilités ville-campagne des actifs ;</li>"
                "<li>des projets d'activités reposant sur des dynamiques rurales-urbaines (alimentation, tourisme, "
                "économie circulaire…) ;</li>"
                "<li>la création d'emplois et d'entreprises.</li></ul>",
                "<p>The approach strengthens cooperation between rural territories and between town and country "
                "players, in order to make easier:</p>"
                "<ul><li>town-to-country moves of working people;</li>"
                "<li>business projects built on rural-urban dynamics (food, tourism, circular economy…);</li>"
                "<li>the creation of jobs and businesses.</li></ul>",
            )
        ),
        image(
            ImageRef("plateau"),
            T(
                "Illustration : un plateau cultivé sous un ciel clair",
                "Illustration: farmland on a plateau under a clear sky",
            ),
            T("Des territoires ruraux qui se mettent en mouvement", "Rural territories on the move"),
            T("Illustration générée pour la démonstration", "Illustration generated for the demo"),
        ),
    ]
    for title, text in OBJECTIVES:
        body += [heading(title), paragraph(T(f"<p>{text}</p>", f"<p>{english(text)}</p>"))]
    return PageSpec(
        "cms.StandardPage",
        T("objectifs", "objectives"),
        T("Objectifs", "Objectives"),
        fields={
            "show_in_menus": True,
            "summary": T(
                "Trois objectifs : se mettre en mouvement sur l'accueil, développer les liens urbain-rural, "
                "renforcer la coopération entre territoires ruraux.",
                "Three objectives: get moving on welcoming newcomers, develop urban-rural links, strengthen "
                "cooperation between rural territories.",
            ),
            "body": body,
        },
    )


def actions_page():
    entries = [
        (
            T("2017", "2017"),
            T("Sessions « Vivre et travailler à la campagne »", "“Live and work in the countryside” sessions"),
            T(
                "<p>Trois sessions d'information pour les porteurs de projets souhaitant créer en rural, à Lyon, "
                "Saint-Étienne et dans un troisième lieu, avec les acteurs urbains de l'accompagnement.</p>",
                "<p>Three information sessions for project holders who want to set up in a rural area, in Lyon, "
                "Saint-Étienne and a third place, with urban business-support organisations.</p>",
            ),
        ),
        (
            T("2017", "2017"),
            T("Stand commun au salon des entrepreneurs de Lyon", "Shared stand at the Lyon entrepreneurs' fair"),
            T(
                "<p>Une douzaine de territoires ruraux sur un même stand et un atelier sur les opportunités "
                "d'installation en rural, pour gagner en visibilité et mutualiser les coûts.</p>",
                "<p>About twelve rural territories on one stand and a workshop on opportunities to settle in "
                "rural areas, to be more visible and share the costs.</p>",
            ),
        ),
        (
            T("2017", "2017"),
            T("Session pour les accompagnateurs urbains", "Session for urban business advisers"),
            T(
                "<p>À l'initiative du Beaujolais Vert et du Site de proximité Centre Ardèche, une session sur la "
                "métropole lyonnaise pour présenter les opportunités d'installation et les relais ruraux.</p>",
                "<p>Initiated by Beaujolais Vert and the Centre Ardèche local site, a session in the Lyon "
                "metropolitan area to present opportunities to settle and rural contacts.</p>",
            ),
        ),
        (
            T("2017", "2017"),
            T("Workshop entre professionnels de l'urbain et du rural", "Workshop for urban and rural professionals"),
            T(
                "<p>Un atelier de forme originale (type hackathon) avec les acteurs de l'accompagnement de la "
                "métropole lyonnaise pour commencer à co-construire l'événement régional.</p>",
                "<p>A workshop in an original format (hackathon style) with business-support players of the Lyon "
                "metropolitan area, to start designing the regional event together.</p>",
            ),
        ),
        (
            T("2017-2018", "2017-2018"),
            T("Professionnalisation des territoires", "Training for the territories"),
            T(
                "<p>Formations et échanges d'expériences sur les offres qualifiées, la présentation de son "
                "territoire et l'accueil de porteurs de projets sur un stand.</p>",
                "<p>Training and sharing of experience on qualified offers, presenting one's territory and "
                "welcoming project holders on a stand.</p>",
            ),
        ),
        (
            T("2017-2018", "2017-2018"),
            T("Des événements locaux valorisés régionalement", "Local events promoted regionally"),
            T(
                "<p>Une communication commune des événements organisés dans cinq ou six territoires ruraux.</p>",
                "<p>Joint communication on the events organised in five or six rural territories.</p>",
            ),
        ),
        (
            T("2018", "2018"),
            T(
                "Un événement régional dédié aux mobilités ville-campagne",
                "A regional event on town-country mobility",
            ),
            T(
                "<p>Un événement co-organisé à Lyon par territoires urbains et ruraux, réseaux de "
                "l'accompagnement, institutions et cofinanceurs, pour valoriser les offres d'activités et les "
                "territoires ruraux.</p>",
                "<p>An event in Lyon organised jointly by urban and rural territories, business-support networks, "
                "institutions and co-funders, to promote activity offers and rural territories.</p>",
            ),
        ),
    ]
    return PageSpec(
        "cms.StandardPage",
        N("actions-2017-2018"),
        T("Actions 2017-2018", "Actions 2017-2018"),
        fields={
            "show_in_menus": True,
            "summary": T(
                "Sessions d'information, salons, professionnalisation des territoires et un événement régional : "
                "le programme de l'expérimentation.",
                "Information sessions, fairs, training for the territories and a regional event: the programme "
                "of the experiment.",
            ),
            "body": [
                key_figures(
                    T("L'expérimentation en chiffres", "The experiment in figures"),
                    [
                        ("3", T("sessions d'information en 2017", "information sessions in 2017")),
                        ("12", T("territoires ruraux sur le stand commun", "rural territories on the shared stand")),
                        ("5-6", T("événements locaux valorisés", "local events promoted")),
                        ("1", T("événement régional en 2018", "regional event in 2018")),
                    ],
                ),
                timeline(T("Le programme", "The programme"), entries),
                heading(T("Quatre principes d'action", "Four principles for action")),
                paragraph(
                    T(
                        "<ul><li><b>Réseau et déploiement</b> : les actions gagnent de nouveaux territoires, par "
                        "exemple "
                        "des sessions à Grenoble.</li>"
                        "<li><b>Ouverture</b> : de nouvelles « briques » s'ajoutent grâce à de nouveaux acteurs, comme "
                        "une bourse aux projets innovants rural-urbain.</li>"
                        "<li><b>Apprentissage</b> : apprendre collectivement des actions menées.</li>"
                        "<li><b>Transfert</b> : partager les enseignements avec d'autres régions, notamment via les "
                        "Réseaux ruraux.</li></ul>",
                        "<ul><li><b>Network and spread</b>: actions reach new territories, for instance sessions in "
                        "Grenoble.</li>"
                        "<li><b>Openness</b>: new “building blocks” are added thanks to new players, such as a "
                        "marketplace for innovative rural-urban projects.</li>"
                        "<li><b>Learning</b>: learning together from the actions carried out.</li>"
                        "<li><b>Transfer</b>: sharing lessons with other regions, in particular through the Rural "
                        "Networks.</li></ul>",
                    )
                ),
            ],
        },
    )


def organisation_page():
    return PageSpec(
        "cms.StandardPage",
        T("organisation", "organisation"),
        T("Organisation", "Organisation"),
        fields={
            "show_in_menus": True,
            "summary": T(
                "Une démarche de territoires, coordonnée par Cap Rural : équipe projet, comité de suivi, réseau "
                "de partenaires et prestataires.",
                "An approach led by territories and coordinated by Cap Rural: project team, steering committee, "
                "partner network and service providers.",
            ),
            "body": [
                paragraph(
                    T(
                        "<p>C'est avant tout une démarche de territoires. Ils ont fait appel à Cap Rural, qui les "
                        "accompagne en tant que chef de file, en lien avec d'autres organismes comme l'Ardta.</p>",
                        "<p>It is first and foremost an approach of the territories. They called on Cap Rural, which "
                        "supports them as lead partner, together with other organisations such as Ardta.</p>",
                    )
                ),
                heading(T("L'équipe projet", "The project team")),
                paragraph(
                    T(
                        "<p>Les structures associées et actives dans la construction de la démarche : territoires "
                        "ruraux, Cap Rural, Ardta. L'équipe projet :</p>"
                        "<ul><li>définit les objectifs, les ambitions et la ligne conductrice de la démarche ;</li>"
                        "<li>est garante de son caractère expérimental ;</li>"
                        "<li>fait des propositions au comité de suivi ;</li>"
                        "<li>représente la démarche et recherche les financements.</li></ul>",
                        "<p>The organisations involved in building the approach: rural territories, Cap Rural, Ardta. "
                        "The project team:</p>"
                        "<ul><li>sets the objectives, ambitions and guiding line of the approach;</li>"
                        "<li>keeps it experimental;</li>"
                        "<li>makes proposals to the steering committee;</li>"
                        "<li>represents the approach and looks for funding.</li></ul>",
                    )
                ),
                heading(T("Le comité de suivi", "The steering committee")),
                paragraph(
                    T(
                        "<p>Financeurs et élus valident et enrichissent le travail de l'équipe projet.</p>",
                        "<p>Funders and elected officials approve and enrich the work of the project team.</p>",
                    )
                ),
                heading(T("Le chef de file : Cap Rural", "The lead partner: Cap Rural")),
                paragraph(
                    T(
                        "<p>Cap Rural assure la coordination de la démarche et porte ses financements.</p>",
                        "<p>Cap Rural coordinates the approach and manages its funding.</p>",
                    )
                ),
                heading(T("Le réseau de partenaires", "The partner network")),
                paragraph(
                    T(
                        "<p>Territoires ruraux, structures d'accompagnement et organismes ressources participent à la "
                        "démarche ou y contribuent ponctuellement en menant des actions.</p>",
                        "<p>Rural territories, business-support organisations and resource bodies take part in the "
                        "approach or contribute to it from time to time by running actions.</p>",
                    )
                ),
                heading(T("Les prestataires extérieurs", "External service providers")),
                paragraph(
                    T(
                        "<p>Selon les besoins : conception, communication, logistique, intervenants.</p>",
                        "<p>As needed: design, communication, logistics, speakers.</p>",
                    )
                ),
                partner_logos(),
                aurelie_braillon(),
            ],
        },
    )
