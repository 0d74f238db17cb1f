"""The demo events' data: event types, the archive of the network's real sessions, the regional events.

Each event is written in French and English side by side; ``When`` rows give its dates (see the package
docstring for how relative days are counted).
"""

import datetime
from dataclasses import dataclass, field

from agenda.models import AttendanceMode, DateStatus, RegistrationMode
from cms.demo.texts import N

# slug, (name), (description)
EVENT_TYPES = [
    (
        "session-information",
        ("Session d'information", "Information session"),
        (
            "Une présentation ouverte à celles et ceux qui veulent s'installer à la campagne, ou qui les conseillent.",
            "A presentation open to people who want to settle in the countryside, or who advise them.",
        ),
    ),
    (
        "formation",
        ("Formation", "Training"),
        (
            "Une journée pour monter en compétences, destinée surtout aux agents des territoires.",
            "A day to build skills, mainly for the territories' officers.",
        ),
    ),
    (
        "atelier",
        ("Atelier", "Workshop"),
        ("Un temps de travail en petit groupe.", "A hands-on session in a small group."),
    ),
    (
        "salon",
        ("Salon", "Fair"),
        (
            "Un salon où les territoires ruraux tiennent un stand, souvent commun.",
            "A fair where rural territories hold a stand, often a shared one.",
        ),
    ),
    (
        "webinaire",
        ("Webinaire", "Webinar"),
        ("Une présentation en ligne, en direct.", "A live online presentation."),
    ),
    (
        "evenement-local",
        ("Événement local", "Local event"),
        (
            "Un marché, un forum ou une fête organisés par un territoire.",
            "A market, a forum or a festival run by a territory.",
        ),
    ),
    (
        "journee-regionale",
        ("Journée régionale", "Regional day"),
        ("Une rencontre de tout le réseau régional.", "A gathering of the whole regional network."),
    ),
    (
        "visite",
        ("Visite", "Visit"),
        ("La visite d'un lieu, d'une entreprise ou d'une ferme.", "A visit to a place, a business or a farm."),
    ),
]


@dataclass(frozen=True)
class When:
    """One typed date: a real date, or a number of days after the Monday of the load's week.

    Without ``start`` the date is all day; ``days`` is how many days it covers. ``deadline``: registration
    closes at 23:59 on that date, or that many days before the first day. ``first_of_month`` moves the day
    forward by weeks to the first such weekday of a month (for a ``BYDAY=1TU`` rule).
    """

    day: int | datetime.date
    start: str = ""
    end: str = ""
    days: int = 1
    status: str = DateStatus.SCHEDULED
    capacity: int | None = None
    deadline: int | datetime.date | None = None
    first_of_month: bool = False


@dataclass
class Event:
    """One demo event: French and English texts side by side; ``where`` is a territory slug, "" for a regional
    event (under the agenda)."""

    where: str
    slug: tuple
    title: tuple
    event_type: str
    summary: tuple
    body: tuple
    place: tuple | None  # venue, address, commune, postcode, latitude, longitude; None: online only
    dates: list
    themes: list = field(default_factory=list)
    audiences: list = field(default_factory=list)
    attendance: str = AttendanceMode.OFFLINE
    online_link: str = ""
    registration: tuple = (RegistrationMode.NONE, "")  # mode, link or e-mail address
    price: str | None = None
    price_details: tuple = ("", "")
    membership_required: bool = False
    recurrence: str = ""
    exceptions: tuple = ()  # days after the first date
    programme: tuple | None = None  # ([French items], [English items])
    organiser: str = ""
    contact: tuple | None = None  # name, e-mail, phone
    accessibility: tuple = ("", "")
    image: str = ""


CAP_RURAL = "Cap Rural"
TRAINING_CONTACT = ("Dominique Bernier", "dominique.bernier@example.org", "04 65 71 03 01")
SESSIONS_CONTACT = ("Aurélie Braillon", "aurelie.braillon@example.org", "04 65 71 03 02")
STEP_FREE = ("Salle de plain-pied, accessible en fauteuil roulant.", "Step-free room, wheelchair accessible.")
MEMBERS_ONLY = (
    "Participation soumise à la cotisation annuelle à Cap Rural.",
    "Attendance requires the annual membership fee to Cap Rural.",
)

# Regional places
LYON_MEF = ("Maison de l'Emploi et de la Formation de Lyon", "", "Lyon", "", 45.7640, 4.8357)
LYON_CONGRESS = ("Centre de congrès de Lyon", "50 quai Charles de Gaulle", "Lyon", "69006", 45.7860, 4.8520)
LYON_REGION = (
    "Hôtel de Région Auvergne-Rhône-Alpes",
    "1 esplanade François Mitterrand",
    "Lyon",
    "69002",
    45.7430,
    4.8190,
)
VALENCE_TGV = ("Salle de réunion près de la gare Valence TGV", "", "Alixan", "26300", 44.9910, 4.9780)
SAINT_ETIENNE = ("Cité du design", "3 rue Javelin Pagnon", "Saint-Étienne", "42000", 45.4470, 4.3970)
GRENOBLE = ("Maison des associations", "6 rue Berthe de Boissieux", "Grenoble", "38000", 45.1885, 5.7245)
EUREXPO = ("Eurexpo Lyon", "Boulevard de l'Europe", "Chassieu", "69680", 45.7310, 4.9470)
VIENNE = ("", "", "Vienne", "38200", 45.5250, 4.8740)
LYON = ("", "", "Lyon", "", 45.7640, 4.8357)

