"""The home page and "La démarche" section, from the note d'intention of February 2017 (seed 000)."""

from cms.demo.approach import (
    OBJECTIVES,
    actions_page,
    objectives_page,
    organisation_page,
    partner_logos,
)
from cms.demo.legal import legal_pages
from cms.demo.news import news_section
from cms.demo.review import review_2016_page
from cms.demo.streams import (
    ImageRef,
    PageRef,
    accordion,
    call_to_action,
    card_grid,
    key_figures,
    link,
    paragraph,
)
from cms.demo.territories import territory_section
from cms.demo.texts import T
from cms.demo.tree import PageSpec


def home_spec():
    """The whole demo tree, from the home page down."""
    return PageSpec(
        "home.HomePage",
        T("accueil", "home"),
        T("Accueil", "Home"),
        fields={
            "summary": T(
                "Le réseau régional qui aide les citadins à travailler ou entreprendre à la campagne "
                "et les territoires ruraux à se faire connaître.",
                "The regional network that helps city dwellers work or start a business in the countryside "
                "and helps rural territories make themselves known.",
            ),
            "hero_title": T(
                "Vivre et travailler à la campagne : les territoires ruraux vous accueillent",
                "Live and work in the countryside: rural territories welcome you",
            ),
            "hero_text": T(
                "Coopérations et mobilités ville–campagne réunit des territoires ruraux d'Auvergne-Rhône-Alpes, "
                "des structures d'accompagnement urbaines et Cap Rural pour aider celles et ceux qui veulent "
                "trouver un emploi ou créer leur activité à la campagne.",
                "City–countryside cooperation and mobility brings together rural territories of Auvergne-Rhône-Alpes, "
                "urban business-support organisations and Cap Rural to help people who want to find a job or "
                "start their business in the countryside.",
            ),
            "hero_image": ImageRef("hills"),
            "hero_link": [
                ("link", link(PageRef("la-demarche"), T("Découvrir la démarche", "Discover the approach"))),
                ("link", link(PageRef("territoires"), T("Voir les territoires", "See the territories"))),
            ],
            "objectives_title": T("Les trois objectifs de la démarche", "The three objectives of the approach"),
            "objectives": [("objective", {"title": title, "text": text}) for title, text in OBJECTIVES],
            "entry_points": [
                (
                    "entry",
                    {
                        "title": T("Les territoires", "The territories"),
                        "text": T(
                            "Neuf territoires ruraux présentent leurs atouts, leurs contacts et leurs ressources.",
                            "Nine rural territories present their assets, their contacts and their support resources.",
                        ),
                        "link": link(PageRef("territoires"), ""),
                    },
                ),
                (
                    "entry",
                    {
                        "title": T("La démarche", "The approach"),
                        "text": T(
                            "Ses objectifs, ses actions 2017-2018, son organisation et le bilan 2016.",
                            "Its objectives, its 2017-2018 actions, how it is organised and the 2016 review.",
                        ),
                        "link": link(PageRef("la-demarche"), ""),
                    },
                ),
                (
                    "entry",
                    {
                        "title": T("Actualités", "News"),
                        "text": T(
                            "Sessions, chantiers et ressources du réseau.",
                            "Sessions, projects and resources of the network.",
                        ),
                        "link": link(PageRef("actualites"), ""),
                    },
                ),
                (
                    "entry",
                    {
                        "title": T("Contact", "Contact"),
                        "text": T(
                            "Une question, un projet d'installation ? Écrivez-nous.",
                            "A question, a plan to move? Write to us.",
                        ),
                        "link": link(PageRef("contact"), ""),
                    },
                ),
            ],
            "body": [
                key_figures(
                    T("Le salon des entrepreneurs de Lyon en 2016", "The Lyon entrepreneurs' fair in 2016"),
                    [
                        ("9", T("territoires ruraux sur un stand commun", "rural territories on a shared stand")),
                        ("94", T("porteurs de projets conseillés", "project holders advised")),
                        ("41", T("partenaires venus sur le stand", "partners visited the stand")),
                    ],
                ),
                partner_logos(),
            ],
        },
        children=[approach_section(), news_section(), territory_section(), *legal_pages()],
    )


