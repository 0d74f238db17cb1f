"""Demo registrations: the qualified-offer training nearly full ("plus que 3 places"), so organisers see a
list, an export and an attendance sheet. The people are invented; their addresses end in example.org."""

import datetime

from django.utils import timezone

from agenda.models import EventPage, Registration, RegistrationStatus

SESSION_SLUG = "formation-offres-d-activites-qualifiees"
PEOPLE = [
    ("Claire", "Achard", "CC du Diois", "Chargée de mission accueil", "Pays Diois"),
    ("Julien", "Bonnet", "Roannais Agglomération", "Développeur économique", "Roannais"),
    ("Sophie", "Chabert", "PNR du Vercors", "Chargée de mission économie", "Vercors"),
    ("Marc", "Delorme", "CC Entre Bièvre et Rhône", "Responsable emploi-formation", "Bièvre-Valloire"),
    ("Nadia", "Faure", "Communauté de communes du Haut-Allier", "Animatrice territoriale", "Haut-Allier"),
    ("Thomas", "Garnier", "Pays de Saint-Flour", "Chargé d'attractivité", "Saint-Flour"),
    ("Élodie", "Henry", "CC du Val de Drôme", "Chargée de mission installation", "Val de Drôme"),
    ("Karim", "Issartel", "Mairie de Die", "Adjoint au développement", "Pays Diois"),
    ("Laure", "Jacquet", "PETR Sud Loire", "Coordinatrice", "Sud Loire"),
    ("Hugo", "Lambert", "CC du Pays de Saint-Bonnet", "Agent de développement", "Forez"),
    ("Amandine", "Marchand", "Chambre d'agriculture de la Drôme", "Conseillère transmission", "Drôme"),
    ("Pierre", "Nicolas", "CC Ardèche Rhône Coiron", "Chargé de mission économie", "Ardèche"),
    ("Inès", "Olivier", "Pays Voironnais", "Chargée de mission", "Voironnais"),
    ("Bruno", "Perrin", "Initiative Drôme", "Chargé d'accompagnement", "Drôme"),
    ("Chloé", "Rey", "CC du Trièves", "Animatrice emploi", "Trièves"),
    ("Damien", "Sauvage", "Syndicat mixte des Monts du Lyonnais", "Chargé de mission", "Monts du Lyonnais"),
    ("Fanny", "Vial", "CC Porte de DrômArdèche", "Chargée d'accueil entreprises", "Porte de DrômArdèche"),
]


def ensure_registrations():
    """Write the demo registrations once: a session that already has some is left as it is."""
    page = EventPage.objects.filter(slug=SESSION_SLUG, locale__language_code="fr").first()
    date = page.dates.filter(start__gt=timezone.now()).order_by("start").first() if page else None
    if date is None or date.registrations.exists():
        return 0
    now = timezone.now()
    rows = [
        Registration(
            date=date,
            event=page,
            event_title=page.title,
            date_start=date.start,
            first_name=first_name,
            last_name=last_name,
            email=f"{first_name.lower().replace('é', 'e')}.{last_name.lower()}@example.org",
            organisation=organisation,
            role=role,
            territory=territory,
            status=RegistrationStatus.CONFIRMED,
            consent_at=now,
            created_at=now - datetime.timedelta(days=len(PEOPLE) - number),
        )
        for number, (first_name, last_name, organisation, role, territory) in enumerate(PEOPLE)
    ]
    Registration.objects.bulk_create(rows)
    return len(rows)