ARCHIVE = [
    Event(
        "",
        ("mettre-en-valeur-son-territoire-vienne-2016", "showcasing-your-territory-vienne-2016"),
        (
            "Mettre en valeur son territoire pour des candidats à l'installation",
            "Showcasing your territory to people planning to move there",
        ),
        "formation",
        (
            "Une session de Cap Rural pour les agents de développement des territoires ruraux, avec le Collectif "
            "Ville Campagne.",
            "A Cap Rural session for the development officers of rural territories, with the Collectif Ville Campagne.",
        ),
        (
            "Acquérir des méthodes et des outils, découvrir des expériences et échanger entre territoires pour "
            "présenter son territoire à celles et ceux qui envisagent de s'y installer. À l'issue de la session, "
            "trois territoires ont décidé d'organiser leurs propres événements locaux.",
            "Learning methods and tools, discovering other experiences and sharing between territories to present "
            "one's territory to people thinking of settling there. After the session, three territories decided "
            "to organise their own local events.",
        ),
        VIENNE,
        [When(datetime.date(2016, 3, 3))],
        themes=["accueil-d-actifs"],
        audiences=["agents-de-developpement"],
        organiser=CAP_RURAL,
    ),
    Event(
        "",
        ("vivre-et-travailler-a-la-campagne-lyon-2016", "living-and-working-in-the-countryside-lyon-2016"),
        (
            "Vivre et travailler à la campagne : session d'information à Lyon",
            "Living and working in the countryside: information session in Lyon",
        ),
        "session-information",
        (
            "Une première session pour les personnes qui veulent s'installer à la campagne, avec la Maison de "
            "l'Emploi et de la Formation de Lyon.",
            "A first session for people who want to settle in the countryside, with the Lyon employment and "
            "training centre.",
        ),
        (
            "Des intervenants de l'AFE, du Collectif Ville Campagne, du Beaujolais Vert et du Pays Diois ont donné "
            "un premier niveau d'information et présenté des offres concrètes. Environ 25 participants, dont six "
            "partenaires, sont venus ; les territoires en sont repartis avec de nouveaux contacts.",
            "Speakers from the AFE, the Collectif Ville Campagne, Beaujolais Vert and Pays Diois gave a first "
            "level of information and presented concrete offers. About 25 people came, six of them partners; the "
            "territories went home with new contacts.",
        ),
        LYON_MEF,
        [When(datetime.date(2016, 5, 19))],
        themes=["accueil-d-actifs", "cooperation-ville-campagne"],
        audiences=["porteurs-de-projets"],
        organiser=N("Cap Rural et la Maison de l'Emploi et de la Formation de Lyon"),
    ),
    Event(
        "",
        ("salon-des-entrepreneurs-de-lyon-2016", "lyon-entrepreneurs-fair-2016"),
        (
            "Salon des entrepreneurs de Lyon 2016 : stand commun des territoires ruraux",
            "Lyon entrepreneurs' fair 2016: the rural territories' shared stand",
        ),
        "salon",
        (
            "Neuf territoires ruraux rhônalpins sur un stand commun, et une conférence sur l'entrepreneuriat au vert.",
            "Nine rural territories of the Rhône-Alpes area on a shared stand, and a talk on starting a business "
            "in the countryside.",
        ),
        (
            "Sur le stand, 94 porteurs de projets ont été conseillés et 41 partenaires sont venus à la rencontre "
            "des territoires. La conférence « Entrepreneuriat au vert », organisée avec la Région "
            "Auvergne-Rhône-Alpes, a réuni l'AFE et trois entrepreneurs installés à la campagne.",
            "On the stand, 94 project holders were advised and 41 partners came to meet the territories. The "
            "“Entrepreneurship in the countryside” talk, organised with the Auvergne-Rhône-Alpes Region, brought "
            "together the AFE and three entrepreneurs who had moved to the countryside.",
        ),
        LYON_CONGRESS,
        [When(datetime.date(2016, 6, 15), days=2)],
        themes=["accueil-d-actifs", "cooperation-ville-campagne"],
        audiences=["porteurs-de-projets"],
        organiser=CAP_RURAL,
    ),
    Event(
        "",
        ("mobiliser-autrement-lyon-2016", "mobilising-differently-lyon-2016"),
        (
            "Mobiliser autrement avant et lors d'un évènement",
            "Mobilising people differently before and during an event",
        ),
        "atelier",
        (
            "Un atelier de travail de Cap Rural avec Prima Terra pour les agents des territoires ruraux.",
            "A Cap Rural workshop with Prima Terra for the officers of rural territories.",
        ),
        (
            "Une mise en situation, au format recherche-action, qui a montré combien un événement gagne à être "
            "conçu collectivement.",
            "A role play, run as action research, which showed how much an event gains from being designed together.",
        ),
        LYON,
        [When(datetime.date(2016, 9, 26))],
        themes=["cooperation-ville-campagne"],
        audiences=["agents-de-developpement"],
        organiser=CAP_RURAL,
    ),
    Event(
        "",
        ("contrat-de-reciprocite-ville-campagne-2016", "town-country-reciprocity-contracts-2016"),
        (
            "Contrat de réciprocité ville–campagne : nouvelle opportunité pour mieux coopérer ?",
            "Town–country reciprocity contracts: a new opportunity to cooperate better?",
        ),
        "formation",
        (
            "Une journée pour les élus, directeurs et agents sur les coopérations entre villes et campagnes.",
            "A day for elected officials, directors and officers on cooperation between towns and countryside.",
        ),
        (
            "Au-delà de l'injonction, comment bâtir des coopérations villes–campagnes voulues et solides ? "
            "Témoignages de Brest Métropole et du Pays Centre Ouest Bretagne, de l'Espace Belledonne et de Grenoble "
            "Alpes Métropole, panorama d'outils et réflexion collective.",
            "Beyond the official call, how can towns and countryside build cooperation that is wanted and lasts? "
            "Accounts from Brest Métropole and the Pays Centre Ouest Bretagne, from Espace Belledonne and Grenoble "
            "Alpes Métropole, an overview of tools and a collective discussion.",
        ),
        VALENCE_TGV,
        [When(datetime.date(2016, 12, 6), "09:30", "17:00", capacity=20, deadline=datetime.date(2016, 11, 29))],
        themes=["cooperation-ville-campagne"],
        audiences=["elus", "agents-de-developpement"],
        registration=(RegistrationMode.SITE, ""),
        membership_required=True,
        price_details=MEMBERS_ONLY,
        organiser=CAP_RURAL,
        contact=TRAINING_CONTACT,
    ),
    Event(
        "",
        ("entreprendre-en-collectif-groupe-de-travail-2021", "collective-entrepreneurship-working-group-2021"),
        (
            "Entreprendre en collectif en milieu rural : première rencontre du groupe de travail",
            "Collective entrepreneurship in rural areas: first meeting of the working group",
        ),
        "atelier",
        (
            "Porteurs de projets collectifs, accompagnateurs, élus et chargés de mission partagent leurs expériences.",
            "Collective project holders, advisers, elected officials and officers share their experience.",
        ),
        (
            "Le groupe de travail ouvert par Cap Rural après son étude de 2020 partage les expériences de chacun, "
            "repère les besoins prioritaires et produit des méthodes et des outils. Il se réunit trois à quatre "
            "fois dans l'année.",
            "The working group Cap Rural set up after its 2020 study shares everyone's experience, identifies the "
            "most pressing needs and produces methods and tools. It meets three or four times a year.",
        ),
        None,
        [When(datetime.date(2021, 4, 27), "09:30", "12:30")],
        themes=["entrepreneuriat-collectif"],
        audiences=["porteurs-de-projets", "structures-d-accompagnement-urbaines", "elus", "agents-de-developpement"],
        registration=(RegistrationMode.LINK, "https://www.example.org/cap-rural/groupe-entreprendre-en-collectif"),
        organiser=CAP_RURAL,
        contact=SESSIONS_CONTACT,
    ),
    Event(
        "",
        ("cooperations-villes-campagnes-2021", "town-country-cooperation-2021"),
        (
            "Coopérations villes–campagnes : vers des transactions gagnant-gagnant",
            "Town–country cooperation: towards win-win exchanges",
        ),
        "formation",
        (
            "Une journée pour outiller élus et agents : construire des paniers de biens et services échangés "
            "entre l'urbain et le rural.",
            "A day to equip elected officials and officers: putting together baskets of goods and services "
            "exchanged between town and countryside.",
        ),
        (
            "Dans la continuité de la session de septembre 2019 sur les réciprocités territoriales, cette journée "
            "met au cœur des échanges les modalités concrètes pour activer des coopérations entre villes et "
            "campagnes, avec les apports de la recherche-action de l'agence Transitions. Animation : Ariane "
            "Audisio (Transitions) et Dominique Bernier (Cap Rural).",
            "Following on from the September 2019 session on territorial reciprocity, this day focuses on the "
            "practical ways to set up cooperation between towns and countryside, drawing on the action research "
            "of the Transitions agency. Led by Ariane Audisio (Transitions) and Dominique Bernier (Cap Rural).",
        ),
        VALENCE_TGV,
        [When(datetime.date(2021, 9, 24), "09:30", "17:00", capacity=20, deadline=datetime.date(2021, 9, 15))],
        themes=["cooperation-ville-campagne"],
        audiences=["elus", "agents-de-developpement"],
        registration=(RegistrationMode.SITE, ""),
        membership_required=True,
        price_details=MEMBERS_ONLY,
        programme=(
            [
                "Les relations villes–campagnes : état des lieux des opportunités et modalités de coopération",
                "Partage des situations territoriales : décryptage et capitalisation d'expériences",
                "Vers des paniers de transactions réciproques : un jeu sérieux",
            ],
            [
                "Town–country relations: where the opportunities and ways to cooperate stand",
                "Sharing territorial situations: analysing and learning from experience",
                "Towards baskets of reciprocal exchanges: a serious game",
            ],
        ),
        organiser=CAP_RURAL,
        contact=TRAINING_CONTACT,
    ),
]

