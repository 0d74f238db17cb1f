"""The columns of an offers spreadsheet: their French headers, what each accepts, and how a cell becomes a value.

Each parser takes a cell (a string from a CSV, or a number, date or string from an XLSX) and returns the value
for the model, or raises ``CellError`` with a French message. Empty cells are handled before the parser.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from offers.models import OfferPage, OfferStatus


class CellError(ValueError):
    """A cell that cannot become a value; its message is shown to the editor (French)."""


def normalise(text):
    """Lower case, without accents, spaces or punctuation: how headers and taxonomy names are compared."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _text(value):
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def parse_text(max_length):
    def parse(value):
        text = _text(value)
        if len(text) > max_length:
            raise CellError(_("%(count)d caractères, %(max)d au plus.") % {"count": len(text), "max": max_length})
        return text

    return parse


SPACES = re.compile(r"[\s\u00a0\u202f€]")


def parse_decimal(value, max_digits=12, decimal_places=2):
    """French or English notation: ``12 500,50``, ``12500.50``, ``12 500 €``; a number cell as it is."""
    if isinstance(value, bool):
        raise CellError(_("« %(value)s » n'est pas un nombre.") % {"value": value})
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
    else:
        text = SPACES.sub("", str(value))
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise CellError(_("« %(value)s » n'est pas un nombre.") % {"value": value}) from None
    if not number.is_finite():
        raise CellError(_("« %(value)s » n'est pas un nombre.") % {"value": value})
    if number < 0:
        raise CellError(_("le montant ne peut pas être négatif."))
    if number >= Decimal(10) ** (max_digits - decimal_places):
        raise CellError(_("« %(value)s » est trop grand.") % {"value": value})
    return number.quantize(Decimal(1).scaleb(-decimal_places))


def parse_amount(max_digits):
    return lambda value: parse_decimal(value, max_digits=max_digits)


def parse_surface(value):
    number = parse_decimal(value, max_digits=12, decimal_places=0)
    if number > 2_147_483_647:
        raise CellError(_("« %(value)s » est trop grand.") % {"value": value})
    return int(number)


def parse_coordinate(limit):
    def parse(value):
        try:
            number = float(parse_signed(value))
        except CellError:
            raise CellError(_("« %(value)s » n'est pas un nombre.") % {"value": value}) from None
        if not -limit <= number <= limit:
            raise CellError(_("doit être compris entre -%(limit)d et %(limit)d.") % {"limit": limit})
        return number

    return parse


def parse_signed(value):
    if isinstance(value, bool):
        raise CellError("")
    if isinstance(value, int | float):
        return Decimal(str(value))
    text = SPACES.sub("", str(value)).replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellError("") from None
    if not number.is_finite():
        raise CellError("")
    return number


DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")


