"""The nine rural territories of the shared stand at the 2016 Lyon entrepreneurs' fair (seed 000).

Coordinates are those of each territory's main town. Contacts are invented (example.org addresses and
phone numbers from the range ARCEP reserves for fiction), except the two officers the seeds name.
"""

from decimal import Decimal

from cms.demo.streams import ImageRef, heading, paragraph
from cms.demo.texts import N, T
from cms.demo.tree import PageSpec

COMMON_RESOURCES = [
    (
        "la plateforme d'initiative locale, pour les prêts d'honneur et le parrainage",
        "the local Initiative platform, for interest-free loans and mentoring",
    ),
    (
        "les chambres consulaires (commerce et industrie, métiers et artisanat, agriculture)",
        "the chambers of commerce, of crafts and of agriculture",
    ),
]

# slug, title, department, (lat, lon), image, communes, summary, presentation, living here, local resource, contact
TERRITORIES = [
    (
        "roannais",
        "Site de proximité du Roannais",
        "42",
        ("46.03600", "4.06800"),
        "town",
        ["Roanne", "Riorges", "Mably", "Le Coteau", "Charlieu", "Renaison"],
        (
            "Autour de Roanne, un bassin industriel et agricole entre Loire et monts de la Madeleine.",
            "Around Roanne, an industrial and farming area between the Loire and the Monts de la Madeleine.",
        ),
        (
            "Le Site de proximité du Roannais fédère les acteurs économiques du nord de la Loire. Textile, "
            "agroalimentaire, artisanat et commerces de centre-bourg y offrent des opportunités de reprise.",
            "The Roannais local site brings together the economic players of the north of the Loire department. "
            "Textiles, food processing, crafts and village-centre shops offer businesses to take over.",
        ),
        (
            "Des entreprises à reprendre, des locaux d'activités disponibles et une vie culturelle active à Roanne.",
            "Businesses to take over, available business premises and a lively cultural life in Roanne.",
        ),
        (
            "le service économique du Site de proximité, qui reçoit créateurs et repreneurs sur rendez-vous",
            "the local site's economic service, which sees founders and buyers by appointment",
        ),
        (
            "Julien Marchand",
            "Chargé de mission création-reprise d'entreprises",
            "Business creation and takeover officer",
            "julien.marchand@example.org",
            "04 65 71 01 01",
        ),
    ),
    (
        "pilat-rhodanien",
        "CC du Pilat Rhodanien",
        "42",
        ("45.41900", "4.68300"),
        "vines",
        ["Pélussin", "Chavanay", "Maclas", "Saint-Pierre-de-Bœuf", "Malleval", "Roisey"],
        (
            "Entre le Rhône et le Parc naturel régional du Pilat, des villages de vignes et de vergers.",
            "Between the Rhône and the Pilat regional nature park, villages of vineyards and orchards.",
        ),
        (
            "À quarante minutes de Lyon et de Saint-Étienne, le Pilat Rhodanien allie coteaux viticoles, "
            "arboriculture et petites zones d'activités au bord du fleuve.",
            "Forty minutes from Lyon and Saint-Étienne, Pilat Rhodanien combines vineyard slopes, fruit farming "
            "and small business parks along the river.",
        ),
        (
            "Circuits courts, tourisme vert autour de la ViaRhôna et services aux habitants sont à développer.",
            "Short food supply chains, green tourism along the ViaRhôna and services to residents are waiting "
            "to be developed.",
        ),
        (
            "le service développement économique de la communauté de communes, à Pélussin",
            "the economic development service of the community of communes, in Pélussin",
        ),
        (
            "Camille Roche",
            "Chargée de mission développement économique",
            "Economic development officer",
            "camille.roche@example.org",
            "04 65 71 01 02",
        ),
    ),
    (
        "monts-du-pilat",
        "CC des Monts du Pilat",
        "42",
        ("45.29900", "4.56600"),
        "hills",
        ["Bourg-Argental", "Saint-Genest-Malifaux", "Marlhes", "Jonzieux", "Saint-Sauveur-en-Rue", "Burdignes"],
        (
            "Un territoire de moyenne montagne au sud du Pilat, tourné vers le bois, l'agriculture et la nature.",
            "A mid-mountain territory in the south of the Pilat, turned towards wood, farming and nature.",
        ),
        (
            "Les Monts du Pilat offrent de grands espaces à une heure de Saint-Étienne et de la vallée du Rhône. "
            "Filière bois, élevage et tourisme de pleine nature y font vivre les villages.",
            "The Monts du Pilat offer wide open spaces an hour from Saint-Étienne and the Rhône valley. Timber, "
            "livestock farming and outdoor tourism keep the villages alive.",
        ),
        (
            "Des commerces de village et des activités d'accueil touristique cherchent des repreneurs.",
            "Village shops and tourism businesses are looking for new owners.",
        ),
        (
            "le point d'accueil création de la communauté de communes, à Bourg-Argental",
            "the community of communes' business-creation desk, in Bourg-Argental",
        ),
        (
            "Nicolas Faure",
            "Chargé de mission accueil et économie",
            "Officer for newcomers and the economy",
            "nicolas.faure@example.org",
            "04 65 71 01 03",
        ),
    ),
    (
        "centre-ardeche",
        "Site de proximité Centre Ardèche",
        "07",
        ("44.73500", "4.59900"),
        "valley",
        ["Privas", "Le Cheylard", "Lamastre", "Vernoux-en-Vivarais", "Saint-Sauveur-de-Montagut"],
        (
            "Des vallées de l'Eyrieux aux plateaux, un territoire d'agroalimentaire, de tourisme et de savoir-faire.",
            "From the Eyrieux valleys to the plateaus, a land of food processing, tourism and craftsmanship.",
        ),
        (
            "Autour de Privas, le Centre Ardèche conjugue industries agroalimentaires, artisanat d'art et "
            "tourisme de vallée, avec un réseau d'accompagnement habitué à recevoir des porteurs de projets venus "
            "des villes.",
            "Around Privas, Centre Ardèche combines food industries, art crafts and valley tourism, with a support "
            "network used to welcoming project holders from the cities.",
        ),
        (
            "Châtaigne, produits du terroir et hébergement touristique ouvrent des pistes d'activités.",
            "Chestnuts, local produce and tourist accommodation open up business opportunities.",
        ),
        (
            "les permanences création-reprise organisées dans les bourgs du territoire",
            "business creation and takeover drop-in sessions held in the towns of the area",
        ),
        (
            "Hélène Garnier",
            "Chargée de mission accueil d'actifs",
            "Officer for welcoming working newcomers",
            "helene.garnier@example.org",
            "04 65 71 01 04",
        ),
    ),
    (
        "beaujolais-vert",
        "Pays Beaujolais (Beaujolais Vert)",
        "69",
        ("45.97300", "4.33100"),
        "plateau",
        ["Amplepuis", "Thizy-les-Bourgs", "Cours", "Lamure-sur-Azergues", "Chambost-Allières", "Saint-Just-d'Avray"],
        (
            "Au nord-ouest de Lyon, forêts, bocage et tradition textile, avec une politique d'accueil reconnue.",
            "North-west of Lyon, forests, hedged farmland and a textile tradition, with a well-known welcome policy.",
        ),
        (
            "Le Beaujolais Vert mène depuis plusieurs années une politique d'accueil de nouveaux actifs : offres "
            "d'activités repérées, accompagnement personnalisé et mise en relation avec les acteurs locaux.",
            "Beaujolais Vert has for several years run a policy to welcome new working residents: identified "
            "activity offers, personal support and introductions to local players.",
        ),
        (
            "Commerces, artisanat, métiers du bois et de la santé : des offres d'activités sont à saisir.",
            "Shops, crafts, wood trades and healthcare: activity offers are there to be taken.",
        ),
        (
            "la mission accueil du Beaujolais Vert, qui accompagne les candidats de la première visite à "
            "l'installation",
            "the Beaujolais Vert welcome team, which supports candidates from the first visit to settling in",
        ),
        (
            "Edith Tavernier",
            "Chargée de mission accueil de nouvelles populations",
            "Officer for welcoming newcomers",
            "edith.tavernier@example.org",
            "",
        ),
    ),
    (
        "oyonnax",
        "Ville d'Oyonnax",
        "01",
        ("46.25700", "5.65500"),
        "mountains",
        ["Oyonnax", "Arbent", "Bellignat", "Groissiat", "Martignat"],
        (
            "Dans le Haut-Bugey, la capitale de la « Plastics Vallée » recrute et accompagne les créateurs.",
            "In the Haut-Bugey, the capital of “Plastics Vallée” is hiring and supports new businesses.",
        ),
        (
            "Oyonnax et son bassin concentrent un tissu dense d'entreprises de la plasturgie et de la mécanique, "
            "au cœur du massif du Jura, entre Lyon et Genève.",
            "Oyonnax and its surroundings have a dense network of plastics and engineering companies, in the "
            "heart of the Jura mountains, between Lyon and Geneva.",
        ),
        (
            "Emplois industriels qualifiés, services aux entreprises et commerces de centre-ville recherchent "
            "des candidats.",
            "Skilled industrial jobs, business services and town-centre shops are looking for candidates.",
        ),
        (
            "le service économique de la ville, interlocuteur des entreprises et des créateurs",
            "the town's economic service, the contact point for companies and founders",
        ),
        (
            "Sarah Benali",
            "Chargée de mission commerce et création",
            "Officer for retail and business creation",
            "sarah.benali@example.org",
            "04 65 71 01 06",
        ),
    ),
    (
        "region-de-condrieu",
        "CC de la Région de Condrieu",
        "69",
        ("45.46300", "4.76700"),
        "river",
        ["Condrieu", "Ampuis", "Loire-sur-Rhône", "Sainte-Colombe", "Les Haies", "Tupin-et-Semons"],
        (
            "Aux portes de Vienne et de Lyon, des coteaux viticoles réputés au bord du Rhône.",
            "On the doorstep of Vienne and Lyon, renowned vineyard slopes along the Rhône.",
        ),
        (
            "Entre vignobles en terrasses et villages du Pilat, la Région de Condrieu attire des actifs qui "
            "veulent rester proches de la métropole lyonnaise tout en vivant à la campagne.",
            "Between terraced vineyards and Pilat villages, the Condrieu area attracts working people who want "
            "to stay close to Lyon while living in the countryside.",
        ),
        (
            "Œnotourisme, services à la personne et artisanat du bâtiment sont en demande.",
            "Wine tourism, personal services and building crafts are in demand.",
        ),
        (
            "le service économique intercommunal, qui oriente vers les locaux et les aides disponibles",
            "the inter-communal economic service, which points to available premises and grants",
        ),
        (
            "Thomas Blanc",
            "Chargé de mission développement économique",
            "Economic development officer",
            "thomas.blanc@example.org",
            "04 65 71 01 07",
        ),
    ),
    (
        "pays-de-saint-felicien",
        "CC du Pays de Saint-Félicien",
        "07",
        ("45.08600", "4.62700"),
        "hills",
        ["Saint-Félicien", "Pailharès", "Vaudevant", "Saint-Victor", "Arlebosc", "Bozas"],
        (
            "Sur les plateaux du nord de l'Ardèche, un pays d'élevage, de vergers et d'artisans.",
            "On the plateaus of northern Ardèche, a land of livestock, orchards and craftspeople.",
        ),
        (
            "À une demi-heure de Tournon et de la vallée du Rhône, le Pays de Saint-Félicien offre un cadre de vie "
            "préservé et des villages où l'on se connaît.",
            "Half an hour from Tournon and the Rhône valley, the Pays de Saint-Félicien offers an unspoilt setting "
            "and villages where people know each other.",
        ),
        (
            "Reprises d'exploitations, commerces multiservices et activités touristiques attendent des porteurs "
            "de projets.",
            "Farms to take over, multi-service village shops and tourism activities are waiting for project holders.",
        ),
        (
            "l'accueil de la communauté de communes, qui met en relation avec les cédants du territoire",
            "the community of communes' front desk, which puts you in touch with people selling their business",
        ),
        (
            "Léa Chapuis",
            "Chargée de mission accueil et attractivité",
            "Officer for welcoming and attractiveness",
            "lea.chapuis@example.org",
            "04 65 71 01 08",
        ),
    ),
    (
        "pays-diois",
        "CC du Pays Diois",
        "26",
        ("44.75300", "5.37000"),
        "mountains",
        ["Die", "Luc-en-Diois", "Châtillon-en-Diois", "Saint-Roman", "Pontaix", "Chamaloc"],
        (
            "Au cœur de la Drôme, entre Vercors et Baronnies, un territoire pionnier de l'agriculture biologique.",
            "In the heart of the Drôme, between the Vercors and the Baronnies, a pioneer of organic farming.",
        ),
        (
            "Le Pays Diois accueille depuis longtemps de nouveaux habitants. Agriculture biologique, plantes "
            "aromatiques, clairette de Die et tourisme de montagne font vivre ses cinquante communes.",
            "The Pays Diois has long welcomed new residents. Organic farming, aromatic plants, Clairette de Die "
            "and mountain tourism keep its fifty communes alive.",
        ),
        (
            "Tiers-lieux, espaces de coworking et offres d'activités repérées facilitent l'installation.",
            "Third places, coworking spaces and identified activity offers make it easier to settle.",
        ),
        (
            "le service économie de la communauté de communes et les espaces de travail partagés de Die",
            "the community of communes' economic service and the shared workspaces in Die",
        ),
        (
            "Malika Sema",
            "Chargée de mission accueil et création d'activités",
            "Officer for newcomers and business creation",
            "malika.sema@example.org",
            "04 65 71 01 09",
        ),
    ),
]