def approach_section():
    return PageSpec(
        "cms.StandardPage",
        T("la-demarche", "the-approach"),
        T("La démarche", "The approach"),
        fields={
            "show_in_menus": True,
            "summary": T(
                "Une démarche de développement local portée par des territoires ruraux pour favoriser les mobilités "
                "ville-campagne, l'emploi et la création d'activités.",
                "A local development approach led by rural territories to foster town-country mobility, "
                "employment and business creation.",
            ),
            "body": [
                paragraph(
                    T(
                        "<p>« Coopérations et mobilités ville–campagne » désigne une démarche portée par des "
                        "territoires "
                        "ruraux rhônalpins. Initiée en 2015 par Cap Rural, opérationnelle dès 2016, elle entre en "
                        "2017-2018 dans une phase d'expérimentation à l'échelle de la Région Auvergne-Rhône-Alpes.</p>"
                        "<p>Deux constats en sont à l'origine : les acteurs ruraux et urbains de la création "
                        "d'entreprises ne se connaissent pas et ne travaillent pas ensemble ; et de nombreux porteurs "
                        "de projets urbains cherchent à s'installer à la campagne avec un projet souvent "
                        "insuffisamment "
                        "préparé.</p>",
                        "<p>“City–countryside cooperation and mobility” is an approach led by rural territories of the "
                        "Rhône-Alpes area. Started in 2015 by Cap Rural and up and running in 2016, it enters in "
                        "2017-2018 an experimental phase across the Auvergne-Rhône-Alpes Region.</p>"
                        "<p>It grew out of two observations: rural and urban players in business creation do not know "
                        "each other and do not work together; and many urban project holders want to settle in the "
                        "countryside, often with a project that is not prepared enough.</p>",
                    )
                ),
                card_grid(
                    T("Pour aller plus loin", "Find out more"),
                    [
                        PageRef("la-demarche/objectifs"),
                        PageRef("la-demarche/actions-2017-2018"),
                        PageRef("la-demarche/organisation"),
                        PageRef("la-demarche/bilan-2016"),
                    ],
                ),
                accordion(
                    T("Questions fréquentes", "Frequently asked questions"),
                    [
                        (
                            T("À qui s'adresse la démarche ?", "Who is the approach for?"),
                            T(
                                "<p>Aux personnes qui veulent vivre et travailler à la campagne, aux territoires "
                                "ruraux qui veulent les accueillir, et aux structures d'accompagnement urbaines "
                                "qui les conseillent.</p>",
                                "<p>People who want to live and work in the countryside, rural territories that "
                                "want to welcome them, and the urban support organisations that advise them.</p>",
                            ),
                        ),
                        (
                            T("Mon territoire peut-il rejoindre le réseau ?", "Can my territory join the network?"),
                            T(
                                "<p>Oui. La démarche a vocation à s'étendre à de nouveaux territoires ruraux et "
                                "urbains de la région. Prenez contact avec Cap Rural, chef de file.</p>",
                                "<p>Yes. The approach is meant to spread to new rural and urban territories in the "
                                "region. Get in touch with Cap Rural, the lead partner.</p>",
                            ),
                        ),
                        (
                            T("Qui finance la démarche ?", "Who funds the approach?"),
                            T(
                                "<p>La Région Auvergne-Rhône-Alpes et l'Union européenne (FEADER), avec la "
                                "participation des territoires. Le comité de suivi réunit financeurs et élus.</p>",
                                "<p>The Auvergne-Rhône-Alpes Region and the European Union (EAFRD), with a "
                                "contribution from the territories. The steering committee brings funders and "
                                "elected officials together.</p>",
                            ),
                        ),
                    ],
                ),
                call_to_action(
                    T("Un projet d'installation à la campagne ?", "Planning to move to the countryside?"),
                    T(
                        "Dites-nous où vous en êtes : nous vous orientons vers le bon territoire et les bons "
                        "interlocuteurs.",
                        "Tell us where you stand: we will point you to the right territory and the right people.",
                    ),
                    PageRef("contact"),
                    T("Nous écrire", "Write to us"),
                ),
            ],
        },
        children=[objectives_page(), actions_page(), organisation_page(), review_2016_page()],
    )