def parse_date(value):
    """A date cell of a spreadsheet, or ``JJ/MM/AAAA`` (also ``AAAA-MM-JJ``)."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = _text(value)
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()  # noqa: DTZ007 (a date, no time)
        except ValueError:
            continue
    raise CellError(_("« %(value)s » n'est pas une date (JJ/MM/AAAA).") % {"value": value})


def parse_postcode(value):
    # A number cell has lost its leading zero (01000 shows as 1000 in Excel): put it back.
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        value = str(int(value)).zfill(5)
    text = _text(value).replace(" ", "")
    if not re.fullmatch(r"\d{5}", text):
        raise CellError(_("« %(value)s » n'est pas un code postal à 5 chiffres.") % {"value": value})
    return text


def parse_insee(value):
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        value = str(int(value)).zfill(5)
    text = _text(value).upper()
    if not re.fullmatch(r"(\d{2}|2A|2B)\d{3}", text):
        raise CellError(_("« %(value)s » n'est pas un code INSEE à 5 caractères.") % {"value": value})
    return text


def parse_email(value):
    text = _text(value)
    try:
        validate_email(text)
    except ValidationError:
        raise CellError(_("« %(value)s » n'est pas une adresse de courriel.") % {"value": value}) from None
    return text


STATUSES = {normalise(choice): choice for choice in OfferStatus.values} | {
    normalise(str(label)): value for value, label in ((s.value, s.label) for s in OfferStatus)
}


def parse_status(value):
    status = STATUSES.get(normalise(value))
    if status is None:
        raise CellError(
            _("« %(value)s » n'est pas un statut (%(choices)s).")
            % {"value": value, "choices": ", ".join(str(label) for label in OfferStatus.labels)}
        )
    return status


def _max_length(name):
    return OfferPage._meta.get_field(name).max_length


@dataclass(frozen=True)
class Column:
    """One column of the spreadsheet: ``field`` on OfferPage (or ``offer_type`` / ``sectors``, looked up)."""

    field: str
    header: str  # the French header of the template: a data format, the same in every admin language
    help: str  # what the cell holds, for the documentation table
    example: str
    parse: object = None
    required: bool = False
    aliases: tuple = field(default=())


COLUMNS = [
    Column(
        "title",
        "Titre",
        gettext_lazy("Le titre de l'offre, unique sous le territoire."),
        "Boulangerie à reprendre",
        parse_text(_max_length("title")),
        required=True,
        aliases=("titre de l'offre", "intitulé"),
    ),
    Column(
        "offer_type",
        "Type d'offre",
        gettext_lazy("Le nom ou l'identifiant d'un type d'offre existant."),
        "reprise-d-entreprise",
        required=True,
        aliases=("type",),
    ),
    Column(
        "sectors",
        "Secteurs",
        gettext_lazy("Noms ou identifiants de secteurs existants, séparés par des virgules ou des barres « | »."),
        "artisanat | agriculture-et-alimentation",
        aliases=("secteur",),
    ),
    Column(
        "status",
        "Statut",
        gettext_lazy("Disponible (par défaut), En discussion ou Pourvue."),
        "Disponible",
        parse_status,
    ),
    Column(
        "summary",
        "Résumé",
        gettext_lazy("Deux ou trois phrases, 400 caractères au plus."),
        "Commerce en centre-bourg, clientèle fidèle.",
        parse_text(400),
    ),
    Column(
        "commune",
        "Commune",
        gettext_lazy("La commune de l'offre."),
        "Die",
        parse_text(_max_length("commune")),
        required=True,
        aliases=("ville",),
    ),
    Column(
        "postcode",
        "Code postal",
        gettext_lazy("5 chiffres."),
        "26150",
        parse_postcode,
        aliases=("cp",),
    ),
    Column("insee_code", "Code INSEE", gettext_lazy("5 caractères."), "26113", parse_insee),
    Column("latitude", "Latitude", gettext_lazy("En degrés décimaux."), "44,753", parse_coordinate(90)),
    Column("longitude", "Longitude", gettext_lazy("En degrés décimaux."), "5,370", parse_coordinate(180)),
    Column(
        "price",
        "Prix de cession (€)",
        gettext_lazy("Un nombre, virgule ou point décimal."),
        "85 000",
        parse_amount(12),
        aliases=("prix",),
    ),
    Column(
        "rent",
        "Loyer mensuel (€)",
        gettext_lazy("Un nombre."),
        "450",
        parse_amount(10),
        aliases=("loyer",),
    ),
    Column(
        "salary",
        "Salaire annuel brut (€)",
        gettext_lazy("Un nombre."),
        "24 000",
        parse_amount(10),
        aliases=("salaire",),
    ),
    Column(
        "surface",
        "Surface (m²)",
        gettext_lazy("Un nombre entier."),
        "120",
        parse_surface,
        aliases=("surface", "surface m2"),
    ),
    Column(
        "available_from",
        "Disponible à partir du",
        gettext_lazy("Une date JJ/MM/AAAA."),
        "01/03/2027",
        parse_date,
        aliases=("disponible le", "disponibilité"),
    ),
    Column(
        "expire_at",
        "Expire le",
        gettext_lazy("Une date JJ/MM/AAAA, à venir : l'offre quitte le catalogue ce jour-là."),
        "31/12/2027",
        parse_date,
        aliases=("date d'expiration", "expiration"),
    ),
    Column(
        "conditions",
        "Autres conditions",
        gettext_lazy("Texte libre."),
        "Accompagnement du cédant pendant trois mois.",
        parse_text(5000),
        aliases=("conditions",),
    ),
    Column(
        "reference",
        "Référence",
        gettext_lazy("La référence interne du territoire, 40 caractères au plus."),
        "DIOIS-2027-04",
        parse_text(_max_length("reference")),
    ),
    Column(
        "contact_name",
        "Contact",
        gettext_lazy("Vide : le contact du territoire."),
        "Camille Martin",
        parse_text(_max_length("contact_name")),
        aliases=("nom du contact",),
    ),
    Column(
        "contact_role",
        "Fonction du contact",
        gettext_lazy("Texte libre."),
        "Chargée de mission",
        parse_text(_max_length("contact_role")),
    ),
    Column(
        "contact_email",
        "Courriel du contact",
        gettext_lazy("Une adresse de courriel."),
        "contact@example.org",
        parse_email,
        aliases=("email", "e-mail", "courriel"),
    ),
    Column(
        "contact_phone",
        "Téléphone du contact",
        gettext_lazy("30 caractères au plus."),
        "04 75 00 00 00",
        parse_text(_max_length("contact_phone")),
        aliases=("téléphone",),
    ),
]


def column_for_header(header):
    """The column a header names (its French header or an alias, accents and case aside), or None."""
    key = normalise(header)
    if not key:
        return None
    return _BY_KEY.get(key)


_BY_KEY = {}
for _column in COLUMNS:
    for _name in (_column.header, *_column.aliases):
        _BY_KEY.setdefault(normalise(_name), _column)
    _BY_KEY.setdefault(normalise(_column.field), _column)