def _resources(local):
    items = [local, *COMMON_RESOURCES]
    fr = "".join(f"<li>{a} ;</li>" if i < len(items) - 1 else f"<li>{a}.</li>" for i, (a, _) in enumerate(items))
    en = "".join(f"<li>{b};</li>" if i < len(items) - 1 else f"<li>{b}.</li>" for i, (_, b) in enumerate(items))
    return T(
        f"<p>Pour vous accompagner sur le territoire :</p><ul>{fr}</ul>",
        f"<p>Who can support you in the territory:</p><ul>{en}</ul>",
    )


def territory_page(row):
    slug, title, department, (lat, lon), image_key, communes, summary, body, living, local, person = row
    name, role_fr, role_en, email, phone = person
    return PageSpec(
        "cms.TerritoryPage",
        N(slug),
        N(title),
        fields={
            "department": department,
            "latitude": Decimal(lat),
            "longitude": Decimal(lon),
            "image": ImageRef(image_key),
            "communes": N("\n".join(communes)),
            "summary": T(*summary),
            "body": [
                paragraph(T(f"<p>{body[0]}</p>", f"<p>{body[1]}</p>")),
                heading(T("Vivre et entreprendre ici", "Living and working here")),
                paragraph(T(f"<p>{living[0]}</p>", f"<p>{living[1]}</p>")),
            ],
            "support_resources": _resources(local),
        },
        relations={"contacts": [{"name": N(name), "role": T(role_fr, role_en), "email": email, "phone": phone}]},
    )


def territory_section():
    return PageSpec(
        "cms.TerritoryIndexPage",
        T("territoires", "territories"),
        T("Territoires", "Territories"),
        fields={
            "show_in_menus": True,
            "summary": T(
                "Neuf territoires ruraux d'Auvergne-Rhône-Alpes qui accueillent les porteurs de projets.",
                "Nine rural territories of Auvergne-Rhône-Alpes that welcome project holders.",
            ),
            "intro": T(
                "<p>Ces neuf territoires tenaient ensemble le stand commun du salon des entrepreneurs de Lyon en "
                "2016. Chacun présente ici ses atouts, ses ressources d'accompagnement et ses contacts.</p>",
                "<p>These nine territories shared a stand at the Lyon entrepreneurs' fair in 2016. Each of them "
                "presents its assets, its support resources and its contacts here.</p>",
            ),
        },
        children=[territory_page(row) for row in TERRITORIES],
    )