REGIONAL = [
    Event(
        "",
        ("vivre-et-travailler-a-la-campagne-lyon", "living-and-working-in-the-countryside-lyon"),
        (
            "Vivre et travailler à la campagne : session d'information à Lyon",
            "Living and working in the countryside: information session in Lyon",
        ),
        "session-information",
        (
            "Une matinée pour les Lyonnais qui veulent trouver un emploi ou créer leur activité à la campagne.",
            "A morning for people in Lyon who want to find a job or start a business in the countryside.",
        ),
        (
            "Des chargés de mission de quatre territoires ruraux présentent leurs offres d'activités, les "
            "ressources d'accompagnement et la vie sur place, puis reçoivent chacun en petits groupes.",
            "Officers from four rural territories present their activity offers, the support available and life "
            "there, then meet everyone in small groups.",
        ),
        LYON_MEF,
        [When(16, "09:30", "12:30", capacity=40, deadline=2)],
        themes=["accueil-d-actifs", "cooperation-ville-campagne"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "sessions@example.org"),
        accessibility=STEP_FREE,
        organiser=N("Cap Rural et la Maison de l'Emploi et de la Formation de Lyon"),
        contact=SESSIONS_CONTACT,
        image="town",
    ),
    Event(
        "",
        ("vivre-et-travailler-a-la-campagne-saint-etienne", "living-and-working-in-the-countryside-saint-etienne"),
        (
            "Vivre et travailler à la campagne : session d'information à Saint-Étienne",
            "Living and working in the countryside: information session in Saint-Étienne",
        ),
        "session-information",
        (
            "Les territoires de la Loire et du Rhône présentent leurs opportunités d'installation aux Stéphanois.",
            "The territories of the Loire and the Rhône present their opportunities to settle to people in "
            "Saint-Étienne.",
        ),
        (
            "Roannais, Pilat Rhodanien, Monts du Pilat et Région de Condrieu présentent commerces à reprendre, "
            "emplois et locaux disponibles. Un temps d'échange individuel suit les présentations.",
            "Roannais, Pilat Rhodanien, Monts du Pilat and Région de Condrieu present shops to take over, jobs and "
            "available premises. One-to-one talks follow the presentations.",
        ),
        SAINT_ETIENNE,
        [When(37, "14:00", "17:00", capacity=40)],
        themes=["accueil-d-actifs", "reprise-d-entreprise"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.LINK, "https://www.example.org/inscription/session-saint-etienne"),
        accessibility=STEP_FREE,
        organiser=CAP_RURAL,
        contact=SESSIONS_CONTACT,
        image="hills",
    ),
    Event(
        "",
        ("vivre-et-travailler-a-la-campagne-grenoble", "living-and-working-in-the-countryside-grenoble"),
        (
            "Vivre et travailler à la campagne : première session à Grenoble",
            "Living and working in the countryside: first session in Grenoble",
        ),
        "session-information",
        (
            "La démarche s'étend : une première session d'information pour les candidats à l'installation de "
            "l'agglomération grenobloise.",
            "The approach is spreading: a first information session for would-be newcomers from the Grenoble area.",
        ),
        (
            "Pays Diois, Centre Ardèche et Ville d'Oyonnax viennent présenter leurs territoires, leurs offres et "
            "leurs contacts. Apportez vos questions : logement, emploi du conjoint, écoles, accompagnement.",
            "Pays Diois, Centre Ardèche and the town of Oyonnax come to present their territories, offers and "
            "contacts. Bring your questions: housing, a job for your partner, schools, business support.",
        ),
        GRENOBLE,
        [When(72, "09:30", "12:30", capacity=35)],
        themes=["accueil-d-actifs"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.LINK, "https://www.example.org/inscription/session-grenoble"),
        organiser=CAP_RURAL,
        image="mountains",
    ),
    Event(
        "",
        ("vivre-et-travailler-a-la-campagne-reprendre-lyon", "living-and-working-in-the-countryside-takeovers-lyon"),
        (
            "Vivre et travailler à la campagne : soirée thématique « reprendre une entreprise »",
            "Living and working in the countryside: evening session on taking over a business",
        ),
        "session-information",
        (
            "Une session thématique en soirée pour celles et ceux qui veulent reprendre un commerce, un atelier "
            "ou une ferme.",
            "An evening session for people who want to take over a shop, a workshop or a farm.",
        ),
        (
            "Des cédants et des repreneurs témoignent ; les chambres consulaires présentent les aides à la "
            "transmission et les territoires leurs entreprises à reprendre.",
            "Sellers and buyers share their experience; the chambers of commerce, crafts and agriculture present "
            "the help available and the territories their businesses for sale.",
        ),
        LYON_MEF,
        [When(107, "18:00", "20:00", capacity=60)],
        themes=["reprise-d-entreprise"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "sessions@example.org"),
        accessibility=STEP_FREE,
        organiser=CAP_RURAL,
        contact=SESSIONS_CONTACT,
        image="town",
    ),
    Event(
        "",
        ("session-structures-d-accompagnement-urbaines", "session-for-urban-support-organisations"),
        (
            "Installer ses porteurs de projets à la campagne : session pour les conseillers urbains",
            "Helping your clients settle in the countryside: a session for urban advisers",
        ),
        "session-information",
        (
            "À l'initiative des territoires ruraux, une matinée pour les conseillers à l'emploi et à la création "
            "de la métropole lyonnaise.",
            "Organised by the rural territories, a morning for the employment and business advisers of the Lyon "
            "metropolitan area.",
        ),
        (
            "Le Beaujolais Vert et le Site de proximité Centre Ardèche présentent les opportunités d'installation "
            "en rural, les ressources et les relais d'accompagnement, pour que le suivi des porteurs de projets "
            "continue quand ils quittent la ville.",
            "Beaujolais Vert and the Centre Ardèche local site present the opportunities to settle in rural areas, "
            "the resources and the support contacts, so that project holders are still followed once they leave "
            "the city.",
        ),
        LYON_MEF,
        [When(23, "09:00", "12:00", capacity=30)],
        themes=["cooperation-ville-campagne", "accueil-d-actifs"],
        audiences=["structures-d-accompagnement-urbaines"],
        registration=(RegistrationMode.EMAIL, "sessions@example.org"),
        organiser=N("Pays Beaujolais et Site de proximité Centre Ardèche"),
        image="plateau",
    ),
    Event(
        "",
        ("salon-des-entrepreneurs-de-lyon", "lyon-entrepreneurs-fair"),
        (
            "Salon des entrepreneurs de Lyon : stand commun des territoires ruraux",
            "Lyon entrepreneurs' fair: the rural territories' shared stand",
        ),
        "salon",
        (
            "Une douzaine de territoires ruraux sur un même stand, et un atelier sur les opportunités "
            "d'installation en rural.",
            "A dozen rural territories on one stand, and a workshop on the opportunities to settle in rural areas.",
        ),
        (
            "Venez rencontrer les chargés de mission des territoires : emplois, entreprises à reprendre, locaux, "
            "tiers-lieux et accompagnement. L'atelier « S'installer à la campagne » a lieu le premier jour à "
            "14 heures.",
            "Come and meet the territories' officers: jobs, businesses to take over, premises, third places and "
            "support. The “Settling in the countryside” workshop takes place on the first day at 2 pm.",
        ),
        LYON_CONGRESS,
        [When(58, days=2)],
        themes=["accueil-d-actifs", "reprise-d-entreprise", "cooperation-ville-campagne"],
        audiences=["porteurs-de-projets", "structures-d-accompagnement-urbaines"],
        registration=(RegistrationMode.LINK, "https://www.example.org/salon-des-entrepreneurs/badge"),
        price_details=(
            "Entrée gratuite sur inscription auprès du salon.",
            "Free entry after registering with the fair.",
        ),
        accessibility=STEP_FREE,
        organiser=CAP_RURAL,
        contact=SESSIONS_CONTACT,
        image="town",
    ),
    Event(
        "",
        ("salon-primevere", "primevere-fair"),
        (
            "Salon Primevère : les territoires ruraux à l'espace installation",
            "Primevère fair: the rural territories at the settling-in area",
        ),
        "salon",
        (
            "Trois jours pour parler installation, alimentation et économie circulaire avec les territoires ruraux.",
            "Three days to talk about settling in, food and the circular economy with rural territories.",
        ),
        (
            "Les territoires du réseau partagent un stand pour améliorer la visibilité de tous et mutualiser les "
            "coûts. Producteurs, repreneurs et porteurs de projets de réemploi y trouveront des interlocuteurs.",
            "The network's territories share a stand so that all are more visible and costs are pooled. Farmers, "
            "buyers and reuse project holders will find the right people to talk to.",
        ),
        EUREXPO,
        [When(95, days=3)],
        themes=["alimentation", "economie-circulaire", "accueil-d-actifs"],
        audiences=["porteurs-de-projets"],
        price="8.00",
        price_details=("Entrée du salon ; gratuit pour les moins de 18 ans.", "Fair entry; free for under-18s."),
        accessibility=STEP_FREE,
        organiser=CAP_RURAL,
        image="plateau",
    ),
    Event(
        "",
        ("rencontres-regionales-ville-campagne", "regional-town-country-meetings"),
        (
            "Rencontres régionales des mobilités et de la création d'activités ville–campagne",
            "Regional meetings on town–country mobility and business creation",
        ),
        "journee-regionale",
        (
            "Deux jours pour explorer les liens entre métropoles et territoires ruraux, sur place ou en ligne.",
            "Two days to explore the links between cities and rural territories, on site or online.",
        ),
        (
            "Co-organisées par des territoires urbains et ruraux, des réseaux de l'accompagnement, les "
            "institutions et les co-financeurs, ces rencontres se mettent au service des personnes en recherche "
            "d'activité, font connaître des projets ville–campagne et valorisent les territoires. Les plénières "
            "sont retransmises en ligne.",
            "Organised jointly by urban and rural territories, business-support networks, institutions and "
            "funders, these meetings serve people looking for work or a business, showcase town–country projects "
            "and promote the territories. The plenary sessions are streamed online.",
        ),
        LYON_REGION,
        [When(128, "09:00", "17:00", days=2, capacity=250, deadline=7)],
        themes=["cooperation-ville-campagne", "accueil-d-actifs", "entrepreneuriat-collectif"],
        audiences=[
            "porteurs-de-projets",
            "elus",
            "agents-de-developpement",
            "structures-d-accompagnement-urbaines",
            "partenaires-financeurs",
        ],
        attendance=AttendanceMode.MIXED,
        online_link="https://visio.example.org/rencontres-ville-campagne",
        registration=(RegistrationMode.LINK, "https://www.example.org/rencontres-ville-campagne/inscription"),
        programme=(
            [
                "Premier jour : plénière d'ouverture, forum des offres d'activités des territoires",
                "Second jour : ateliers entre conseillers urbains et ruraux, bourse aux projets ville–campagne",
            ],
            [
                "First day: opening plenary, forum of the territories' activity offers",
                "Second day: workshops for urban and rural advisers, town–country project exchange",
            ],
        ),
        accessibility=(
            "Salle accessible en fauteuil roulant ; boucle magnétique et interprétation en LSF en plénière.",
            "Wheelchair-accessible venue; hearing loop and French Sign Language interpreting in the plenary.",
        ),
        organiser=CAP_RURAL,
        contact=SESSIONS_CONTACT,
        image="river",
    ),
    Event(
        "",
        ("formation-offres-d-activites-qualifiees", "training-qualified-activity-offers"),
        (
            "Formation : construire une offre d'activités qualifiée",
            "Training: putting together a qualified activity offer",
        ),
        "formation",
        (
            "Une journée réservée aux adhérents pour apprendre à décrire une opportunité d'installation qui donne "
            "envie de venir.",
            "A members-only day to learn how to describe an opportunity to settle that makes people want to come.",
        ),
        (
            "Qu'est-ce qu'une offre qualifiée ? Cible, conditions, accompagnement proposé, contacts : à partir des "
            "offres de vos territoires, nous travaillons en petits groupes à les rendre lisibles pour un candidat "
            "qui ne connaît pas encore les lieux.",
            "What makes a qualified offer? Target, terms, support on offer, contacts: starting from your "
            "territories' offers, we work in small groups to make them clear to a candidate who does not know the "
            "area yet.",
        ),
        VALENCE_TGV,
        [When(46, "09:30", "17:00", capacity=20, deadline=9)],
        themes=["accueil-d-actifs"],
        audiences=["agents-de-developpement"],
        registration=(RegistrationMode.SITE, ""),
        membership_required=True,
        price_details=MEMBERS_ONLY,
        organiser=CAP_RURAL,
        contact=TRAINING_CONTACT,
        image="valley",
    ),
    Event(
        "",
        ("parcours-accueillir-des-actifs", "welcoming-working-newcomers-course"),
        (
            "Parcours « Accueillir de nouveaux actifs » en trois journées",
            "“Welcoming working newcomers”: a three-day course",
        ),
        "formation",
        (
            "Trois journées à quinze jours d'intervalle pour bâtir la politique d'accueil de son territoire.",
            "Three days, a fortnight apart, to build your territory's welcome policy.",
        ),
        (
            "Première journée : connaître les candidats à l'installation. Deuxième : organiser l'accueil avec les "
            "acteurs locaux. Troisième : présenter son territoire et ses offres, sur un stand comme en ligne. "
            "Chaque journée part des situations des participants.",
            "Day one: understanding would-be newcomers. Day two: organising the welcome with local players. Day "
            "three: presenting your territory and its offers, on a stand and online. Each day starts from the "
            "participants' own situations.",
        ),
        VALENCE_TGV,
        [
            When(50, "09:30", "17:00", capacity=16, deadline=10),
            When(64, "09:30", "17:00", capacity=16),
            When(78, "09:30", "17:00", capacity=16),
        ],
        themes=["accueil-d-actifs"],
        audiences=["agents-de-developpement", "elus"],
        registration=(RegistrationMode.EMAIL, "formations@example.org"),
        price="360.00",
        price_details=(
            "Pour les trois journées, repas compris ; gratuit pour les territoires adhérents.",
            "For the three days, lunch included; free for member territories.",
        ),
        organiser=CAP_RURAL,
        contact=TRAINING_CONTACT,
        image="valley",
    ),
    Event(
        "",
        ("webinaire-presenter-son-territoire", "webinar-presenting-your-territory"),
        (
            "Webinaire : présenter son territoire aux candidats à l'installation",
            "Webinar: presenting your territory to would-be newcomers",
        ),
        "webinaire",
        (
            "Une heure en ligne pour partager les pratiques des territoires sur la présentation de leurs offres.",
            "One hour online to share how territories present their offers.",
        ),
        (
            "Trois territoires montrent leurs supports (vidéos, fiches, pages web) et ce qu'ils en ont appris. "
            "Le lien de connexion est envoyé la veille aux inscrits.",
            "Three territories show their material (videos, leaflets, web pages) and what they learnt from it. "
            "The link is sent to registered participants the day before.",
        ),
        None,
        [When(30, "11:00", "12:00", capacity=100)],
        themes=["accueil-d-actifs"],
        audiences=["agents-de-developpement"],
        attendance=AttendanceMode.ONLINE,
        online_link="https://visio.example.org/cap-rural/presenter-son-territoire",
        registration=(RegistrationMode.LINK, "https://www.example.org/inscription/webinaire-presenter-son-territoire"),
        organiser=CAP_RURAL,
        contact=SESSIONS_CONTACT,
        image="hills",
    ),
    Event(
        "",
        ("webinaire-contrats-de-reciprocite", "webinar-reciprocity-contracts"),
        (
            "Webinaire : contrats de réciprocité ville–campagne, où en est-on ?",
            "Webinar: town–country reciprocity contracts, where do we stand?",
        ),
        "webinaire",
        (
            "Un point d'étape sur les coopérations engagées entre métropoles et territoires ruraux de la région.",
            "An update on the cooperation under way between cities and rural territories in the region.",
        ),
        (
            "Ce qui a marché, ce qui bloque, et les outils disponibles pour engager le dialogue avec un pôle urbain "
            "voisin. Questions en direct par la messagerie.",
            "What worked, what is stuck, and the tools available to start talking with a nearby urban centre. "
            "Questions live through the chat.",
        ),
        None,
        [When(86, "14:00", "15:30", capacity=100)],
        themes=["cooperation-ville-campagne"],
        audiences=["elus", "agents-de-developpement"],
        attendance=AttendanceMode.ONLINE,
        online_link="https://visio.example.org/cap-rural/contrats-de-reciprocite",
        registration=(RegistrationMode.EMAIL, "cooperations@example.org"),
        organiser=CAP_RURAL,
        contact=TRAINING_CONTACT,
        image="river",
    ),
    Event(
        "",
        ("permanence-en-ligne-preparer-son-installation", "online-drop-in-preparing-your-move"),
        (
            "Permanence en ligne : préparer son installation à la campagne",
            "Online drop-in: preparing your move to the countryside",
        ),
        "webinaire",
        (
            "Tous les quinze jours à l'heure du déjeuner, posez vos questions à un chargé de mission du réseau.",
            "Every other week at lunchtime, ask an officer of the network your questions.",
        ),
        (
            "Une permanence sans inscription : connectez-vous quand vous voulez pendant l'heure, un chargé de "
            "mission vous répond et vous oriente vers le bon territoire.",
            "A drop-in with no registration: join whenever you like during the hour, an officer answers and "
            "points you to the right territory.",
        ),
        None,
        [When(10, "12:30", "13:30")],
        themes=["accueil-d-actifs"],
        audiences=["porteurs-de-projets"],
        attendance=AttendanceMode.ONLINE,
        online_link="https://visio.example.org/cap-rural/permanence-installation",
        recurrence="FREQ=WEEKLY;INTERVAL=2;COUNT=6",
        organiser=CAP_RURAL,
        image="hills",
    ),
    Event(
        "",
        ("atelier-conseillers-urbains-et-ruraux", "workshop-urban-and-rural-advisers"),
        (
            "Atelier entre conseillers urbains et ruraux : co-construire l'événement régional",
            "Workshop for urban and rural advisers: designing the regional event together",
        ),
        "atelier",
        (
            "Une journée façon hackathon avec les acteurs de l'accompagnement de la métropole lyonnaise.",
            "A hackathon-style day with the business-support players of the Lyon metropolitan area.",
        ),
        (
            "Des ateliers pour travailler ensemble, mieux se connaître et susciter des connexions, puis "
            "concevoir les formats des prochaines rencontres régionales.",
            "Workshops to work together, get to know each other and spark connections, then design the formats "
            "of the next regional meetings.",
        ),
        LYON_MEF,
        [When(39, "09:00", "17:00", capacity=40, deadline=5)],
        themes=["cooperation-ville-campagne"],
        audiences=["structures-d-accompagnement-urbaines", "agents-de-developpement"],
        registration=(RegistrationMode.EMAIL, "sessions@example.org"),
        organiser=CAP_RURAL,
        contact=SESSIONS_CONTACT,
        image="town",
    ),
    Event(
        "",
        ("groupe-de-travail-entreprendre-en-collectif", "working-group-collective-entrepreneurship"),
        (
            "Groupe de travail « Entreprendre en collectif » : rencontres de l'année",
            "“Collective entrepreneurship” working group: this year's meetings",
        ),
        "atelier",
        (
            "Trois demi-journées pour partager les expériences et produire des outils sur l'entrepreneuriat "
            "collectif en milieu rural.",
            "Three half-days to share experience and produce tools on collective entrepreneurship in rural areas.",
        ),
        (
            "Coopératives, collectifs d'entrepreneurs, coopérations entre structures : le groupe repère les "
            "besoins prioritaires et transfère ses outils à d'autres acteurs. Ouvert aux porteurs de projets "
            "collectifs, accompagnateurs, élus et chargés de mission.",
            "Cooperatives, groups of entrepreneurs, cooperation between organisations: the group identifies the "
            "most pressing needs and passes its tools on to others. Open to collective project holders, advisers, "
            "elected officials and officers.",
        ),
        LYON,
        [When(44, "09:30", "12:30"), When(100, "09:30", "12:30"), When(156, "09:30", "12:30")],
        themes=["entrepreneuriat-collectif"],
        audiences=["porteurs-de-projets", "elus", "agents-de-developpement"],
        registration=(RegistrationMode.LINK, "https://www.example.org/cap-rural/groupe-entreprendre-en-collectif"),
        organiser=CAP_RURAL,
        contact=SESSIONS_CONTACT,
        image="plateau",
    ),
    Event(
        "",
        ("echange-accueillir-sur-un-stand", "exchange-welcoming-visitors-on-a-stand"),
        (
            "Échange d'expériences : accueillir des porteurs de projets sur un stand",
            "Sharing experience: welcoming project holders on a stand",
        ),
        "atelier",
        (
            "Avant le salon, un après-midi pour préparer l'accueil des visiteurs sur le stand commun.",
            "Before the fair, an afternoon to get ready to welcome visitors on the shared stand.",
        ),
        (
            "Que dire en trois minutes ? Quels documents donner ? Comment garder le contact ? Les territoires qui "
            "ont tenu le stand les années passées partagent leurs astuces.",
            "What to say in three minutes? Which documents to hand out? How to keep in touch? The territories that "
            "ran the stand in past years share their tips.",
        ),
        LYON_MEF,
        [When(53, "14:00", "17:00", capacity=25)],
        themes=["accueil-d-actifs"],
        audiences=["agents-de-developpement"],
        registration=(RegistrationMode.EMAIL, "sessions@example.org"),
        organiser=CAP_RURAL,
        image="town",
    ),
    Event(
        "",
        ("voyage-d-etudes-tiers-lieux-centre-ardeche", "study-trip-third-places-centre-ardeche"),
        (
            "Voyage d'études : tiers-lieux et accueil d'actifs en Centre Ardèche",
            "Study trip: third places and welcoming working newcomers in Centre Ardèche",
        ),
        "visite",
        (
            "Une journée en car pour découvrir trois tiers-lieux ardéchois et leur rôle dans l'accueil des "
            "nouveaux actifs.",
            "A day by coach to visit three third places in Ardèche and see how they help working newcomers settle.",
        ),
        (
            "Départ de la gare Valence TGV à 8 h 30, retour à 17 h 30. Au programme : un espace de coworking, un "
            "atelier partagé et une épicerie coopérative, avec leurs fondateurs et les élus qui les ont soutenus.",
            "Departure from Valence TGV station at 8.30 am, back at 5.30 pm. On the programme: a coworking space, "
            "a shared workshop and a cooperative grocery, with their founders and the elected officials who "
            "backed them.",
        ),
        ("Départ : gare Valence TGV", "", "Alixan", "26300", 44.9910, 4.9780),
        [When(65, "08:30", "17:30", capacity=25, deadline=7)],
        themes=["entrepreneuriat-collectif", "accueil-d-actifs"],
        audiences=["elus", "agents-de-developpement"],
        registration=(RegistrationMode.EMAIL, "formations@example.org"),
        price="25.00",
        price_details=("Transport et repas de midi.", "Transport and lunch."),
        organiser=CAP_RURAL,
        contact=TRAINING_CONTACT,
        image="valley",
    ),
    Event(
        "",
        ("journee-des-territoires-ruraux", "rural-territories-day"),
        ("Journée des territoires ruraux : bilan et perspectives", "Rural territories day: review and outlook"),
        "journee-regionale",
        (
            "Élus, financeurs et territoires font le bilan de l'année et tracent les chantiers de la suivante.",
            "Elected officials, funders and territories review the year and map out the next one.",
        ),
        (
            "Le matin, les chiffres clés de l'année et les témoignages de porteurs de projets installés ; "
            "l'après-midi, le comité de suivi débat des priorités avec les territoires.",
            "In the morning, the year's key figures and accounts from project holders who settled; in the "
            "afternoon, the steering committee discusses priorities with the territories.",
        ),
        VALENCE_TGV,
        [When(170, "09:30", "16:30", capacity=80, deadline=10)],
        themes=["cooperation-ville-campagne"],
        audiences=["elus", "partenaires-financeurs", "agents-de-developpement"],
        registration=(RegistrationMode.LINK, "https://www.example.org/cap-rural/journee-des-territoires"),
        organiser=CAP_RURAL,
        contact=SESSIONS_CONTACT,
        image="valley",
    ),
    Event(
        "",
        ("formation-des-elus-cooperations-villes-campagnes", "training-for-elected-officials-town-country"),
        (
            "Formation des élus : bâtir des coopérations villes–campagnes",
            "Training for elected officials: building town–country cooperation",
        ),
        "formation",
        (
            "Une journée de formation pour les élus en première ligne pour décider des coopérations à développer "
            "avec leurs partenaires urbains ou ruraux.",
            "A training day for elected officials who decide which cooperation to build with their urban or "
            "rural partners.",
        ),
        (
            "Au-delà de l'injonction, comment bâtir des coopérations villes–campagnes voulues et solides ? Quelles "
            "conditions et quels leviers pour favoriser le dialogue entre les élus, partager des enjeux et "
            "construire ensemble des solutions ? Rapide état des lieux des contrats de réciprocité, panorama "
            "d'expériences et d'outils, réflexion collective.",
            "Beyond the official call, how can towns and countryside build cooperation that is wanted and lasts? "
            "Which conditions and levers help elected officials talk to each other, share what is at stake and "
            "build solutions together? A quick review of reciprocity contracts, an overview of experiences and "
            "tools, a collective discussion.",
        ),
        VALENCE_TGV,
        [When(88, "09:30", "17:00", capacity=20, deadline=8)],
        themes=["cooperation-ville-campagne"],
        audiences=["elus"],
        registration=(RegistrationMode.SITE, ""),
        membership_required=True,
        price_details=MEMBERS_ONLY,
        organiser=CAP_RURAL,
        contact=TRAINING_CONTACT,
        image="valley",
    ),
]
