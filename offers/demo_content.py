"""Demo offers: the catalogue page and 47 activity offers under the nine demo territories, in French and English.

Found by ``cms.demo`` (see its docstring for the hooks). The offers are written from the vocabulary of the
client's documents: "offres d'activités", "opportunités d'installation", reprise d'entreprise, tiers-lieux,
foncier agricole, installation de professionnels de santé. Places are real communes of each territory;
INSEE codes are given only where checked, and left blank otherwise. People, e-mail addresses
(example.org) and phone numbers (the 04 65 71 range ARCEP keeps for fiction) are invented.

Dates are relative to the day of the load, never to the import: some offers have expired, some expire
within 30 days. A later run keeps an offer's expiry date while it still falls in the same bucket (expired,
within 30 days, later), so re-running the loader the next day republishes nothing.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone

from cms.demo.streams import ImageRef, PageRef, heading, paragraph
from cms.demo.territories import TERRITORIES
from cms.demo.texts import N, T
from cms.demo.tree import PageSpec, find_spec
from cms.models import Theme
from offers.models import OfferPage, OfferType, Sector

PARIS = ZoneInfo("Europe/Paris")
SOON_DAYS = 30
CATALOGUE_SLUG = "offres"
TERRITORY_INDEX_SLUG = "territoires"

# slug, (name), (description), is_job
OFFER_TYPES = [
    (
        "emploi",
        ("Emploi", "Job"),
        ("Un poste salarié à pourvoir.", "A salaried position to fill."),
        True,
    ),
    (
        "reprise-d-entreprise",
        ("Reprise d'entreprise", "Business takeover"),
        (
            "Un commerce, un atelier ou une entreprise dont le cédant cherche un repreneur.",
            "A shop, a workshop or a company whose owner is looking for a buyer.",
        ),
        False,
    ),
    (
        "local-ou-atelier",
        ("Local ou atelier", "Premises or workshop"),
        (
            "Un local commercial, un atelier ou des bureaux à louer ou à vendre.",
            "Shop premises, a workshop or offices to rent or to buy.",
        ),
        False,
    ),
    (
        "foncier-agricole",
        ("Foncier agricole", "Farmland"),
        (
            "Des terres, une ferme ou des bâtiments agricoles pour s'installer.",
            "Land, a farm or farm buildings to set up in farming.",
        ),
        False,
    ),
    (
        "tiers-lieu",
        ("Tiers-lieu et coworking", "Third place and coworking"),
        (
            "Un poste de travail, un bureau ou un atelier partagé dans un tiers-lieu.",
            "A desk, an office or a shared workshop in a third place.",
        ),
        False,
    ),
    (
        "appel-a-projets",
        ("Appel à projets", "Call for projects"),
        (
            "Une collectivité cherche un porteur de projet pour un lieu ou une activité.",
            "A local authority is looking for a project holder for a venue or an activity.",
        ),
        False,
    ),
    (
        "installation-sante",
        ("Installation de professionnel de santé", "Healthcare practice"),
        (
            "Un cabinet, une maison de santé ou une patientèle pour un professionnel de santé.",
            "A surgery, a health centre or a practice for a health professional.",
        ),
        False,
    ),
]

SECTORS = [
    (
        "agriculture-alimentation",
        ("Agriculture et alimentation", "Farming and food"),
        ("Production agricole, transformation, circuits courts.", "Farming, food processing, short supply chains."),
    ),
    (
        "tourisme",
        ("Tourisme", "Tourism"),
        ("Hébergement, restauration, loisirs de pleine nature.", "Accommodation, catering, outdoor leisure."),
    ),
    (
        "economie-circulaire",
        ("Économie circulaire", "Circular economy"),
        ("Réemploi, réparation, recyclage.", "Reuse, repair, recycling."),
    ),
    (
        "artisanat",
        ("Artisanat", "Crafts"),
        ("Métiers de l'artisanat, du bâtiment et de la fabrication.", "Crafts, building and manufacturing trades."),
    ),
    (
        "commerce",
        ("Commerce", "Retail"),
        ("Commerces de proximité et de centre-bourg.", "Local and village-centre shops."),
    ),
    (
        "services",
        ("Services", "Services"),
        ("Services aux habitants et aux entreprises.", "Services to residents and businesses."),
    ),
    (
        "numerique",
        ("Numérique", "Digital"),
        ("Informatique, web, télétravail.", "IT, web, remote work."),
    ),
    (
        "sante",
        ("Santé", "Healthcare"),
        ("Soins, maisons de santé, services à la personne.", "Care, health centres, personal care services."),
    ),
    (
        "culture",
        ("Culture", "Culture"),
        ("Librairies, lieux culturels, métiers d'art.", "Bookshops, cultural venues, art crafts."),
    ),
]


@dataclass
class Offer:
    """One demo offer: French and English texts side by side, dates in days from the load."""

    territory: str
    slug: tuple
    title: tuple
    offer_type: str
    sectors: list
    summary: tuple
    body: tuple
    place: tuple  # commune, postcode, INSEE code ("" when not checked), latitude, longitude
    reference: str = ""
    themes: list = field(default_factory=list)
    status: str = "available"
    expires_in: int | None = None  # days; negative: already expired
    available_in: int | None = None  # days
    price: str | None = None
    rent: str | None = None
    salary: str | None = None
    surface: int | None = None
    conditions: tuple = ("", "")
    contact: tuple | None = None  # name, (role fr, role en), email, phone


OFFERS = [
    # --- Site de proximité du Roannais -------------------------------------------------------------
    Offer(
        "roannais",
        ("boulangerie-patisserie-a-reprendre-a-charlieu", "bakery-and-patisserie-to-take-over-in-charlieu"),
        ("Boulangerie-pâtisserie à reprendre à Charlieu", "Bakery and patisserie to take over in Charlieu"),
        "reprise-d-entreprise",
        ["commerce", "artisanat", "agriculture-alimentation"],
        (
            "Une boulangerie-pâtisserie artisanale réputée, en plein centre historique, cherche son repreneur.",
            "A well-known craft bakery and patisserie in the historic centre is looking for a new owner.",
        ),
        (
            "Le cédant part à la retraite après vingt-cinq ans d'activité. Le fournil est équipé (four à sole, "
            "pétrin, chambre de pousse) et la clientèle fidèle, habitants comme visiteurs de l'abbaye.",
            "The owner is retiring after twenty-five years in business. The bakehouse is equipped (deck oven, "
            "kneader, proving room) and the customers are loyal, locals and visitors to the abbey alike.",
        ),
        ("Charlieu", "42190", "42052", 46.1600, 4.1725),
        reference="ROA-2026-01",
        themes=["reprise-d-entreprise"],
        expires_in=120,
        price="145000.00",
        surface=180,
        conditions=(
            "Fonds de commerce ; murs en location (bail commercial). Accompagnement du cédant pendant trois mois.",
            "Business goodwill; premises rented (commercial lease). The owner stays on for three months.",
        ),
    ),
    Offer(
        "roannais",
        ("technicien-de-maintenance-textile-roanne", "textile-maintenance-technician-roanne"),
        ("Technicien·ne de maintenance en atelier textile (CDI)", "Maintenance technician in a textile mill"),
        "emploi",
        ["artisanat"],
        (
            "Une entreprise de bonneterie roannaise recrute un technicien de maintenance pour ses métiers à tricoter.",
            "A Roanne knitwear company is hiring a maintenance technician for its knitting machines.",
        ),
        (
            "Vous assurez l'entretien préventif et les dépannages du parc de machines, en lien avec l'équipe de "
            "production. Formation interne assurée aux spécificités du tricotage.",
            "You carry out preventive maintenance and repairs on the machines, working with the production team. "
            "In-house training in knitting machinery is provided.",
        ),
        ("Roanne", "42300", "42187", 46.0360, 4.0680),
        reference="ROA-2026-02",
        expires_in=25,
        salary="30000.00",
        conditions=("CDI, 35 heures, horaires de journée.", "Permanent contract, 35 hours a week, day shifts."),
        contact=(
            "Isabelle Perrin",
            ("Responsable des ressources humaines", "Human resources manager"),
            "recrutement.textile@example.org",
            "04 65 71 02 01",
        ),
    ),
    Offer(
        "roannais",
        ("atelier-250-m2-riorges", "250-m2-workshop-riorges"),
        ("Atelier de 250 m² en zone d'activités à Riorges", "250 m² workshop in a business park in Riorges"),
        "local-ou-atelier",
        ["artisanat", "economie-circulaire"],
        (
            "Un atelier avec bureau et quai de chargement, idéal pour un artisan ou une activité de réparation.",
            "A workshop with an office and a loading bay, ideal for a craftsperson or a repair business.",
        ),
        (
            "Bâtiment récent, porte sectionnelle, hauteur sous plafond de six mètres. La zone accueille déjà une "
            "recyclerie et plusieurs artisans du bâtiment.",
            "Recent building, sectional door, six-metre ceiling height. The park is already home to a reuse "
            "centre and several building craftspeople.",
        ),
        ("Riorges", "42153", "", 46.0430, 4.0400),
        reference="ROA-2026-03",
        rent="1100.00",
        surface=250,
        available_in=45,
    ),
    Offer(
        "roannais",
        ("cabinet-medical-a-reprendre-a-renaison", "medical-practice-to-take-over-in-renaison"),
        ("Cabinet médical à reprendre à Renaison", "Medical practice to take over in Renaison"),
        "installation-sante",
        ["sante"],
        (
            "Un médecin généraliste prépare son départ et cherche un successeur pour sa patientèle.",
            "A general practitioner is preparing to retire and looking for a successor for the practice.",
        ),
        (
            "Cabinet de plain-pied au cœur du bourg, à dix minutes de Roanne, avec secrétariat partagé. "
            "La commune peut aider au logement pendant la première année.",
            "Single-storey surgery in the village centre, ten minutes from Roanne, with a shared secretary. "
            "The commune can help with housing during the first year.",
        ),
        ("Renaison", "42370", "", 46.0510, 3.9250),
        status="in_discussion",
        rent="450.00",
        surface=90,
    ),
    Offer(
        "roannais",
        ("appel-a-projets-recyclerie-du-roannais", "call-for-projects-roannais-reuse-centre"),
        ("Appel à projets : recyclerie du Roannais", "Call for projects: a reuse centre for the Roannais"),
        "appel-a-projets",
        ["economie-circulaire", "services"],
        (
            "Le territoire cherche une structure pour créer et animer une recyclerie de 600 m².",
            "The territory is looking for an organisation to open and run a 600 m² reuse centre.",
        ),
        (
            "Le bâtiment est mis à disposition et une aide au démarrage est prévue. Les projets de l'économie "
            "sociale et solidaire sont particulièrement attendus.",
            "The building is provided and start-up funding is planned. Projects from the social and solidarity "
            "economy are particularly welcome.",
        ),
        ("Roanne", "42300", "42187", 46.0410, 4.0760),
        reference="ROA-2026-04",
        themes=["economie-circulaire", "entrepreneuriat-collectif"],
        expires_in=-12,
        surface=600,
    ),
    # --- CC du Pilat Rhodanien ---------------------------------------------------------------------
    Offer(
        "pilat-rhodanien",
        ("verger-de-6-ha-a-transmettre-a-pelussin", "6-ha-orchard-to-pass-on-in-pelussin"),
        ("Verger de 6 ha à transmettre à Pélussin", "6-hectare orchard to pass on in Pélussin"),
        "foncier-agricole",
        ["agriculture-alimentation"],
        (
            "Un arboriculteur cède son verger de cerisiers et d'abricotiers, avec hangar et chambre froide.",
            "A fruit grower is handing over his cherry and apricot orchard, with a barn and a cold room.",
        ),
        (
            "Vente directe bien installée (marchés, magasin de producteurs). Le cédant propose un parrainage "
            "d'une saison pour transmettre ses débouchés.",
            "Well-established direct sales (markets, a farmers' shop). The owner offers one season of mentoring "
            "to pass on his outlets.",
        ),
        ("Pélussin", "42410", "42168", 45.4190, 4.6820),
        reference="PIL-2026-01",
        themes=["alimentation", "reprise-d-entreprise"],
        price="95000.00",
        surface=60000,
        contact=(
            "Bernard Chomat",
            ("Arboriculteur cédant", "Retiring fruit grower"),
            "verger.pelussin@example.org",
            "04 65 71 02 02",
        ),
    ),
    Offer(
        "pilat-rhodanien",
        ("ouvrier-viticole-chavanay", "vineyard-worker-chavanay"),
        ("Ouvrier·ère viticole (CDD 8 mois) à Chavanay", "Vineyard worker (8-month contract) in Chavanay"),
        "emploi",
        ["agriculture-alimentation"],
        (
            "Un domaine des côtes du Rhône septentrionales recrute pour la taille, les travaux en vert et les "
            "vendanges.",
            "A northern Rhône estate is hiring for pruning, summer vineyard work and the harvest.",
        ),
        (
            "Travail en coteaux, en équipe de quatre personnes. Débutants acceptés, formation à la taille assurée.",
            "Work on steep slopes in a team of four. Beginners welcome, pruning training provided.",
        ),
        ("Chavanay", "42410", "", 45.4160, 4.7260),
        status="filled",
        salary="22000.00",
        conditions=("CDD de mars à octobre, 35 heures.", "Fixed-term contract from March to October, 35 hours."),
    ),
    Offer(
        "pilat-rhodanien",
        ("camping-viarhona-a-reprendre", "viarhona-campsite-to-take-over"),
        ("Camping au bord de la ViaRhôna à reprendre", "Campsite on the ViaRhôna to take over"),
        "reprise-d-entreprise",
        ["tourisme"],
        (
            "Un camping deux étoiles de 60 emplacements, sur l'itinéraire cyclable ViaRhôna.",
            "A two-star campsite with 60 pitches on the ViaRhôna cycle route.",
        ),
        (
            "Clientèle de cyclotouristes en hausse, snack et location de vélos à développer. Logement de "
            "fonction sur place.",
            "A growing number of cycle tourists; the snack bar and bike hire could be developed. On-site "
            "accommodation for the manager.",
        ),
        ("Saint-Pierre-de-Bœuf", "42520", "", 45.3670, 4.7480),
        reference="PIL-2026-02",
        themes=["tourisme", "reprise-d-entreprise"],
        expires_in=90,
        price="320000.00",
    ),
    Offer(
        "pilat-rhodanien",
        ("coworking-au-tiers-lieu-de-pelussin", "coworking-at-the-pelussin-third-place"),
        ("Poste de coworking au tiers-lieu de Pélussin", "Coworking desk at the Pélussin third place"),
        "tiers-lieu",
        ["numerique", "services"],
        (
            "Des postes de travail à l'heure, au mois ou à l'année, avec fibre et salle de réunion.",
            "Desks by the hour, the month or the year, with fibre broadband and a meeting room.",
        ),
        (
            "Le tiers-lieu réunit indépendants, télétravailleurs et associations. Un café partagé et des "
            "ateliers mensuels aident les nouveaux venus à se constituer un réseau.",
            "The third place brings together freelancers, remote workers and associations. A shared café and "
            "monthly workshops help newcomers build a network.",
        ),
        ("Pélussin", "42410", "42168", 45.4210, 4.6860),
        themes=["accueil-d-actifs"],
        rent="180.00",
    ),
    Offer(
        "pilat-rhodanien",
        ("local-commercial-a-maclas", "shop-premises-in-maclas"),
        ("Local commercial en cœur de bourg à Maclas", "Shop premises in the centre of Maclas"),
        "local-ou-atelier",
        ["commerce"],
        (
            "La commune loue une ancienne mercerie rénovée, face à la place du marché.",
            "The commune is letting a renovated former haberdashery facing the market square.",
        ),
        (
            "Vitrine sur rue, arrière-boutique et sanitaires. Un loyer progressif est proposé pendant les deux "
            "premières années.",
            "Street-facing shop window, back room and toilets. A stepped rent is offered for the first two years.",
        ),
        ("Maclas", "42520", "", 45.3630, 4.6820),
        reference="PIL-2026-03",
        expires_in=20,
        rent="550.00",
        surface=70,
    ),
    # --- CC des Monts du Pilat ---------------------------------------------------------------------
    Offer(
        "monts-du-pilat",
        ("menuiserie-ebenisterie-a-reprendre-a-marlhes", "joinery-workshop-to-take-over-in-marlhes"),
        ("Menuiserie-ébénisterie à reprendre à Marlhes", "Joinery and cabinet-making workshop in Marlhes"),
        "reprise-d-entreprise",
        ["artisanat"],
        (
            "Une menuiserie de trois salariés, spécialisée dans l'agencement en bois local, cherche un repreneur.",
            "A three-employee joinery specialising in fittings made of local wood is looking for a buyer.",
        ),
        (
            "Carnet de commandes rempli pour six mois, machines entretenues, bâtiment de 400 m². Le cédant "
            "accompagne la transition.",
            "Order book full for six months, well-maintained machines, a 400 m² building. The owner will "
            "support the handover.",
        ),
        ("Marlhes", "42660", "", 45.2830, 4.3960),
        reference="MPI-2026-01",
        themes=["reprise-d-entreprise"],
        status="in_discussion",
        price="90000.00",
        surface=400,
    ),
    Offer(
        "monts-du-pilat",
        ("epicerie-bar-multiservice-a-jonzieux", "village-shop-and-bar-in-jonzieux"),
        ("Multiservice épicerie-bar à reprendre à Jonzieux", "Village shop and bar to take over in Jonzieux"),
        "reprise-d-entreprise",
        ["commerce", "services"],
        (
            "Le dernier commerce du village : épicerie, bar, point poste et dépôt de pain.",
            "The village's last shop: grocery, bar, post office counter and bread outlet.",
        ),
        (
            "La commune est propriétaire des murs et soutient la reprise. Un logement de quatre pièces est "
            "disponible à l'étage.",
            "The commune owns the building and supports the takeover. A four-room flat is available upstairs.",
        ),
        ("Jonzieux", "42660", "", 45.3110, 4.3610),
        reference="MPI-2026-02",
        expires_in=45,
        price="60000.00",
        rent="600.00",
    ),
    Offer(
        "monts-du-pilat",
        ("animateur-nature-bourg-argental", "nature-and-hiking-guide-bourg-argental"),
        ("Animateur·rice nature et randonnée (saison)", "Nature and hiking guide (seasonal)"),
        "emploi",
        ["tourisme"],
        (
            "L'office de tourisme recrute pour encadrer sorties nature, balades contées et séjours de randonnée.",
            "The tourist office is hiring to lead nature outings, storytelling walks and hiking holidays.",
        ),
        (
            "Diplôme d'accompagnateur en montagne ou BPJEPS souhaité. Permis B indispensable.",
            "A mountain leader qualification or BPJEPS is preferred. A driving licence is essential.",
        ),
        ("Bourg-Argental", "42220", "", 45.2990, 4.5660),
        expires_in=-30,
        salary="21000.00",
    ),
    Offer(
        "monts-du-pilat",
        ("ferme-caprine-a-transmettre-saint-genest-malifaux", "goat-farm-to-pass-on-saint-genest-malifaux"),
        ("Ferme d'élevage caprin à transmettre", "Goat farm to pass on"),
        "foncier-agricole",
        ["agriculture-alimentation"],
        (
            "35 ha de prairies, une chèvrerie de 80 places et une fromagerie aux normes, à Saint-Genest-Malifaux.",
            "35 hectares of grassland, an 80-goat barn and an up-to-standard cheese dairy, in Saint-Genest-Malifaux.",
        ),
        (
            "Les fromages sont vendus en direct et dans deux magasins de producteurs. Installation possible en "
            "couple ou en collectif.",
            "The cheeses are sold direct and in two farmers' shops. Suitable for a couple or a group setting up "
            "together.",
        ),
        ("Saint-Genest-Malifaux", "42660", "", 45.3400, 4.4170),
        reference="MPI-2026-03",
        themes=["alimentation", "entrepreneuriat-collectif"],
        price="210000.00",
        surface=350000,
        contact=(
            "Sylvie Gourgaud",
            ("Conseillère transmission, chambre d'agriculture", "Farm transfer adviser, chamber of agriculture"),
            "transmission.pilat@example.org",
            "04 65 71 02 03",
        ),
    ),
    Offer(
        "monts-du-pilat",
        ("kinesitherapeute-maison-de-sante-bourg-argental", "physiotherapist-health-centre-bourg-argental"),
        ("Maison de santé de Bourg-Argental : kinésithérapeute", "Bourg-Argental health centre: physiotherapist"),
        "installation-sante",
        ["sante"],
        (
            "La maison de santé pluriprofessionnelle propose un cabinet équipé à un kinésithérapeute.",
            "The multi-professional health centre offers an equipped treatment room to a physiotherapist.",
        ),
        (
            "Deux médecins, trois infirmières et une orthophoniste y exercent déjà. La demande de soins de "
            "kinésithérapie est forte sur le plateau.",
            "Two doctors, three nurses and a speech therapist already work there. Demand for physiotherapy is "
            "high on the plateau.",
        ),
        ("Bourg-Argental", "42220", "", 45.3010, 4.5690),
        expires_in=150,
        rent="400.00",
        surface=25,
    ),
    # --- Site de proximité Centre Ardèche ----------------------------------------------------------
    Offer(
        "centre-ardeche",
        ("conserverie-de-chataignes-a-reprendre-privas", "chestnut-cannery-to-take-over-privas"),
        ("Conserverie de châtaignes à reprendre", "Chestnut cannery to take over"),
        "reprise-d-entreprise",
        ["agriculture-alimentation", "artisanat"],
        (
            "Une conserverie artisanale de crème et de purée de châtaignes, près de Privas, cherche un repreneur.",
            "A craft cannery making chestnut spread and purée near Privas is looking for a buyer.",
        ),
        (
            "Marque reconnue, clientèle d'épiceries fines et de magasins bio, approvisionnement auprès de "
            "castanéiculteurs ardéchois.",
            "A recognised brand, delicatessen and organic-shop customers, supplies from Ardèche chestnut growers.",
        ),
        ("Privas", "07000", "07186", 44.7350, 4.5990),
        reference="CAR-2026-01",
        themes=["alimentation", "reprise-d-entreprise"],
        price="240000.00",
        surface=400,
        contact=(
            "Marc Vialle",
            ("Conseiller transmission, chambre de commerce", "Business transfer adviser, chamber of commerce"),
            "transmission.ardeche@example.org",
            "04 65 71 02 04",
        ),
    ),
    Offer(
        "centre-ardeche",
        ("fablab-et-coworking-au-cheylard", "fablab-and-coworking-in-le-cheylard"),
        ("Fablab et coworking au Cheylard", "Fablab and coworking in Le Cheylard"),
        "tiers-lieu",
        ["numerique", "artisanat"],
        (
            "Bureaux partagés, imprimantes 3D et découpe laser dans un tiers-lieu de la vallée de l'Eyrieux.",
            "Shared offices, 3D printers and a laser cutter in a third place in the Eyrieux valley.",
        ),
        (
            "Le tiers-lieu accueille créateurs, artisans et télétravailleurs. Des formations aux outils "
            "numériques y sont organisées chaque mois.",
            "The third place welcomes founders, craftspeople and remote workers. Training in digital tools is "
            "held there every month.",
        ),
        ("Le Cheylard", "07160", "07064", 44.9060, 4.4230),
        themes=["accueil-d-actifs"],
        rent="220.00",
    ),
    Offer(
        "centre-ardeche",
        ("chef-de-cuisine-auberge-lamastre", "head-chef-country-inn-lamastre"),
        ("Chef·fe de cuisine pour une auberge de pays", "Head chef for a country inn"),
        "emploi",
        ["tourisme", "agriculture-alimentation"],
        (
            "Une auberge de Lamastre travaillant les produits de la ferme recrute son chef de cuisine.",
            "An inn in Lamastre that cooks with farm produce is hiring its head chef.",
        ),
        (
            "Cuisine de saison, trente couverts, fermeture deux jours par semaine. Logement possible.",
            "Seasonal cooking, thirty covers, closed two days a week. Accommodation available.",
        ),
        ("Lamastre", "07270", "", 44.9870, 4.5800),
        reference="CAR-2026-02",
        themes=["alimentation"],
        expires_in=10,
        salary="28000.00",
    ),
    Offer(
        "centre-ardeche",
        ("boutique-a-l-essai-vernoux-en-vivarais", "trial-shop-vernoux-en-vivarais"),
        ("Appel à candidatures : boutique à l'essai", "Call for applications: trial shop"),
        "appel-a-projets",
        ["commerce"],
        (
            "Vernoux-en-Vivarais propose un local à loyer réduit pour tester un commerce pendant un an.",
            "Vernoux-en-Vivarais offers premises at a reduced rent to try out a shop for a year.",
        ),
        (
            "Le dispositif « boutique à l'essai » inclut un accompagnement par la chambre de commerce et un "
            "parrainage par des commerçants du bourg.",
            "The trial-shop scheme includes support from the chamber of commerce and mentoring by local shopkeepers.",
        ),
        ("Vernoux-en-Vivarais", "07240", "", 44.8960, 4.6460),
        expires_in=-8,
        rent="300.00",
        surface=60,
    ),
    Offer(
        "centre-ardeche",
        ("installation-medecin-generaliste-le-cheylard", "general-practitioner-wanted-le-cheylard"),
        ("Installation de médecin généraliste au Cheylard", "General practitioner wanted in Le Cheylard"),
        "installation-sante",
        ["sante"],
        (
            "La commune et le centre hospitalier recherchent un médecin généraliste, en libéral ou salarié.",
            "The town and the local hospital are looking for a general practitioner, self-employed or salaried.",
        ),
        (
            "Cabinet neuf dans la maison de santé, gardes partagées, aide à l'installation du conjoint.",
            "A new surgery in the health centre, shared on-call duties, help finding work for a partner.",
        ),
        ("Le Cheylard", "07160", "07064", 44.9080, 4.4270),
        expires_in=200,
    ),
    # --- Pays Beaujolais (Beaujolais Vert) ---------------------------------------------------------
    Offer(
        "beaujolais-vert",
        ("boulanger-cdi-amplepuis", "baker-permanent-job-amplepuis"),
        ("Boulanger·ère (CDI) à Amplepuis", "Baker (permanent job) in Amplepuis"),
        "emploi",
        ["commerce", "artisanat", "agriculture-alimentation"],
        (
            "Une boulangerie au levain naturel recrute un boulanger, avec perspective d'association.",
            "A sourdough bakery is hiring a baker, with the prospect of becoming a partner.",
        ),
        (
            "Farines locales, fournil à bois, vente en boutique et sur les marchés. CAP boulanger demandé.",
            "Local flour, wood-fired oven, sales in the shop and at markets. A baker's diploma is required.",
        ),
        ("Amplepuis", "69550", "69006", 45.9730, 4.3310),
        reference="BV-2026-01",
        status="filled",
        salary="24000.00",
    ),
    Offer(
        "beaujolais-vert",
        ("librairie-papeterie-a-reprendre-thizy-les-bourgs", "bookshop-to-take-over-thizy-les-bourgs"),
        ("Librairie-papeterie à reprendre à Thizy-les-Bourgs", "Bookshop and stationer's in Thizy-les-Bourgs"),
        "reprise-d-entreprise",
        ["culture", "commerce"],
        (
            "La seule librairie du canton cherche un repreneur passionné, accompagné par le territoire.",
            "The only bookshop in the area is looking for an enthusiastic buyer, with the territory's support.",
        ),
        (
            "Rencontres d'auteurs, partenariat avec la médiathèque et les écoles, rayon papeterie rentable. "
            "Le Beaujolais Vert accompagne les candidats de la première visite à l'installation.",
            "Author events, a partnership with the library and the schools, a profitable stationery section. "
            "Beaujolais Vert supports candidates from the first visit to settling in.",
        ),
        ("Thizy-les-Bourgs", "69240", "", 46.0290, 4.3130),
        reference="BV-2026-02",
        themes=["reprise-d-entreprise"],
        expires_in=60,
        price="55000.00",
        surface=110,
    ),
    Offer(
        "beaujolais-vert",
        ("plateaux-d-activites-ancienne-usine-cours", "business-units-in-a-former-mill-cours"),
        ("Ancienne usine textile : plateaux d'activités à Cours", "Former textile mill: business units in Cours"),
        "local-ou-atelier",
        ["artisanat", "economie-circulaire"],
        (
            "Des plateaux de 100 à 600 m² dans une usine réhabilitée, pour artisans et activités de réemploi.",
            "Units of 100 to 600 m² in a refurbished mill, for craftspeople and reuse businesses.",
        ),
        (
            "Le site accueille déjà une ressourcerie et un atelier de couture. Loyers modulables selon la surface.",
            "The site is already home to a reuse centre and a sewing workshop. Rents vary with the floor area.",
        ),
        ("Cours", "69470", "", 46.1010, 4.3210),
        rent="900.00",
        surface=600,
    ),
    Offer(
        "beaujolais-vert",
        ("residences-d-artistes-lamure-sur-azergues", "artist-residencies-lamure-sur-azergues"),
        ("Appel à projets : résidences d'artistes", "Call for projects: artist residencies"),
        "appel-a-projets",
        ["culture"],
        (
            "Un tiers-lieu culturel de la vallée d'Azergues accueille des artistes en résidence de création.",
            "A cultural third place in the Azergues valley hosts artists for creative residencies.",
        ),
        (
            "Atelier, logement et bourse de création pendant trois mois, en échange d'actions avec les habitants.",
            "A studio, accommodation and a creation grant for three months, in return for work with local people.",
        ),
        ("Lamure-sur-Azergues", "69870", "", 46.0620, 4.4920),
        expires_in=28,
    ),
    Offer(
        "beaujolais-vert",
        ("terres-maraicheres-amplepuis", "market-garden-land-amplepuis"),
        ("Terres maraîchères pour une installation en bio", "Market-garden land for an organic start-up"),
        "foncier-agricole",
        ["agriculture-alimentation"],
        (
            "3 ha irrigables à Amplepuis, réservés par la collectivité à une installation en maraîchage bio.",
            "3 irrigable hectares in Amplepuis, set aside by the local authority for an organic market garden.",
        ),
        (
            "Les terres sont proposées en fermage ; un espace test agricole permet de démarrer avant de s'engager.",
            "The land is offered on a farm tenancy; an incubator farm lets you start before committing.",
        ),
        ("Amplepuis", "69550", "69006", 45.9790, 4.3420),
        themes=["alimentation"],
        surface=30000,
        conditions=("Fermage annuel selon le barème préfectoral.", "Annual farm rent at the prefectoral rate."),
    ),
    # --- Ville d'Oyonnax ---------------------------------------------------------------------------
    Offer(
        "oyonnax",
        ("technicien-recyclage-des-plastiques-oyonnax", "plastics-recycling-technician-oyonnax"),
        ("Technicien·ne en recyclage des plastiques (CDI)", "Plastics recycling technician"),
        "emploi",
        ["economie-circulaire"],
        (
            "Une entreprise de la Plastics Vallée recrute pour sa ligne de régénération de matières plastiques.",
            "A Plastics Vallée company is hiring for its plastics regeneration line.",
        ),
        (
            "Réglage des extrudeuses, contrôle qualité des granulés recyclés, amélioration continue. Bac+2 en "
            "plasturgie ou expérience équivalente.",
            "Setting up extruders, quality control of recycled pellets, continuous improvement. A two-year "
            "degree in plastics or equivalent experience.",
        ),
        ("Oyonnax", "01100", "01283", 46.2570, 5.6550),
        reference="OYO-2026-01",
        themes=["economie-circulaire"],
        salary="32000.00",
        contact=(
            "Karim Haddad",
            ("Responsable de production", "Production manager"),
            "emploi.plasturgie@example.org",
            "04 65 71 02 06",
        ),
    ),
    Offer(
        "oyonnax",
        ("developpeur-web-agence-numerique-oyonnax", "web-developer-digital-agency-oyonnax"),
        ("Développeur·se web dans une agence numérique", "Web developer in a digital agency"),
        "emploi",
        ["numerique"],
        (
            "Une agence web de douze personnes recrute un développeur, télétravail partiel possible.",
            "A twelve-person web agency is hiring a developer; part-time remote work is possible.",
        ),
        (
            "Sites et applications pour les industriels du Haut-Bugey. À une heure de Genève et de Lyon, au "
            "pied des pistes de ski de fond.",
            "Websites and applications for Haut-Bugey manufacturers. An hour from Geneva and Lyon, close to the "
            "cross-country ski trails.",
        ),
        ("Oyonnax", "01100", "01283", 46.2600, 5.6500),
        reference="OYO-2026-02",
        expires_in=15,
        salary="36000.00",
    ),
    Offer(
        "oyonnax",
        ("boutique-a-louer-centre-ville-oyonnax", "shop-to-let-oyonnax-town-centre"),
        ("Boutique à louer en centre-ville d'Oyonnax", "Shop to let in Oyonnax town centre"),
        "local-ou-atelier",
        ["commerce"],
        (
            "Une boutique de 85 m² rue piétonne, dans le périmètre du programme de revitalisation du centre-ville.",
            "An 85 m² shop on a pedestrian street, within the town-centre revitalisation programme.",
        ),
        (
            "La ville prend en charge une partie des travaux de vitrine et propose un loyer aidé la première année.",
            "The town pays part of the shopfront works and offers a subsidised rent in the first year.",
        ),
        ("Oyonnax", "01100", "01283", 46.2550, 5.6570),
        status="in_discussion",
        rent="700.00",
        surface=85,
    ),
    Offer(
        "oyonnax",
        ("services-informatiques-a-reprendre-bellignat", "it-services-company-to-take-over-bellignat"),
        ("Société de services informatiques à reprendre", "IT services company to take over"),
        "reprise-d-entreprise",
        ["numerique", "services"],
        (
            "Une société de maintenance informatique pour PME, à Bellignat, cherche son repreneur.",
            "An IT maintenance company serving small businesses, in Bellignat, is looking for a buyer.",
        ),
        (
            "Contrats de maintenance récurrents, deux techniciens, clientèle d'entreprises industrielles.",
            "Recurring maintenance contracts, two technicians, customers among manufacturing companies.",
        ),
        ("Bellignat", "01100", "", 46.2450, 5.6310),
        reference="OYO-2026-03",
        themes=["reprise-d-entreprise"],
        expires_in=-40,
        price="120000.00",
    ),
    Offer(
        "oyonnax",
        ("cabinet-dentaire-disponible-arbent", "dental-surgery-available-arbent"),
        ("Cabinet dentaire disponible à Arbent", "Dental surgery available in Arbent"),
        "installation-sante",
        ["sante"],
        (
            "Un cabinet dentaire équipé de deux fauteuils, libre immédiatement, dans un pôle médical.",
            "A dental surgery with two chairs, available now, in a medical centre.",
        ),
        (
            "Patientèle importante en attente de rendez-vous. Stationnement et accès pour personnes à mobilité "
            "réduite.",
            "Many patients are waiting for appointments. Parking and wheelchair access.",
        ),
        ("Arbent", "01100", "", 46.2880, 5.6800),
        rent="800.00",
        surface=110,
    ),
    # --- CC de la Région de Condrieu ---------------------------------------------------------------
    Offer(
        "region-de-condrieu",
        ("caveau-et-gite-a-reprendre-ampuis", "tasting-cellar-and-gite-ampuis"),
        ("Caveau de dégustation et gîte à reprendre à Ampuis", "Tasting cellar and gîte to take over in Ampuis"),
        "reprise-d-entreprise",
        ["tourisme", "agriculture-alimentation"],
        (
            "Au pied des coteaux de la Côte-Rôtie, un caveau de vente et un gîte de douze couchages.",
            "At the foot of the Côte-Rôtie slopes, a wine-tasting shop and a gîte sleeping twelve.",
        ),
        (
            "Clientèle d'œnotouristes et de cyclistes de la ViaRhôna. Possibilité de reprendre le caveau et le "
            "gîte séparément.",
            "Wine tourists and ViaRhôna cyclists. The cellar and the gîte can be taken over separately.",
        ),
        ("Ampuis", "69420", "69007", 45.4900, 4.8100),
        reference="CON-2026-01",
        themes=["tourisme"],
        price="280000.00",
        contact=(
            "Hélène Roux",
            ("Cédante", "Owner"),
            "caveau.ampuis@example.org",
            "04 65 71 02 07",
        ),
    ),
    Offer(
        "region-de-condrieu",
        ("aide-a-domicile-condrieu", "home-care-worker-condrieu"),
        ("Aide à domicile (CDI, temps partiel choisi)", "Home care worker (permanent, chosen part-time)"),
        "emploi",
        ["services", "sante"],
        (
            "Une association d'aide à domicile recrute pour accompagner des personnes âgées sur le canton.",
            "A home-care association is hiring to support elderly people in the area.",
        ),
        (
            "Horaires adaptés à votre vie de famille, temps de trajet rémunéré, véhicule de service possible.",
            "Hours that fit your family life, paid travel time, a service vehicle is possible.",
        ),
        ("Condrieu", "69420", "69064", 45.4639, 4.7683),
        expires_in=7,
        salary="19000.00",
    ),
    Offer(
        "region-de-condrieu",
        ("parcelles-viticoles-condrieu", "vineyard-plots-condrieu"),
        ("Parcelles en coteaux pour une installation viticole", "Hillside plots to set up as a winegrower"),
        "foncier-agricole",
        ["agriculture-alimentation"],
        (
            "1,5 ha de terrasses en appellation Condrieu, à replanter, pour un jeune vigneron.",
            "1.5 hectares of terraces in the Condrieu appellation, to be replanted, for a young winegrower.",
        ),
        (
            "La SAFER et le territoire accompagnent l'installation ; un vigneron voisin propose de partager son "
            "chai les premières années.",
            "The SAFER and the territory support the start-up; a neighbouring winegrower offers to share his "
            "winery for the first years.",
        ),
        ("Condrieu", "69420", "69064", 45.4700, 4.7600),
        reference="CON-2026-02",
        status="in_discussion",
        price="75000.00",
        surface=15000,
    ),
    Offer(
        "region-de-condrieu",
        ("coworking-au-bord-du-rhone-condrieu", "riverside-coworking-condrieu"),
        ("Coworking au bord du Rhône à Condrieu", "Riverside coworking in Condrieu"),
        "tiers-lieu",
        ["numerique", "services"],
        (
            "Un espace de coworking lumineux à quarante minutes de Lyon, pour télétravailler près de chez soi.",
            "A bright coworking space forty minutes from Lyon, to work remotely close to home.",
        ),
        (
            "Postes nomades ou dédiés, cabines téléphoniques, cuisine partagée. Le premier mois est offert aux "
            "nouveaux habitants.",
            "Hot desks or fixed desks, phone booths, a shared kitchen. The first month is free for new residents.",
        ),
        ("Condrieu", "69420", "69064", 45.4620, 4.7700),
        themes=["accueil-d-actifs", "cooperation-ville-campagne"],
        rent="200.00",
    ),
    Offer(
        "region-de-condrieu",
        ("atelier-artisan-batiment-loire-sur-rhone", "building-trade-workshop-loire-sur-rhone"),
        ("Atelier d'artisan du bâtiment à louer", "Workshop for a building craftsperson to let"),
        "local-ou-atelier",
        ["artisanat"],
        (
            "Un atelier de 200 m² avec cour de stockage à Loire-sur-Rhône, près de l'autoroute.",
            "A 200 m² workshop with a storage yard in Loire-sur-Rhône, close to the motorway.",
        ),
        (
            "Idéal pour un menuisier, un plombier ou un électricien : la demande de rénovation est forte sur le "
            "territoire.",
            "Ideal for a joiner, a plumber or an electrician: demand for renovation work is high in the area.",
        ),
        ("Loire-sur-Rhône", "69700", "", 45.5500, 4.7900),
        status="filled",
        rent="650.00",
        surface=200,
    ),
    # --- CC du Pays de Saint-Félicien --------------------------------------------------------------
    Offer(
        "pays-de-saint-felicien",
        ("commerce-multiservice-a-reprendre-pailhares", "village-shop-to-take-over-pailhares"),
        ("Commerce multiservice à reprendre à Pailharès", "Multi-service village shop in Pailharès"),
        "reprise-d-entreprise",
        ["commerce", "services"],
        (
            "Épicerie, tabac et relais colis d'un village de montagne, avec logement.",
            "Grocery, tobacconist and parcel point in a mountain village, with a flat.",
        ),
        (
            "Les habitants se sont organisés en association pour soutenir le commerce. Chiffre d'affaires stable, "
            "forte fréquentation estivale.",
            "Residents have formed an association to support the shop. Stable turnover, busy summers.",
        ),
        ("Pailharès", "07410", "", 45.0790, 4.5680),
        reference="PSF-2026-01",
        themes=["reprise-d-entreprise", "entrepreneuriat-collectif"],
        expires_in=75,
        price="35000.00",
    ),
    Offer(
        "pays-de-saint-felicien",
        ("ferme-caprine-et-fromagerie-saint-felicien", "goat-farm-and-cheese-dairy-saint-felicien"),
        ("Ferme caprine et fromagerie à transmettre", "Goat farm and cheese dairy to pass on"),
        "foncier-agricole",
        ["agriculture-alimentation"],
        (
            "Une ferme de 25 ha produisant le caillé doux de Saint-Félicien cherche des repreneurs.",
            "A 25-hectare farm making Saint-Félicien's soft curd cheese is looking for new farmers.",
        ),
        (
            "Troupeau de soixante chèvres, fromagerie et point de vente à la ferme. Transmission progressive "
            "possible sur deux ans.",
            "A herd of sixty goats, a cheese dairy and a farm shop. The handover can be spread over two years.",
        ),
        ("Saint-Félicien", "07410", "07236", 45.0867, 4.6281),
        reference="PSF-2026-02",
        themes=["alimentation", "reprise-d-entreprise"],
        price="180000.00",
        surface=250000,
        available_in=120,
    ),
    Offer(
        "pays-de-saint-felicien",
        ("medecin-generaliste-cabinet-equipe-saint-felicien", "gp-equipped-surgery-saint-felicien"),
        ("Médecin généraliste : cabinet équipé à Saint-Félicien", "General practitioner: equipped surgery"),
        "installation-sante",
        ["sante"],
        (
            "Un cabinet équipé attend un médecin généraliste au sein de l'hôpital local de Saint-Félicien.",
            "An equipped surgery awaits a general practitioner in Saint-Félicien's local hospital.",
        ),
        (
            "Exercice libéral avec consultations avancées de spécialistes sur place. Loyer modéré et aide au logement.",
            "Self-employed practice with visiting specialists on site. Moderate rent and help with housing.",
        ),
        ("Saint-Félicien", "07410", "07236", 45.0880, 4.6300),
        expires_in=18,
        rent="350.00",
        contact=(
            "Léa Chapuis",
            ("Chargée de mission accueil et attractivité", "Officer for welcoming and attractiveness"),
            "lea.chapuis@example.org",
            "04 65 71 01 08",
        ),
    ),
    Offer(
        "pays-de-saint-felicien",
        ("relance-auberge-communale-arlebosc", "reopening-the-village-inn-arlebosc"),
        ("Appel à projets : relance de l'auberge communale", "Call for projects: reopening the village inn"),
        "appel-a-projets",
        ["tourisme", "culture"],
        (
            "Arlebosc cherche un porteur de projet pour rouvrir son auberge, lieu de vie et de concerts.",
            "Arlebosc is looking for a project holder to reopen its inn as a meeting place and music venue.",
        ),
        (
            "Bâtiment communal rénové, cuisine professionnelle, salle de cinquante places. Loyer progressif.",
            "A renovated council-owned building, a professional kitchen, a fifty-seat room. Stepped rent.",
        ),
        ("Arlebosc", "07410", "", 45.0390, 4.6520),
        themes=["tourisme"],
        expires_in=-60,
    ),
    Offer(
        "pays-de-saint-felicien",
        ("agent-accueil-touristique-saint-felicien", "tourist-information-assistant-saint-felicien"),
        ("Agent·e d'accueil touristique (saison estivale)", "Tourist information assistant (summer season)"),
        "emploi",
        ["tourisme"],
        (
            "L'office de tourisme recrute pour accueillir les visiteurs pendant l'été et l'Ardéchoise.",
            "The tourist office is hiring to welcome visitors over the summer and during the Ardéchoise.",
        ),
        (
            "Accueil au comptoir et par téléphone, conseil sur les randonnées et les producteurs. Anglais apprécié.",
            "Counter and phone enquiries, advice on walks and local producers. English is a plus.",
        ),
        ("Saint-Félicien", "07410", "07236", 45.0860, 4.6270),
        status="filled",
        salary="20500.00",
    ),
    # --- CC du Pays Diois --------------------------------------------------------------------------
    Offer(
        "pays-diois",
        ("boulangerie-bio-a-reprendre-luc-en-diois", "organic-bakery-to-take-over-luc-en-diois"),
        ("Boulangerie bio à reprendre à Luc-en-Diois", "Organic bakery to take over in Luc-en-Diois"),
        "reprise-d-entreprise",
        ["commerce", "artisanat", "agriculture-alimentation"],
        (
            "Une boulangerie biologique au levain, fournil et boutique, dans un village dynamique du Diois.",
            "An organic sourdough bakery, bakehouse and shop, in a lively Diois village.",
        ),
        (
            "Farines de paysans-meuniers du Diois, tournées dans les villages voisins, clientèle fidèle. "
            "Le cédant propose une période de tuilage.",
            "Flour from Diois farmer-millers, delivery rounds to nearby villages, loyal customers. The owner "
            "offers a handover period.",
        ),
        ("Luc-en-Diois", "26310", "", 44.6150, 5.4480),
        reference="DIO-2026-03",
        themes=["alimentation", "reprise-d-entreprise"],
        expires_in=100,
        price="85000.00",
        surface=120,
    ),
    Offer(
        "pays-diois",
        ("terres-plantes-aromatiques-chatillon-en-diois", "land-for-aromatic-plants-chatillon-en-diois"),
        ("Terres pour plantes aromatiques et médicinales", "Land for aromatic and medicinal plants"),
        "foncier-agricole",
        ["agriculture-alimentation"],
        (
            "4 ha en agriculture biologique à Châtillon-en-Diois, avec séchoir, pour des plantes à parfum.",
            "4 organic hectares in Châtillon-en-Diois, with a drying shed, for aromatic plants.",
        ),
        (
            "La coopérative locale achète lavande, thym et sarriette. Les terres sont proposées en fermage.",
            "The local cooperative buys lavender, thyme and savory. The land is offered on a farm tenancy.",
        ),
        ("Châtillon-en-Diois", "26410", "", 44.6940, 5.4840),
        reference="DIO-2026-01",
        themes=["alimentation"],
        surface=40000,
        conditions=("Bail rural de neuf ans.", "Nine-year farm tenancy."),
    ),
    Offer(
        "pays-diois",
        ("tiers-lieu-de-die-bureaux-partages", "die-third-place-shared-offices"),
        ("Tiers-lieu de Die : bureaux partagés et atelier numérique", "Die third place: shared offices"),
        "tiers-lieu",
        ["numerique", "culture"],
        (
            "Bureaux partagés, studio son et atelier numérique au cœur de Die, ouverts aux nouveaux arrivants.",
            "Shared offices, a sound studio and a digital workshop in the heart of Die, open to newcomers.",
        ),
        (
            "Le tiers-lieu organise chaque mois un accueil des nouveaux actifs avec la communauté de communes.",
            "Every month the third place and the community of communes hold a welcome for new working residents.",
        ),
        ("Die", "26150", "26113", 44.7536, 5.3700),
        themes=["accueil-d-actifs", "entrepreneuriat-collectif"],
        rent="160.00",
    ),
    Offer(
        "pays-diois",
        ("charge-de-projet-economie-circulaire-die", "circular-economy-project-officer-die"),
        ("Chargé·e de projet économie circulaire (CDD 18 mois)", "Circular economy project officer"),
        "emploi",
        ["economie-circulaire", "services"],
        (
            "La communauté de communes recrute pour animer son programme de réduction et de réemploi des déchets.",
            "The community of communes is hiring to run its waste reduction and reuse programme.",
        ),
        (
            "Vous accompagnez entreprises et associations, animez le réseau des acteurs du réemploi et suivez "
            "les financements.",
            "You support businesses and associations, lead the network of reuse organisations and manage the funding.",
        ),
        ("Die", "26150", "26113", 44.7540, 5.3660),
        reference="DIO-2026-02",
        themes=["economie-circulaire"],
        expires_in=25,
        salary="29000.00",
        available_in=60,
    ),
    Offer(
        "pays-diois",
        ("appel-a-projets-ressourcerie-du-diois", "call-for-projects-diois-reuse-shop"),
        ("Appel à projets : ressourcerie du Diois", "Call for projects: Diois reuse shop"),
        "appel-a-projets",
        ["economie-circulaire"],
        (
            "Un local de 300 m² à Pontaix et un soutien au démarrage pour une ressourcerie collective.",
            "A 300 m² building in Pontaix and start-up support for a collective reuse shop.",
        ),
        (
            "Le projet doit associer collecte, réparation et vente. Les candidatures collectives (SCIC, "
            "associations) sont encouragées.",
            "The project should combine collection, repair and sales. Collective applications (cooperatives, "
            "associations) are encouraged.",
        ),
        ("Pontaix", "26150", "", 44.7700, 5.2700),
        themes=["economie-circulaire", "entrepreneuriat-collectif"],
        expires_in=40,
        surface=300,
    ),
    Offer(
        "pays-diois",
        ("local-sage-femme-infirmier-maison-de-sante-die", "room-for-a-midwife-or-nurse-die-health-centre"),
        ("Local pour sage-femme ou infirmier·ère à Die", "Room for a midwife or nurse in Die"),
        "installation-sante",
        ["sante"],
        (
            "La maison de santé de Die propose un local à une sage-femme ou à un infirmier libéral.",
            "The Die health centre offers a room to a self-employed midwife or nurse.",
        ),
        (
            "Secrétariat et salle d'attente partagés, coordination avec les médecins de la maison de santé.",
            "Shared reception and waiting room, coordination with the centre's doctors.",
        ),
        ("Die", "26150", "26113", 44.7520, 5.3720),
        expires_in=-15,
        rent="300.00",
        surface=20,
    ),
    # Added last so the publication dates of the offers above stay as they were (see ``days_ago``).
    Offer(
        "monts-du-pilat",
        ("reprise-boulangerie-saint-sauveur-en-rue", "village-bakery-takeover-saint-sauveur-en-rue"),
        (
            "Reprise d'une boulangerie de village à Saint-Sauveur-en-Rue",
            "Village bakery takeover in Saint-Sauveur-en-Rue",
        ),
        "reprise-d-entreprise",
        ["commerce", "artisanat", "agriculture-alimentation"],
        (
            "Seule boulangerie du village, avec dépôt de presse et de produits locaux : la commune accompagne la "
            "reprise.",
            "The village's only bakery, with newspapers and local produce: the municipality supports the takeover.",
        ),
        (
            "Le boulanger part à la retraite. Le fournil (four à bois rénové, pétrin, façonneuse) et le logement "
            "à l'étage appartiennent à la commune, qui propose un loyer modéré la première année. Le point "
            "d'accueil création-reprise de la communauté de communes accompagne le repreneur.",
            "The baker is retiring. The bakehouse (renovated wood-fired oven, kneader, moulder) and the flat "
            "upstairs belong to the municipality, which offers a reduced rent in the first year. The community "
            "of communes' business creation and takeover desk supports the new owner.",
        ),
        ("Saint-Sauveur-en-Rue", "42220", "", 45.2700, 4.4950),
        reference="MPI-2026-06",
        themes=["reprise-d-entreprise"],
        expires_in=150,
        price="40000.00",
        surface=110,
    ),
]

CATALOGUE_TEXTS = {
    "title": ("Offres", "Offers"),
    "summary": (
        "Emplois, entreprises à reprendre, locaux, terres agricoles, tiers-lieux : les offres d'activités des "
        "territoires ruraux du réseau.",
        "Jobs, businesses to take over, premises, farmland, third places: the activity offers of the network's "
        "rural territories.",
    ),
    "intro": (
        "<p>Chaque territoire publie ici ses opportunités d'installation. Filtrez par territoire, type d'offre "
        "ou secteur, et contactez directement la personne indiquée sur l'offre.</p>",
        "<p>Each territory publishes its opportunities to settle here. Filter by territory, type of offer or "
        "sector, and contact the person named on the offer directly.</p>",
    ),
    "entry": (
        "Les offres d'activités",
        "Activity offers",
        "Emplois, reprises d'entreprise, locaux, foncier agricole et tiers-lieux dans les territoires.",
        "Jobs, business takeovers, premises, farmland and third places in the territories.",
    ),
}


def _taxonomy(model, slug, names, descriptions, fr, en, **extra):
    """Create or update a French term and its English translation (same slug, same extra fields)."""
    source = model.objects.filter(slug=slug, locale=fr).first() or model(slug=slug, locale=fr)
    source.name, source.description = T(*names), T(*descriptions)
    for name, value in extra.items():
        setattr(source, name, value)
    source.save()
    translated = source.get_translation_or_none(en) or source.copy_for_translation(en)
    translated.slug, translated.name, translated.description = slug, names[1], descriptions[1]
    for name, value in extra.items():
        setattr(translated, name, value)
    translated.save()


def prepare(fr, en):
    """Offer types and sectors in both languages (the Communication role manages them: cms/roles.py)."""
    for slug, names, descriptions, is_job in OFFER_TYPES:
        _taxonomy(OfferType, slug, names, descriptions, fr, en, is_job=is_job)
    for slug, names, descriptions in SECTORS:
        _taxonomy(Sector, slug, names, descriptions, fr, en)


def _bucket(moment, now):
    if moment <= now:
        return "expired"
    return "soon" if moment <= now + datetime.timedelta(days=SOON_DAYS) else "later"


def expiry(days, existing, now):
    """The expiry date ``days`` from today (6 pm, Paris time), or ``existing`` if it is in the same bucket."""
    if days is None:
        return None
    wanted = datetime.datetime.combine(
        timezone.localdate(now, PARIS) + datetime.timedelta(days=days), datetime.time(18), tzinfo=PARIS
    )
    if existing is not None and _bucket(existing, now) == _bucket(wanted, now):
        return existing
    return wanted


def _available_from(days, existing, today):
    if days is None:
        return None
    if existing is not None and existing > today:
        return existing
    return today + datetime.timedelta(days=days)


def _money(value):
    return Decimal(value) if value is not None else None


def offer_spec(offer, types, sectors, themes, existing, now, image_key, published_days_ago):
    """The PageSpec of one offer (``existing``: the French page already loaded, or None)."""
    fields = {
        # Spread over the last months, so that "newest first" mixes territories as real life would.
        "first_published_at": (
            existing.first_published_at
            if existing and existing.first_published_at
            else now - datetime.timedelta(days=published_days_ago, hours=published_days_ago % 9)
        ),
        "offer_type": types[offer.offer_type],
        # Many-to-many values in the order the database returns them, so that a re-run compares equal.
        "sectors": [term for slug, term in sectors.items() if slug in offer.sectors],
        "themes": [term for slug, term in themes.items() if slug in offer.themes],
        "status": offer.status,
        "reference": N(offer.reference) if offer.reference else "",
        "summary": T(*offer.summary),
        "image": ImageRef(image_key),
        "body": [paragraph(T(f"<p>{offer.body[0]}</p>", f"<p>{offer.body[1]}</p>"))],
        "commune": N(offer.place[0]),
        "postcode": offer.place[1],
        "insee_code": offer.place[2],
        "latitude": offer.place[3],
        "longitude": offer.place[4],
        "price": _money(offer.price),
        "rent": _money(offer.rent),
        "salary": _money(offer.salary),
        "surface": offer.surface,
        "conditions": T(*offer.conditions) if offer.conditions[0] else "",
        "available_from": _available_from(
            offer.available_in, existing.available_from if existing else None, timezone.localdate(now, PARIS)
        ),
        "expire_at": expiry(offer.expires_in, existing.expire_at if existing else None, now),
        "contact_name": "",
        "contact_role": "",
        "contact_email": "",
        "contact_phone": "",
    }
    if offer.conditions[0]:
        fields["body"].append(heading(T("Conditions", "Terms")))
        fields["body"].append(paragraph(T(f"<p>{offer.conditions[0]}</p>", f"<p>{offer.conditions[1]}</p>")))
    if offer.contact:
        name, role, email, phone = offer.contact
        fields.update(contact_name=N(name), contact_role=T(*role), contact_email=email, contact_phone=phone)
    return PageSpec("offers.OfferPage", T(*offer.slug), T(*offer.title), fields=fields)


def catalogue_spec():
    texts = CATALOGUE_TEXTS
    return PageSpec(
        "offers.OfferIndexPage",
        T(CATALOGUE_SLUG, "offers"),
        T(*texts["title"]),
        fields={"show_in_menus": True, "summary": T(*texts["summary"]), "intro": T(*texts["intro"])},
    )


def extend_tree(home_spec, fr):
    """The catalogue after "Territoires" in the menu, an entry point to it on the home page, the offers."""
    territories_at = next(i for i, child in enumerate(home_spec.children) if child.slug == TERRITORY_INDEX_SLUG)
    if find_spec(home_spec, CATALOGUE_SLUG) is None:
        home_spec.children.insert(territories_at + 1, catalogue_spec())
    entry_points = home_spec.fields.get("entry_points")
    if entry_points is not None and len(entry_points) < 6:
        title_fr, title_en, text_fr, text_en = CATALOGUE_TEXTS["entry"]
        link = {"page": PageRef(CATALOGUE_SLUG), "url": "", "label": ""}
        entry_points.insert(1, ("entry", {"title": T(title_fr, title_en), "text": T(text_fr, text_en), "link": link}))

    now = timezone.now()
    # Dicts keep the database's order (the models' ``ordering``), whatever the collation.
    types = {term.slug: term for term in OfferType.objects.filter(locale=fr)}
    sectors = {term.slug: term for term in Sector.objects.filter(locale=fr)}
    themes = {term.slug: term for term in Theme.objects.filter(locale=fr)}
    existing = {
        (page.territory.slug if page.territory else "", page.slug): page
        for page in OfferPage.objects.filter(locale=fr).select_related("territory")
    }
    images = {row[0]: row[4] for row in TERRITORIES}
    for index, offer in enumerate(OFFERS):
        territory = find_spec(home_spec, f"{TERRITORY_INDEX_SLUG}/{offer.territory}")
        current = existing.get((offer.territory, offer.slug[0]))
        days_ago = 1 + (index * 37) % 150  # a deterministic shuffle of the publication dates
        spec = offer_spec(offer, types, sectors, themes, current, now, images[offer.territory], days_ago)
        territory.children.append(spec)


SYNCED_DATES = ["expire_at", "first_published_at"]


def after_sync(pages, translations, fr, en):
    """Give the English offers the French dates: wagtail-localize syncs neither ``expire_at`` nor the first
    publication date (an English offer would outlive its French original, and all would look published today)."""
    french = {page.translation_key: page for page in pages.values() if isinstance(page, OfferPage)}
    for page in OfferPage.objects.filter(locale=en, translation_key__in=french):
        source = french[page.translation_key]
        changes = {name: getattr(source, name) for name in SYNCED_DATES if getattr(page, name) != getattr(source, name)}
        if changes:
            OfferPage.objects.filter(pk=page.pk).update(**changes)
