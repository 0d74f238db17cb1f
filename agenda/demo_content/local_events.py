"""Local demo events: five per territory, published under the TerritoryPage (places are real communes)."""

from agenda.demo_content.events import STEP_FREE, Event, When
from agenda.models import AttendanceMode, DateStatus, RegistrationMode

LOCAL = [
    # --- Site de proximité du Roannais -------------------------------------------------------------
    Event(
        "roannais",
        ("cafe-repreneurs-du-roannais", "roannais-business-buyers-cafe"),
        ("Café repreneurs du Roannais", "Roannais business buyers' café"),
        "atelier",
        (
            "Tous les quinze jours, un rendez-vous convivial entre cédants, repreneurs et accompagnateurs.",
            "Every other week, an informal meeting for sellers, buyers and advisers.",
        ),
        (
            "Chaque séance part d'une entreprise à reprendre du Roannais présentée par son cédant, puis laisse la "
            "place aux questions. Sans inscription.",
            "Each session starts with a Roannais business for sale presented by its owner, then opens to "
            "questions. No registration needed.",
        ),
        ("Brasserie du théâtre", "Place de l'Hôtel de Ville", "Roanne", "42300", 46.0365, 4.0690),
        [When(8, "18:00", "19:30")],
        themes=["reprise-d-entreprise"],
        audiences=["porteurs-de-projets"],
        recurrence="FREQ=WEEKLY;INTERVAL=2;COUNT=6",
    ),
    Event(
        "roannais",
        ("visite-atelier-textile-partage-roanne", "visit-shared-textile-workshop-roanne"),
        ("Visite de l'atelier textile partagé de Roanne", "Visit to the shared textile workshop in Roanne"),
        "visite",
        (
            "Découvrez l'atelier où créateurs et petites marques du textile partagent machines et savoir-faire.",
            "Discover the workshop where designers and small textile brands share machines and know-how.",
        ),
        (
            "Les résidents présentent leur parcours et les conditions pour rejoindre l'atelier : location de "
            "postes, accès aux machines industrielles, accompagnement à la création.",
            "The residents present their paths and how to join the workshop: renting a workbench, access to "
            "industrial machines, support for starting up.",
        ),
        ("Atelier textile partagé", "Rue de la Bonneterie", "Roanne", "42300", 46.0420, 4.0760),
        [When(24, "14:00", "16:00", capacity=12, deadline=3)],
        themes=["entrepreneuriat-collectif"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "eco.roannais@example.org"),
    ),
    Event(
        "roannais",
        ("forum-de-la-reprise-d-entreprise-riorges", "business-takeover-forum-riorges"),
        ("Forum de la reprise d'entreprise", "Business takeover forum"),
        "evenement-local",
        (
            "Une journée pour rencontrer les cédants du Roannais, les banques et les chambres consulaires.",
            "A day to meet Roannais business owners who are selling, banks and the chambers of commerce and crafts.",
        ),
        (
            "Trente entreprises à reprendre présentées sur stands, des conférences sur l'évaluation et le "
            "financement d'une reprise, et des rendez-vous individuels avec les conseillers.",
            "Thirty businesses for sale presented on stands, talks on valuing and financing a takeover, and "
            "one-to-one meetings with advisers.",
        ),
        ("Salle des fêtes", "Rue Pierre Mendès France", "Riorges", "42153", 46.0430, 4.0400),
        [When(60, "09:00", "17:00")],
        themes=["reprise-d-entreprise"],
        audiences=["porteurs-de-projets"],
        accessibility=STEP_FREE,
    ),
    Event(
        "roannais",
        ("matinee-commerces-a-reprendre-charlieu", "morning-shops-to-take-over-charlieu"),
        ("Matinée des commerces à reprendre à Charlieu", "Morning of shops to take over in Charlieu"),
        "session-information",
        (
            "Une visite guidée des commerces du centre historique qui cherchent un repreneur.",
            "A guided tour of the shops in the historic centre that are looking for a buyer.",
        ),
        (
            "Rendez-vous devant l'abbaye : la commune et les cédants présentent les locaux, le chiffre d'affaires "
            "et les aides au maintien du commerce de centre-bourg.",
            "Meet in front of the abbey: the town council and the owners present the premises, the turnover and "
            "the help available to keep village-centre shops open.",
        ),
        ("Devant l'abbaye", "Place de l'Abbaye", "Charlieu", "42190", 46.1600, 4.1725),
        [When(81, "09:00", "12:00", capacity=20)],
        themes=["reprise-d-entreprise"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "eco.roannais@example.org"),
    ),
    Event(
        "roannais",
        ("soiree-nouveaux-arrivants-renaison", "newcomers-evening-renaison"),
        ("Soirée d'accueil des nouveaux arrivants", "Welcome evening for newcomers"),
        "evenement-local",
        (
            "Élus, associations et entreprises accueillent les personnes installées dans l'année.",
            "Elected officials, associations and businesses welcome the people who moved in this year.",
        ),
        (
            "Présentation des services, des associations et des réseaux d'entrepreneurs, suivie d'un buffet "
            "préparé par les producteurs de la côte roannaise.",
            "An introduction to local services, associations and business networks, followed by a buffet made by "
            "the farmers of the Côte Roannaise.",
        ),
        ("Salle polyvalente", "Place du Marché", "Renaison", "42370", 46.0500, 3.9250),
        [When(110, "18:30", "21:00")],
        themes=["accueil-d-actifs"],
        audiences=["porteurs-de-projets", "elus"],
        registration=(RegistrationMode.EMAIL, "accueil.roannais@example.org"),
    ),
    # --- CC du Pilat Rhodanien ---------------------------------------------------------------------
    Event(
        "pilat-rhodanien",
        ("marche-des-producteurs-pelussin", "farmers-market-pelussin"),
        ("Marché des producteurs et des métiers de bouche", "Farmers' and food trades market"),
        "evenement-local",
        (
            "Un marché où rencontrer les producteurs qui cherchent associés, salariés ou repreneurs.",
            "A market to meet farmers looking for partners, staff or someone to take over.",
        ),
        (
            "Sur la place, un stand de la communauté de communes présente les terres, les ateliers de "
            "transformation et les points de vente collectifs disponibles.",
            "On the square, the community of communes' stand presents the land, processing workshops and "
            "collective shops available.",
        ),
        ("Place du marché", "Place des Croix", "Pélussin", "42410", 45.4190, 4.6830),
        [When(19, "08:00", "13:00")],
        themes=["alimentation"],
        audiences=["porteurs-de-projets"],
    ),
    Event(
        "pilat-rhodanien",
        ("atelier-s-installer-en-circuits-courts", "workshop-setting-up-in-short-supply-chains"),
        ("Atelier : s'installer en circuits courts", "Workshop: setting up in short supply chains"),
        "atelier",
        (
            "Vente directe, magasins de producteurs, restauration collective : les débouchés du Pilat Rhodanien.",
            "Direct sales, farm shops, school catering: the outlets in Pilat Rhodanien.",
        ),
        (
            "Avec la chambre d'agriculture et deux magasins de producteurs, un après-midi pour construire son "
            "plan de commercialisation.",
            "With the chamber of agriculture and two farm shops, an afternoon to build your sales plan.",
        ),
        ("Maison des associations", "Rue de la Mairie", "Chavanay", "42410", 45.4160, 4.7260),
        [When(31, "14:00", "17:00", capacity=15, deadline=3)],
        themes=["alimentation"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.LINK, "https://www.example.org/pilat-rhodanien/atelier-circuits-courts"),
    ),
    Event(
        "pilat-rhodanien",
        ("visite-zone-d-activites-saint-pierre-de-boeuf", "visit-business-park-saint-pierre-de-boeuf"),
        ("Visite de la zone d'activités de Saint-Pierre-de-Bœuf", "Visit to the Saint-Pierre-de-Bœuf business park"),
        "visite",
        (
            "Les lots et ateliers disponibles au bord du Rhône, présentés par le service économique.",
            "The plots and workshops available on the banks of the Rhône, presented by the economic service.",
        ),
        (
            "Une visite à pied des bâtiments libres, suivie d'un échange sur les conditions d'implantation et "
            "les aides à l'immobilier d'entreprise.",
            "A walking tour of the vacant buildings, followed by a talk on the terms for setting up and the help "
            "with business premises.",
        ),
        ("Zone d'activités", "Rue du Rhône", "Saint-Pierre-de-Bœuf", "42520", 45.3680, 4.7480),
        [When(45, "10:00", "12:00", capacity=15)],
        themes=["accueil-d-actifs"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "eco.pilatrhodanien@example.org"),
    ),
    Event(
        "pilat-rhodanien",
        ("randonnee-decouverte-futurs-habitants", "discovery-walk-future-residents"),
        (
            "Randonnée découverte du Pilat Rhodanien pour les futurs habitants",
            "Discovery walk in Pilat Rhodanien for future residents",
        ),
        "evenement-local",
        (
            "Une journée de marche entre vignes et vergers, avec des habitants installés depuis peu.",
            "A day's walk among vineyards and orchards, with people who have recently moved here.",
        ),
        (
            "Douze kilomètres de Pélussin à Malleval, des haltes chez un vigneron et dans un tiers-lieu, et le "
            "retour en navette. Prévoir de bonnes chaussures.",
            "Twelve kilometres from Pélussin to Malleval, stops at a winegrower's and a third place, and a shuttle "
            "back. Bring good walking shoes.",
        ),
        ("Office de tourisme", "Place des Croix", "Pélussin", "42410", 45.4190, 4.6830),
        [When(75, "09:30", "16:00", capacity=30, deadline=4)],
        themes=["tourisme", "accueil-d-actifs"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "accueil.pilatrhodanien@example.org"),
        price="5.00",
        price_details=(
            "Participation à la navette ; repas tiré du sac.",
            "Shuttle contribution; bring a packed lunch.",
        ),
    ),
    Event(
        "pilat-rhodanien",
        ("session-travailler-dans-la-viticulture", "session-working-in-winegrowing"),
        ("Session d'information : travailler dans la viticulture", "Information session: working in winegrowing"),
        "session-information",
        (
            "Les métiers de la vigne et du vin qui recrutent sur les coteaux du Rhône.",
            "The vineyard and wine jobs on offer on the Rhône slopes.",
        ),
        (
            "Des domaines, le groupement d'employeurs et le lycée agricole présentent les postes, les formations "
            "courtes et les possibilités d'installation.",
            "Estates, the employers' group and the agricultural college present the jobs, short courses and "
            "opportunities to set up.",
        ),
        ("Cave coopérative", "Route du Rhône", "Chavanay", "42410", 45.4180, 4.7300),
        [When(102, "09:30", "12:00")],
        themes=["alimentation"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "eco.pilatrhodanien@example.org"),
    ),
    # --- CC des Monts du Pilat ---------------------------------------------------------------------
    Event(
        "monts-du-pilat",
        ("visite-ferme-a-reprendre-marlhes", "visit-farm-to-take-over-marlhes"),
        ("Visite d'une ferme à reprendre à Marlhes", "Visit to a farm for takeover in Marlhes"),
        "visite",
        (
            "Une exploitation laitière en bio cherche repreneurs ; visite avec les cédants.",
            "An organic dairy farm is looking for buyers; a visit with the owners.",
        ),
        (
            "Visite annulée : les cédants ont trouvé un repreneur. La communauté de communes proposera d'autres "
            "visites de fermes dans l'année.",
            "Visit cancelled: the owners have found a buyer. The community of communes will offer other farm "
            "visits during the year.",
        ),
        ("Ferme du Grand Pré", "Lieu-dit Le Grand Pré", "Marlhes", "42660", 45.2830, 4.3960),
        [When(26, "10:00", "12:00", status=DateStatus.CANCELLED, capacity=12)],
        themes=["alimentation", "reprise-d-entreprise"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "accueil.montsdupilat@example.org"),
    ),
    Event(
        "monts-du-pilat",
        ("atelier-filiere-bois-metiers", "workshop-timber-jobs"),
        ("Atelier filière bois : les métiers qui recrutent", "Timber industry workshop: the jobs on offer"),
        "atelier",
        (
            "Scieries, charpentiers et menuisiers du Pilat présentent leurs besoins.",
            "Sawmills, carpenters and joiners of the Pilat present what they need.",
        ),
        (
            "Bûcheron, scieur, charpentier : un après-midi pour découvrir les métiers, les formations et les "
            "entreprises qui embauchent ou cherchent un successeur.",
            "Lumberjack, sawyer, carpenter: an afternoon to discover the trades, the training and the businesses "
            "that are hiring or looking for a successor.",
        ),
        ("Maison des services", "Rue du Ravin", "Bourg-Argental", "42220", 45.2990, 4.5660),
        [When(38, "14:00", "17:00")],
        themes=["reprise-d-entreprise"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "accueil.montsdupilat@example.org"),
    ),
    Event(
        "monts-du-pilat",
        ("matinee-reprendre-un-commerce-rural", "morning-taking-over-a-rural-shop"),
        (
            "Matinée découverte : reprendre un commerce en milieu rural",
            "Discovery morning: taking over a shop in a rural area",
        ),
        "session-information",
        (
            "Les étapes d'une reprise de commerce de village, avec des repreneurs récents.",
            "The steps of taking over a village shop, with people who recently did it.",
        ),
        (
            "La chambre de commerce présente la démarche et les aides ; une épicière et un boulanger installés "
            "depuis deux ans racontent leur reprise.",
            "The chamber of commerce presents the process and the help available; a grocer and a baker who took "
            "over two years ago tell their story.",
        ),
        ("Maison des services", "Rue du Ravin", "Bourg-Argental", "42220", 45.2990, 4.5660),
        [When(63, "09:00", "12:30", capacity=25)],
        themes=["reprise-d-entreprise"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "accueil.montsdupilat@example.org"),
    ),
    Event(
        "monts-du-pilat",
        ("journee-portes-ouvertes-fermes-du-pilat", "pilat-farms-open-day"),
        ("Journée portes ouvertes des fermes du Pilat", "Pilat farms open day"),
        "evenement-local",
        (
            "Une quinzaine de fermes ouvrent leurs portes : traite, fromagerie, vente à la ferme.",
            "Some fifteen farms open their doors: milking, cheese-making, farm sales.",
        ),
        (
            "Un circuit à faire en voiture ou à vélo, avec un point d'information sur l'installation agricole à "
            "Saint-Genest-Malifaux.",
            "A route to follow by car or by bike, with an information point on setting up in farming in "
            "Saint-Genest-Malifaux.",
        ),
        ("Point d'accueil", "Place de l'Église", "Saint-Genest-Malifaux", "42660", 45.3400, 4.4180),
        [When(96)],
        themes=["alimentation", "tourisme"],
        audiences=["porteurs-de-projets"],
    ),
    Event(
        "monts-du-pilat",
        ("soiree-tiers-lieu-saint-genest-malifaux", "third-place-evening-saint-genest-malifaux"),
        ("Soirée au tiers-lieu de Saint-Genest-Malifaux", "Evening at the Saint-Genest-Malifaux third place"),
        "evenement-local",
        (
            "Télétravailleurs, artisans et associations présentent le tiers-lieu et ses projets.",
            "Remote workers, craftspeople and associations present the third place and its projects.",
        ),
        (
            "Visite des espaces, présentation des formules de location et apéritif partagé. Ouvert à tous.",
            "A tour of the spaces, the rental options and a shared drink. Open to all.",
        ),
        ("Tiers-lieu", "Rue du Feuillage", "Saint-Genest-Malifaux", "42660", 45.3410, 4.4200),
        [When(117, "18:00", "21:00")],
        themes=["entrepreneuriat-collectif", "accueil-d-actifs"],
        audiences=["porteurs-de-projets"],
    ),
    # --- Site de proximité Centre Ardèche ----------------------------------------------------------
    Event(
        "centre-ardeche",
        ("permanence-creation-reprise-le-cheylard", "business-creation-drop-in-le-cheylard"),
        ("Permanences création-reprise au Cheylard", "Business creation and takeover drop-ins in Le Cheylard"),
        "atelier",
        (
            "Un lundi matin par mois, un conseiller reçoit créateurs et repreneurs sur rendez-vous.",
            "One Monday morning a month, an adviser sees founders and buyers by appointment.",
        ),
        (
            "Trois permanences pour faire le point sur votre projet, vos financements et les locaux disponibles "
            "dans la vallée de l'Eyrieux.",
            "Three drop-ins to review your project, your funding and the premises available in the Eyrieux valley.",
        ),
        ("Mairie", "Place Saléon-Terras", "Le Cheylard", "07160", 44.9060, 4.4240),
        [When(21, "09:00", "12:00"), When(49, "09:00", "12:00"), When(77, "09:00", "12:00")],
        themes=["reprise-d-entreprise"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "eco.centreardeche@example.org"),
    ),
    Event(
        "centre-ardeche",
        ("salon-de-l-installation-en-ardeche", "ardeche-settling-in-fair"),
        ("Salon de l'installation en Ardèche", "Ardèche settling-in fair"),
        "salon",
        (
            "Deux jours pour trouver un emploi, un local ou une entreprise à reprendre en Ardèche.",
            "Two days to find a job, premises or a business to take over in Ardèche.",
        ),
        (
            "Cinquante exposants : employeurs, cédants, agences immobilières, réseaux d'accompagnement et "
            "collectivités. Conférences sur l'installation en famille et le télétravail.",
            "Fifty exhibitors: employers, business sellers, estate agents, support networks and local "
            "authorities. Talks on moving with a family and remote work.",
        ),
        ("Espace Ouvèze", "Avenue de Chomérac", "Privas", "07000", 44.7300, 4.5950),
        [When(88, days=2)],
        themes=["accueil-d-actifs", "reprise-d-entreprise"],
        audiences=["porteurs-de-projets"],
        accessibility=STEP_FREE,
    ),
    Event(
        "centre-ardeche",
        ("visite-tiers-lieux-privas-vernoux", "visit-third-places-privas-vernoux"),
        ("Visite de tiers-lieux : Privas et Vernoux", "Third places tour: Privas and Vernoux"),
        "visite",
        (
            "Une journée pour découvrir deux tiers-lieux et les activités qui s'y sont créées.",
            "A day to discover two third places and the businesses started there.",
        ),
        (
            "Complet : la liste d'attente est ouverte auprès du service économique. Covoiturage organisé depuis "
            "Privas.",
            "Full: a waiting list is open with the economic service. Car sharing from Privas.",
        ),
        ("Tiers-lieu", "Cours du Temple", "Privas", "07000", 44.7350, 4.5990),
        [When(52, "09:00", "17:00", status=DateStatus.FULL, capacity=20)],
        themes=["entrepreneuriat-collectif"],
        audiences=["porteurs-de-projets", "agents-de-developpement"],
        registration=(RegistrationMode.EMAIL, "eco.centreardeche@example.org"),
        price="15.00",
        price_details=("Repas de midi.", "Lunch."),
    ),
    Event(
        "centre-ardeche",
        ("atelier-financer-son-projet-privas", "workshop-funding-your-project-privas"),
        (
            "Atelier : financer son projet avec la plateforme d'initiative locale",
            "Workshop: funding your project with the local Initiative platform",
        ),
        "atelier",
        (
            "Prêts d'honneur, garanties et parrainage expliqués par la plateforme d'initiative locale.",
            "Interest-free loans, guarantees and mentoring explained by the local Initiative platform.",
        ),
        (
            "Comment se passe un comité d'agrément ? Quel effet de levier sur le prêt bancaire ? Deux créateurs "
            "financés l'an passé témoignent.",
            "What happens at an approval committee? How much does it help with a bank loan? Two founders funded "
            "last year share their experience.",
        ),
        ("Maison de l'entreprise", "Avenue de l'Europe unie", "Privas", "07000", 44.7360, 4.6000),
        [When(67, "14:00", "16:30", capacity=20)],
        themes=["reprise-d-entreprise"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.LINK, "https://www.example.org/centre-ardeche/atelier-financement"),
    ),
    Event(
        "centre-ardeche",
        ("webinaire-s-installer-en-centre-ardeche", "webinar-settling-in-centre-ardeche"),
        ("Webinaire : s'installer en Centre Ardèche", "Webinar: settling in Centre Ardèche"),
        "webinaire",
        (
            "Une heure en ligne pour découvrir le territoire sans se déplacer.",
            "One hour online to discover the territory without travelling.",
        ),
        (
            "Présentation du territoire, des offres d'activités du moment et de l'accompagnement proposé, puis "
            "questions-réponses.",
            "An introduction to the territory, the current activity offers and the support available, then "
            "questions and answers.",
        ),
        None,
        [When(32, "12:30", "13:30")],
        themes=["accueil-d-actifs"],
        audiences=["porteurs-de-projets"],
        attendance=AttendanceMode.ONLINE,
        online_link="https://visio.example.org/centre-ardeche/s-installer",
        registration=(RegistrationMode.LINK, "https://www.example.org/centre-ardeche/webinaire"),
    ),
    # --- Pays Beaujolais (Beaujolais Vert) ---------------------------------------------------------
    Event(
        "beaujolais-vert",
        ("parcours-createurs-beaujolais-vert", "founders-course-beaujolais-vert"),
        (
            "Parcours créateurs : un atelier par semaine pour préparer son installation",
            "Founders' course: one workshop a week to prepare your move",
        ),
        "atelier",
        (
            "Sept ateliers du jeudi soir pour passer de l'idée au projet, avec les conseillers du territoire.",
            "Seven Thursday-evening workshops to turn an idea into a project, with the territory's advisers.",
        ),
        (
            "Étude de marché, statut, financement, local, réseau : chaque semaine une étape, et un suivi "
            "individuel entre les séances. La quatrième semaine, pas d'atelier : elle est réservée aux rendez-vous "
            "individuels.",
            "Market research, legal status, funding, premises, network: one step each week, with one-to-one "
            "follow-up between sessions. There is no workshop in the fourth week, which is kept for one-to-one "
            "meetings.",
        ),
        ("Maison du Beaujolais Vert", "Place de l'Hôtel de Ville", "Amplepuis", "69550", 45.9730, 4.3310),
        [When(24, "18:00", "20:30", capacity=15, deadline=3)],
        themes=["accueil-d-actifs", "reprise-d-entreprise"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "createurs.beaujolaisvert@example.org"),
        price="30.00",
        price_details=("Pour l'ensemble du parcours.", "For the whole course."),
        recurrence="FREQ=WEEKLY;COUNT=8",
        exceptions=(21,),
    ),
    Event(
        "beaujolais-vert",
        ("visite-coworking-thizy-les-bourgs", "visit-coworking-thizy-les-bourgs"),
        ("Visite de l'espace de coworking de Thizy-les-Bourgs", "Visit to the Thizy-les-Bourgs coworking space"),
        "visite",
        (
            "Bureaux, salle de réunion et fibre : l'espace de travail partagé ouvre ses portes.",
            "Desks, a meeting room and fibre broadband: the shared workspace opens its doors.",
        ),
        (
            "Les coworkers présentent leur quotidien et les formules d'accès, à la journée ou au mois.",
            "The coworkers talk about their daily life and the access options, by the day or by the month.",
        ),
        ("Espace de coworking", "Rue Jean Jaurès", "Thizy-les-Bourgs", "69240", 46.0290, 4.3130),
        [When(39, "17:00", "19:00")],
        themes=["accueil-d-actifs"],
        audiences=["porteurs-de-projets"],
    ),
    Event(
        "beaujolais-vert",
        ("forum-des-metiers-du-beaujolais-vert", "beaujolais-vert-jobs-forum"),
        ("Forum des métiers du Beaujolais Vert", "Beaujolais Vert jobs forum"),
        "evenement-local",
        (
            "Les entreprises du territoire recrutent : industrie, artisanat, services à la personne.",
            "The territory's businesses are hiring: industry, crafts, personal care services.",
        ),
        (
            "Quarante employeurs, un espace conseil pour le conjoint qui suit, et des informations sur le "
            "logement et la garde d'enfants.",
            "Forty employers, an advice corner for the partner who moves too, and information on housing and "
            "childcare.",
        ),
        ("Salle des sports", "Rue du Stade", "Cours", "69470", 46.1000, 4.3200),
        [When(74, "09:00", "16:00")],
        themes=["accueil-d-actifs"],
        audiences=["porteurs-de-projets"],
        accessibility=STEP_FREE,
    ),
    Event(
        "beaujolais-vert",
        ("week-end-vis-ma-vie-a-la-campagne", "weekend-try-country-life"),
        ("Week-end « Vis ma vie à la campagne »", "“Try country life” weekend"),
        "evenement-local",
        (
            "Deux jours en immersion chez des habitants qui ont quitté la ville pour le Beaujolais Vert.",
            "Two days staying with people who left the city for Beaujolais Vert.",
        ),
        (
            "Hébergement chez l'habitant, visites d'entreprises et de logements, rencontre avec les élus et "
            "découverte des écoles et des services.",
            "A stay with local people, visits to businesses and homes, a meeting with elected officials and a "
            "look at schools and services.",
        ),
        ("Maison du Beaujolais Vert", "Place de l'Hôtel de Ville", "Amplepuis", "69550", 45.9730, 4.3310),
        [When(103, "10:00", "16:00", days=2, capacity=12, deadline=14)],
        themes=["accueil-d-actifs", "tourisme"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.LINK, "https://www.example.org/beaujolais-vert/vis-ma-vie"),
        price="40.00",
        price_details=("Hébergement et repas compris, par personne.", "Accommodation and meals included, per person."),
    ),
    Event(
        "beaujolais-vert",
        ("atelier-reprendre-une-exploitation-agricole", "workshop-taking-over-a-farm"),
        ("Atelier : reprendre une exploitation agricole", "Workshop: taking over a farm"),
        "atelier",
        (
            "Les étapes et les aides pour reprendre une ferme, avec la chambre d'agriculture.",
            "The steps and the help available to take over a farm, with the chamber of agriculture.",
        ),
        (
            "Répertoire départ-installation, stage de parrainage, dotation jeune agriculteur : une matinée pour "
            "s'y retrouver.",
            "Farm transfer register, mentoring placement, young farmer grant: a morning to find your way.",
        ),
        ("Salle du conseil", "Place de la Mairie", "Lamure-sur-Azergues", "69870", 46.0620, 4.4920),
        [When(130, "09:30", "12:30", capacity=20)],
        themes=["alimentation", "reprise-d-entreprise"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "createurs.beaujolaisvert@example.org"),
    ),
    # --- Ville d'Oyonnax ---------------------------------------------------------------------------
    Event(
        "oyonnax",
        ("decouverte-plastics-vallee", "discovering-plastics-vallee"),
        ("Découverte de la Plastics Vallée : visite d'entreprises", "Discovering Plastics Vallée: company visits"),
        "visite",
        (
            "Une matinée dans deux entreprises de plasturgie qui recrutent techniciens et régleurs.",
            "A morning at two plastics companies hiring technicians and machine setters.",
        ),
        (
            "Visite des ateliers d'injection et de moules, présentation des postes et des formations en alternance.",
            "A tour of the injection and mould workshops, an introduction to the jobs and the work-study courses.",
        ),
        ("Point de rendez-vous : Valexpo", "Rue Brillat-Savarin", "Oyonnax", "01100", 46.2570, 5.6550),
        [When(25, "09:00", "12:30", capacity=15, deadline=4)],
        themes=["accueil-d-actifs"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "emploi.oyonnax@example.org"),
    ),
    Event(
        "oyonnax",
        ("job-dating-industrie-oyonnax", "industry-job-dating-oyonnax"),
        ("Job dating industrie", "Industry job dating"),
        "evenement-local",
        (
            "Dix minutes pour convaincre : trente entreprises industrielles reçoivent les candidats.",
            "Ten minutes to make your case: thirty manufacturers meet candidates.",
        ),
        (
            "Venez avec votre CV. Un espace présente aussi les logements disponibles et les services d'accueil de "
            "la ville.",
            "Bring your CV. A corner also presents available housing and the town's welcome services.",
        ),
        ("Valexpo", "Rue Brillat-Savarin", "Oyonnax", "01100", 46.2570, 5.6550),
        [When(43, "14:00", "18:00")],
        themes=["accueil-d-actifs"],
        audiences=["porteurs-de-projets"],
        accessibility=STEP_FREE,
    ),
    Event(
        "oyonnax",
        ("atelier-se-loger-a-oyonnax", "workshop-finding-a-home-in-oyonnax"),
        ("Atelier : se loger et s'installer à Oyonnax", "Workshop: finding a home and settling in Oyonnax"),
        "atelier",
        (
            "Logement, écoles, transports : tout ce qu'il faut savoir avant d'arriver.",
            "Housing, schools, transport: all you need to know before you arrive.",
        ),
        (
            "Le service d'accueil de la ville et les bailleurs présentent l'offre de logement et les aides à "
            "l'installation des salariés.",
            "The town's welcome service and the landlords present the housing on offer and the help for "
            "employees who move.",
        ),
        ("Centre culturel", "Rue Paul Painlevé", "Oyonnax", "01100", 46.2560, 5.6530),
        [When(57, "18:00", "19:30")],
        themes=["accueil-d-actifs"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "accueil.oyonnax@example.org"),
    ),
    Event(
        "oyonnax",
        ("session-sous-traitance-plasturgie", "session-plastics-subcontracting"),
        (
            "Session d'information : devenir sous-traitant dans la plasturgie",
            "Information session: becoming a plastics subcontractor",
        ),
        "session-information",
        (
            "Les besoins des donneurs d'ordre de la vallée pour les créateurs d'entreprises.",
            "What the valley's main manufacturers need from new businesses.",
        ),
        (
            "Finition, contrôle qualité, maintenance : les grands groupes présentent les prestations qu'ils "
            "cherchent localement.",
            "Finishing, quality control, maintenance: the large groups present the services they look for locally.",
        ),
        ("Pôle européen de plasturgie", "Rue Pierre et Marie Curie", "Bellignat", "01100", 46.2480, 5.6310),
        [When(85, "09:30", "11:30", capacity=40)],
        themes=["economie-circulaire"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.LINK, "https://www.example.org/oyonnax/sous-traitance"),
    ),
    Event(
        "oyonnax",
        ("fete-de-la-montagne-et-des-nouveaux-habitants", "mountain-and-newcomers-festival"),
        ("Fête de la montagne et des nouveaux habitants", "Mountain and newcomers' festival"),
        "evenement-local",
        (
            "Randonnées, marché et accueil des nouveaux habitants sur les hauteurs d'Arbent.",
            "Hikes, a market and a welcome for new residents on the heights of Arbent.",
        ),
        (
            "Les associations sportives et culturelles tiennent stand ; un point d'accueil renseigne les "
            "nouveaux arrivants sur les services et l'emploi.",
            "Sports and cultural associations hold stands; a welcome desk tells newcomers about services and jobs.",
        ),
        ("Plateau d'Arbent", "Route du Plateau", "Arbent", "01100", 46.2920, 5.6790),
        [When(124, "10:00", "18:00")],
        themes=["accueil-d-actifs", "tourisme"],
        audiences=["porteurs-de-projets", "elus"],
    ),
    # --- CC de la Région de Condrieu ---------------------------------------------------------------
    Event(
        "region-de-condrieu",
        ("balade-a-velo-viarhona-commerces", "viarhona-bike-ride-shops"),
        ("Balade à vélo sur la ViaRhôna : les commerces de la vallée", "ViaRhôna bike ride: the valley's shops"),
        "visite",
        (
            "Une matinée à vélo de Condrieu à Ampuis pour découvrir les commerces à reprendre.",
            "A morning by bike from Condrieu to Ampuis to discover the shops for sale.",
        ),
        (
            "Haltes chez une cave, une épicerie et un loueur de vélos dont les gérants préparent leur départ. "
            "Vélos à assistance électrique prêtés sur demande.",
            "Stops at a wine shop, a grocery and a bike hire business whose managers are preparing to leave. "
            "E-bikes lent on request.",
        ),
        ("Port de Condrieu", "Quai du Port", "Condrieu", "69420", 45.4630, 4.7670),
        [When(26, "09:30", "12:30", capacity=15)],
        themes=["tourisme", "reprise-d-entreprise"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "eco.condrieu@example.org"),
    ),
    Event(
        "region-de-condrieu",
        ("atelier-creer-une-activite-d-agritourisme", "workshop-starting-a-farm-tourism-business"),
        ("Atelier : créer une activité d'agritourisme", "Workshop: starting a farm tourism business"),
        "atelier",
        (
            "Gîte, table d'hôtes, visites de cave : les clés d'un projet d'agritourisme réussi.",
            "Holiday cottage, farm meals, cellar tours: the keys to a successful farm tourism project.",
        ),
        (
            "Avec l'office de tourisme et Gîtes de France, un après-midi sur la réglementation, la clientèle de "
            "la ViaRhôna et la commercialisation.",
            "With the tourist office and Gîtes de France, an afternoon on regulations, ViaRhôna visitors and "
            "marketing.",
        ),
        ("Salle des fêtes", "Place de l'Église", "Ampuis", "69420", 45.4890, 4.8100),
        [When(38, "14:00", "17:00", capacity=20)],
        themes=["tourisme", "alimentation"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.LINK, "https://www.example.org/condrieu/atelier-agritourisme"),
    ),
    Event(
        "region-de-condrieu",
        ("marche-des-createurs-sainte-colombe", "makers-market-sainte-colombe"),
        ("Marché des créateurs et artisans", "Makers' and craftspeople's market"),
        "evenement-local",
        (
            "Une quarantaine de créateurs de la vallée du Rhône, et un stand sur les locaux d'artisans disponibles.",
            "Some forty makers from the Rhône valley, and a stand on the craft premises available.",
        ),
        (
            "Céramique, bois, textile, bijoux : un marché pour acheter local et rencontrer les artisans installés "
            "récemment sur le territoire.",
            "Ceramics, wood, textiles, jewellery: a market to buy local and meet the craftspeople who recently "
            "set up in the territory.",
        ),
        ("Place du marché", "Place de l'Église", "Sainte-Colombe", "69560", 45.5260, 4.8650),
        [When(89, "10:00", "18:00")],
        themes=["economie-circulaire"],
        audiences=["porteurs-de-projets"],
    ),
    Event(
        "region-de-condrieu",
        ("session-locaux-d-activites-disponibles", "session-available-business-premises"),
        ("Session d'information : les locaux d'activités disponibles", "Information session: available premises"),
        "session-information",
        (
            "Ateliers, bureaux et terrains disponibles, présentés par le service économique.",
            "Workshops, offices and plots available, presented by the economic service.",
        ),
        (
            "Un tour d'horizon des zones d'activités de la communauté de communes, des loyers pratiqués et des "
            "aides à l'immobilier d'entreprise.",
            "An overview of the community of communes' business parks, the usual rents and the help with "
            "business premises.",
        ),
        ("Pôle économique", "Rue du Stade", "Loire-sur-Rhône", "69700", 45.5500, 4.7930),
        [When(58, "09:30", "11:30", capacity=25)],
        themes=["accueil-d-actifs"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "eco.condrieu@example.org"),
    ),
    Event(
        "region-de-condrieu",
        ("soiree-teletravailleurs-condrieu", "remote-workers-evening-condrieu"),
        ("Soirée des télétravailleurs de la vallée", "Evening for the valley's remote workers"),
        "evenement-local",
        (
            "Télétravailleurs et indépendants se retrouvent pour créer un réseau local.",
            "Remote workers and freelancers meet to build a local network.",
        ),
        (
            "Présentation du projet de tiers-lieu de Condrieu et recueil des besoins : horaires, équipements, "
            "services. Sur place ou en visio.",
            "An introduction to the Condrieu third place project and a survey of needs: opening hours, equipment, "
            "services. On site or by video.",
        ),
        ("Médiathèque", "Rue de la Porte de Lyon", "Condrieu", "69420", 45.4640, 4.7680),
        [When(121, "18:30", "21:00")],
        themes=["entrepreneuriat-collectif", "accueil-d-actifs"],
        audiences=["porteurs-de-projets"],
        attendance=AttendanceMode.MIXED,
        online_link="https://visio.example.org/condrieu/teletravailleurs",
    ),
    # --- CC du Pays de Saint-Félicien --------------------------------------------------------------
    Event(
        "pays-de-saint-felicien",
        ("visite-commerces-de-village-a-reprendre", "visit-village-shops-to-take-over"),
        ("Visite des commerces de village à reprendre", "Tour of village shops to take over"),
        "visite",
        (
            "Un après-midi pour découvrir les commerces du Pays de Saint-Félicien qui cherchent un repreneur.",
            "An afternoon to discover the shops of the Pays de Saint-Félicien looking for a buyer.",
        ),
        (
            "Boulangerie, bar-restaurant et épicerie : visite avec les cédants et les élus, puis échange sur "
            "l'accompagnement proposé.",
            "A bakery, a bar-restaurant and a grocery: a tour with the owners and the elected officials, then a "
            "talk about the support on offer.",
        ),
        ("Mairie", "Place de la Mairie", "Saint-Félicien", "07410", 45.0860, 4.6270),
        [When(29, "14:00", "17:00", capacity=15)],
        themes=["reprise-d-entreprise"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "accueil.saintfelicien@example.org"),
    ),
    Event(
        "pays-de-saint-felicien",
        ("atelier-projet-touristique-ardeche-verte", "workshop-tourism-project-green-ardeche"),
        ("Atelier : monter un projet touristique en Ardèche verte", "Workshop: a tourism project in green Ardèche"),
        "atelier",
        (
            "Hébergement, activités de pleine nature, restauration : construire son offre avec l'office de tourisme.",
            "Accommodation, outdoor activities, food: building your offer with the tourist office.",
        ),
        (
            "Fréquentation, saisonnalité, réseaux de commercialisation et aides régionales au tourisme : une "
            "matinée pour tester son projet.",
            "Visitor numbers, seasons, sales networks and regional tourism grants: a morning to test your project.",
        ),
        ("Office de tourisme", "Place du Champ de Mars", "Saint-Félicien", "07410", 45.0860, 4.6280),
        [When(53, "09:30", "12:30", capacity=15)],
        themes=["tourisme"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "accueil.saintfelicien@example.org"),
    ),
    Event(
        "pays-de-saint-felicien",
        ("forum-de-l-emploi-saisonnier", "seasonal-jobs-forum"),
        ("Forum de l'emploi saisonnier", "Seasonal jobs forum"),
        "evenement-local",
        (
            "Campings, restaurants, fermes et festivals recrutent pour la saison.",
            "Campsites, restaurants, farms and festivals are hiring for the season.",
        ),
        (
            "Rencontrez les employeurs du territoire et découvrez les solutions de logement pour les saisonniers.",
            "Meet the territory's employers and find out about housing for seasonal workers.",
        ),
        ("Salle des fêtes", "Avenue de la Gare", "Saint-Félicien", "07410", 45.0850, 4.6260),
        [When(66, "14:00", "18:00")],
        themes=["tourisme"],
        audiences=["porteurs-de-projets"],
    ),
    Event(
        "pays-de-saint-felicien",
        ("journee-accueil-nouveaux-actifs-pailhares", "welcome-day-working-newcomers-pailhares"),
        ("Journée d'accueil des nouveaux actifs", "Welcome day for working newcomers"),
        "evenement-local",
        (
            "Une journée pour les actifs récemment installés : réseau, services et découverte du territoire.",
            "A day for working people who have recently moved here: network, services and a look around.",
        ),
        (
            "Le matin, rencontres avec les entrepreneurs locaux ; le midi, repas partagé ; l'après-midi, balade "
            "commentée dans les villages.",
            "In the morning, meetings with local entrepreneurs; at lunchtime, a shared meal; in the afternoon, a "
            "guided walk through the villages.",
        ),
        ("Salle communale", "Le Village", "Pailharès", "07410", 45.0730, 4.5600),
        [When(96, "10:00", "16:00")],
        themes=["accueil-d-actifs"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "accueil.saintfelicien@example.org"),
    ),
    Event(
        "pays-de-saint-felicien",
        ("atelier-numerique-site-de-son-activite", "digital-workshop-your-business-website"),
        ("Atelier numérique : créer le site de son activité", "Digital workshop: building your business website"),
        "atelier",
        (
            "Deux soirées pour mettre en ligne le site de son entreprise ou de son gîte.",
            "Two evenings to put your business or holiday cottage website online.",
        ),
        (
            "Première soirée : choisir l'outil et écrire ses pages. Seconde : photos, réservation en ligne et "
            "référencement. Venez avec votre ordinateur.",
            "First evening: choosing a tool and writing your pages. Second: photos, online booking and search "
            "engines. Bring your laptop.",
        ),
        ("Salle du conseil", "Le Bourg", "Vaudevant", "07410", 45.1100, 4.6170),
        [When(79, "18:00", "20:00", capacity=10), When(86, "18:00", "20:00", capacity=10)],
        themes=["tourisme"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "accueil.saintfelicien@example.org"),
        price="20.00",
        price_details=("Pour les deux soirées.", "For both evenings."),
    ),
    # --- CC du Pays Diois --------------------------------------------------------------------------
    Event(
        "pays-diois",
        ("accueil-des-nouveaux-actifs-au-tiers-lieu-de-die", "welcome-for-working-newcomers-die-third-place"),
        ("Accueil des nouveaux actifs au tiers-lieu de Die", "Welcome for working newcomers at the Die third place"),
        "evenement-local",
        (
            "Chaque premier mardi du mois, le tiers-lieu et la communauté de communes accueillent les nouveaux actifs.",
            "Every first Tuesday of the month, the third place and the community of communes welcome working "
            "newcomers.",
        ),
        (
            "Un moment convivial pour rencontrer d'autres nouveaux arrivants, les associations et les "
            "entrepreneurs du Diois, et poser ses questions sur l'installation.",
            "A friendly gathering to meet other newcomers, Diois associations and entrepreneurs, and ask your "
            "questions about settling in.",
        ),
        ("Tiers-lieu de Die", "Rue Camille Buffardel", "Die", "26150", 44.7536, 5.3700),
        [When(15, "18:00", "20:00", first_of_month=True)],
        themes=["accueil-d-actifs", "entrepreneuriat-collectif"],
        audiences=["porteurs-de-projets"],
        recurrence="FREQ=MONTHLY;BYDAY=1TU;COUNT=6",
    ),
    Event(
        "pays-diois",
        ("visite-cooperative-plantes-aromatiques", "visit-aromatic-plants-cooperative"),
        ("Visite de la coopérative de plantes aromatiques", "Visit to the aromatic plants cooperative"),
        "visite",
        (
            "Lavande, thym, sarriette : la coopérative présente sa filière et ses besoins en producteurs.",
            "Lavender, thyme, savory: the cooperative presents its supply chain and its need for growers.",
        ),
        (
            "Visite du séchoir et de l'atelier de distillation, puis échange sur les terres disponibles et les "
            "contrats proposés aux nouveaux producteurs.",
            "A tour of the drying shed and the distillery, then a talk on the land available and the contracts "
            "offered to new growers.",
        ),
        ("Coopérative", "Route de Menglon", "Châtillon-en-Diois", "26410", 44.6940, 5.4840),
        [When(30, "09:30", "12:00", capacity=15)],
        themes=["alimentation"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "accueil.diois@example.org"),
    ),
    Event(
        "pays-diois",
        ("atelier-reprendre-un-commerce-de-village-luc-en-diois", "workshop-taking-over-a-village-shop-luc-en-diois"),
        ("Atelier : reprendre un commerce de village", "Workshop: taking over a village shop"),
        "atelier",
        (
            "Multiservices, boulangerie, bar : les points d'attention d'une reprise en zone de montagne.",
            "General store, bakery, bar: what to watch out for when taking over in a mountain area.",
        ),
        (
            "Saisonnalité, tournées, aides des collectivités au dernier commerce : un après-midi avec des "
            "repreneurs du Diois.",
            "Seasons, delivery rounds, council support for the last shop in the village: an afternoon with Diois "
            "business buyers.",
        ),
        ("Salle des fêtes", "Place de la Fontaine", "Luc-en-Diois", "26310", 44.6150, 5.4480),
        [When(44, "14:00", "17:00", capacity=15)],
        themes=["reprise-d-entreprise"],
        audiences=["porteurs-de-projets"],
        registration=(RegistrationMode.EMAIL, "accueil.diois@example.org"),
    ),
    Event(
        "pays-diois",
        ("forum-des-associations-et-nouveaux-habitants-die", "associations-and-newcomers-fair-die"),
        ("Forum des associations et des nouveaux habitants", "Associations and newcomers' fair"),
        "evenement-local",
        (
            "Les associations du Diois présentent leurs activités ; un espace accueille les nouveaux habitants.",
            "Diois associations present their activities; a corner welcomes new residents.",
        ),
        (
            "Sport, culture, solidarité : plus de soixante associations, et un stand de la communauté de communes "
            "sur l'emploi, le logement et la création d'activités.",
            "Sport, culture, community: over sixty associations, and a community of communes stand on jobs, "
            "housing and starting a business.",
        ),
        ("Place de la République", "", "Die", "26150", 44.7536, 5.3700),
        [When(68, "10:00", "17:00")],
        themes=["accueil-d-actifs"],
        audiences=["porteurs-de-projets"],
    ),
    Event(
        "pays-diois",
        ("session-professionnels-de-sante-diois", "session-health-professionals-diois"),
        (
            "Session d'information : s'installer comme professionnel de santé dans le Diois",
            "Information session: setting up as a health professional in the Diois",
        ),
        "session-information",
        (
            "La maison de santé et les élus présentent les conditions d'installation aux soignants.",
            "The health centre and the elected officials present the terms for setting up to health workers.",
        ),
        (
            "Locaux disponibles, exercice coordonné, aides de l'Agence régionale de santé et accueil des familles "
            ": une soirée d'échange avec les soignants installés.",
            "Available rooms, team practice, grants from the regional health agency and welcoming families: an "
            "evening with the health workers already practising here.",
        ),
        ("Maison de santé", "Avenue de la Clairette", "Die", "26150", 44.7520, 5.3720),
        [When(93, "19:00", "21:00")],
        themes=["accueil-d-actifs"],
        audiences=["porteurs-de-projets", "elus"],
        registration=(RegistrationMode.EMAIL, "accueil.diois@example.org"),
        accessibility=STEP_FREE,
    ),
]
