"""The 2016 review page: the first actions of the approach and their figures (appendix of seed 000)."""

from cms.demo.streams import (
    DocumentRef,
    PageRef,
    call_to_action,
    documents,
    heading,
    key_figures,
    paragraph,
    quote,
    table,
)
from cms.demo.texts import N, T
from cms.demo.tree import PageSpec


def review_2016_page():
    rows = [
        [T("Date", "Date"), T("Lieu", "Place"), T("Action", "Action"), T("Résultats", "Results")],
        [
            T("3 mars 2016", "3 March 2016"),
            N("Vienne"),
            T("Session « Mettre en valeur son territoire »", "Session “Showcasing your territory”"),
            T("3 territoires prêts à organiser un événement local", "3 territories ready to hold a local event"),
        ],
        [
            T("19 mai 2016", "19 May 2016"),
            N("Lyon"),
            T("Session d'information pour les porteurs de projets", "Information session for project holders"),
            T("Environ 25 participants, dont 6 partenaires", "About 25 participants, including 6 partners"),
        ],
        [
            T("15 et 16 juin 2016", "15 and 16 June 2016"),
            N("Lyon"),
            T("Salon des entrepreneurs : stand commun", "Entrepreneurs' fair: shared stand"),
            T(
                "9 territoires, 94 porteurs de projets conseillés, 41 partenaires",
                "9 territories, 94 project holders advised, 41 partners",
            ),
        ],
        [
            T("26 septembre 2016", "26 September 2016"),
            N("Lyon"),
            T("Atelier « Mobiliser autrement »", "Workshop “Mobilising differently”"),
            T("Un format recherche-action jugé très pertinent", "An action-research format found very relevant"),
        ],
    ]
    return PageSpec(
        "cms.StandardPage",
        T("bilan-2016", "2016-review"),
        T("Bilan 2016", "2016 review"),
        fields={
            "show_in_menus": True,
            "summary": T(
                "Une session d'information à Lyon, un stand commun au salon des entrepreneurs et deux temps de "
                "formation : les premières actions de la démarche.",
                "An information session in Lyon, a shared stand at the entrepreneurs' fair and two training days: "
                "the first actions of the approach.",
            ),
            "body": [
                key_figures(
                    T("2016 en chiffres", "2016 in figures"),
                    [
                        ("25", T("participants à la session du 19 mai", "participants in the 19 May session")),
                        ("9", T("territoires ruraux sur le stand", "rural territories on the stand")),
                        ("94", T("porteurs de projets conseillés", "project holders advised")),
                        ("41", T("partenaires venus sur le stand", "partners visited the stand")),
                    ],
                ),
                heading(T("Session d'information à Lyon, 19 mai 2016", "Information session in Lyon, 19 May 2016")),
                paragraph(
                    T(
                        "<p>Organisée avec la Maison de l'Emploi et de la Formation de Lyon, avec le Collectif Ville "
                        "Campagne, l'AFE, le Beaujolais Vert et le Pays Diois. Environ 25 participants, dont 6 "
                        "partenaires, et un partenariat très constructif avec les prescripteurs urbains.</p>",
                        "<p>Organised with the Maison de l'Emploi et de la Formation in Lyon, with Collectif Ville "
                        "Campagne, AFE, Beaujolais Vert and Pays Diois. About 25 participants, including 6 partners, "
                        "and a very constructive partnership with urban referral organisations.</p>",
                    )
                ),
                heading(
                    T(
                        "Salon des entrepreneurs de Lyon, 15 et 16 juin 2016",
                        "Lyon entrepreneurs' fair, 15-16 June 2016",
                    )
                ),
                paragraph(
                    T(
                        "<p>Neuf territoires ruraux rhônalpins sur un stand commun et une conférence sur "
                        "l'entrepreneuriat au vert avec la Région Auvergne-Rhône-Alpes. 94 porteurs de projets ont été "
                        "conseillés et 41 partenaires sont venus sur le stand.</p>",
                        "<p>Nine rural territories of Rhône-Alpes on a shared stand and a talk on green-country "
                        "entrepreneurship with the Auvergne-Rhône-Alpes Region. 94 project holders were advised and "
                        "41 partners visited the stand.</p>",
                    )
                ),
                quote(
                    T(
                        "Une expérience innovante de coopération inter territoire sans notion de concurrence.",
                        "An innovative experience of cooperation between territories, without any sense of "
                        "competition.",
                    ),
                    T("Les territoires présents sur le stand", "The territories on the stand"),
                    T("Bilan du salon 2016", "Review of the 2016 fair"),
                ),
                heading(
                    T("Montée en compétences des agents de développement", "Training for local development officers")
                ),
                paragraph(
                    T(
                        "<p>Le 3 mars 2016 à Vienne, une session sur la mise en valeur de son territoire auprès des "
                        "candidats à l'installation ; le 26 septembre 2016 à Lyon, un atelier pour mobiliser autrement "
                        "avant et pendant un événement.</p>",
                        "<p>On 3 March 2016 in Vienne, a session on showcasing one's territory to people who want to "
                        "move there; on 26 September 2016 in Lyon, a workshop on mobilising people differently before "
                        "and during an event.</p>",
                    )
                ),
                table(T("Les actions 2016", "The 2016 actions"), rows),
                documents(T("Documents à télécharger", "Documents to download"), [DocumentRef("bilan-2016")]),
                call_to_action(
                    T("La suite : les actions 2017-2018", "What comes next: the 2017-2018 actions"),
                    T("Le programme de l'expérimentation régionale.", "The programme of the regional experiment."),
                    PageRef("la-demarche/actions-2017-2018"),
                    T("Voir le programme", "See the programme"),
                ),
            ],
        },
    )
