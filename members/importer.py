"""CSV import of member organisations, their memberships and their people.

One row per person (or per organisation when the e-mail is empty)::

    organisation,kind,valid_from,valid_until,email,first_name,last_name

Every row is checked before anything is written; if one is wrong, the import writes nothing and reports each bad
row with its line number (the header is line 1). Rows are upserted: an organisation by its name, a membership by
organisation and year (the year of ``valid_from``), a person by e-mail; an unchanged row writes nothing, so
importing the same file twice changes nothing the second time.
"""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from members.models import MemberOrganisation, MemberProfile, Membership, OrganisationKind

COLUMNS = ["organisation", "kind", "valid_from", "valid_until", "email", "first_name", "last_name"]
REQUIRED = ["organisation", "kind", "valid_from", "valid_until"]
# French headers are accepted too (a spreadsheet made by hand).
ALIASES = {
    "organisme": "organisation",
    "type": "kind",
    "valide_du": "valid_from",
    "debut": "valid_from",
    "valide_jusqu_au": "valid_until",
    "fin": "valid_until",
    "courriel": "email",
    "e-mail": "email",
    "prenom": "first_name",
    "nom": "last_name",
}
MAX_ROWS = 5000


@dataclass
class RowError:
    line: int
    message: str

    def __str__(self):
        return _("Ligne %(line)s : %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ParsedRow:
    line: int
    organisation: str
    kind: str
    valid_from: datetime.date
    valid_until: datetime.date
    email: str
    first_name: str
    last_name: str


@dataclass
class ImportResult:
    errors: list = field(default_factory=list)
    created: dict = field(default_factory=lambda: {"organisations": 0, "memberships": 0, "people": 0})
    updated: dict = field(default_factory=lambda: {"organisations": 0, "memberships": 0, "people": 0})
    rows: int = 0

    @property
    def ok(self):
        return not self.errors

    @property
    def changed(self):
        return any(self.created.values()) or any(self.updated.values())

    def summary(self):
        return _(
            "%(rows)s lignes lues ; créés : %(co)s organisations, %(cm)s adhésions, %(cp)s personnes ; "
            "mis à jour : %(uo)s organisations, %(um)s adhésions, %(up)s personnes."
        ) % {
            "rows": self.rows,
            "co": self.created["organisations"],
            "cm": self.created["memberships"],
            "cp": self.created["people"],
            "uo": self.updated["organisations"],
            "um": self.updated["memberships"],
            "up": self.updated["people"],
        }


def _decode(data):
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # a spreadsheet saved by Excel on Windows


def _header_key(name):
    key = (name or "").strip().lower().replace(" ", "_").replace("é", "e").replace("'", "_")
    return ALIASES.get(key, key)


def _kind(value):
    wanted = value.strip().lower()
    for code, label in OrganisationKind.choices:
        if wanted in (code, str(label).lower()):
            return code
    return None


def _date(value):
    value = value.strip()
    for parse in (datetime.date.fromisoformat, lambda v: datetime.datetime.strptime(v, "%d/%m/%Y").date()):
        try:
            return parse(value)
        except ValueError:
            continue
    return None


def parse(data):
    """Read and check the CSV ``data`` (bytes or text); return ``(rows, errors)`` without touching the database
    except to compare with what is stored (a person already in another organisation is moved, not refused)."""
    text = _decode(data)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    errors, rows = [], []
    try:
        header = next(reader)
    except StopIteration:
        return [], [RowError(1, _("le fichier est vide."))]
    except csv.Error as error:
        return [], [RowError(1, _("fichier illisible (%(error)s).") % {"error": error})]
    keys = [_header_key(name) for name in header]
    missing = [column for column in COLUMNS if column not in keys]
    if missing:
        return [], [RowError(1, _("colonnes manquantes : %(columns)s.") % {"columns": ", ".join(missing)})]

    kinds, periods, emails = {}, {}, {}
    line = reader.line_num
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            errors.append(RowError(reader.line_num, _("ligne illisible (%(error)s).") % {"error": error}))
            break
        line = reader.line_num
        if not any(value.strip() for value in values):
            continue
        if len(rows) + len(errors) >= MAX_ROWS:
            errors.append(RowError(line, _("trop de lignes (%(max)s au plus).") % {"max": MAX_ROWS}))
            break
        record = {key: (values[index].strip() if index < len(values) else "") for index, key in enumerate(keys)}
        problems = _check(record)
        row = None
        if not problems:
            row = ParsedRow(
                line=line,
                organisation=record["organisation"],
                kind=_kind(record["kind"]),
                valid_from=_date(record["valid_from"]),
                valid_until=_date(record["valid_until"]),
                email=record["email"].lower(),
                first_name=record["first_name"],
                last_name=record["last_name"],
            )
            problems = _check_consistency(row, kinds, periods, emails)
        if problems:
            errors.append(RowError(line, " ; ".join(problems)))
        else:
            rows.append(row)
    if not rows and not errors:
        errors.append(RowError(line, _("aucune ligne à importer.")))
    return rows, errors


def _check(record):
    problems = []
    for column in REQUIRED:
        if not record[column]:
            problems.append(_("« %(column)s » est vide") % {"column": column})
    if record["organisation"] and len(record["organisation"]) > 200:
        problems.append(_("nom d'organisation trop long (200 caractères au plus)"))
    if record["kind"] and _kind(record["kind"]) is None:
        choices = ", ".join(code for code, _label in OrganisationKind.choices)
        problems.append(
            _("type « %(value)s » inconnu (attendu : %(choices)s)") % {"value": record["kind"], "choices": choices}
        )
    dates = {}
    for column in ("valid_from", "valid_until"):
        if record[column]:
            dates[column] = _date(record[column])
            if dates[column] is None:
                problems.append(
                    _("date « %(value)s » illisible dans « %(column)s » (AAAA-MM-JJ ou JJ/MM/AAAA)")
                    % {"value": record[column], "column": column}
                )
    if dates.get("valid_from") and dates.get("valid_until") and dates["valid_from"] > dates["valid_until"]:
        problems.append(_("la fin de validité précède son début"))
    if record["email"]:
        try:
            validate_email(record["email"])
        except ValidationError:
            problems.append(_("adresse électronique « %(value)s » invalide") % {"value": record["email"]})
    elif record["first_name"] or record["last_name"]:
        problems.append(_("une personne sans adresse électronique ne peut pas être importée"))
    for column in ("first_name", "last_name"):
        if len(record[column]) > 150:
            problems.append(_("« %(column)s » trop long (150 caractères au plus)") % {"column": column})
    return problems


def _check_consistency(row, kinds, periods, emails):
    """The file must not contradict itself: one kind per organisation, one period per organisation and year,
    one organisation per person."""
    problems = []
    organisation_key = row.organisation.lower()
    kind = kinds.setdefault(organisation_key, (row.kind, row.line))
    if kind[0] != row.kind:
        problems.append(_("type différent de celui de la ligne %(line)s pour cette organisation") % {"line": kind[1]})
    period = periods.setdefault((organisation_key, row.valid_from.year), (row.valid_from, row.valid_until, row.line))
    if period[:2] != (row.valid_from, row.valid_until):
        problems.append(
            _("période de validité différente de celle de la ligne %(line)s pour la même année") % {"line": period[2]}
        )
    if row.email:
        person = emails.setdefault(row.email, (organisation_key, row.line))
        if person[0] != organisation_key:
            problems.append(
                _("cette personne est déjà rattachée à une autre organisation à la ligne %(line)s")
                % {"line": person[1]}
            )
    return problems


def _update(instance, values):
    """Set ``values`` on ``instance``; return whether anything changed (nothing is saved)."""
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    return changed


@transaction.atomic
def write(rows, result):
    """Upsert the checked ``rows``, counting what was created and updated in ``result``."""
    user_model = get_user_model()
    organisations = {}
    for row in rows:
        key = row.organisation.lower()
        organisation = organisations.get(key)
        if organisation is None:
            organisation = MemberOrganisation.objects.filter(name__iexact=row.organisation).first()
            if organisation is None:
                organisation = MemberOrganisation.objects.create(name=row.organisation, kind=row.kind)
                result.created["organisations"] += 1
            elif _update(organisation, {"kind": row.kind}):
                organisation.save()
                result.updated["organisations"] += 1
            organisations[key] = organisation

        year = row.valid_from.year
        membership = Membership.objects.filter(organisation=organisation, year=year).first()
        if membership is None:
            Membership.objects.create(
                organisation=organisation, year=year, valid_from=row.valid_from, valid_until=row.valid_until
            )
            result.created["memberships"] += 1
        elif _update(membership, {"valid_from": row.valid_from, "valid_until": row.valid_until}):
            membership.save()
            result.updated["memberships"] += 1

        if not row.email:
            continue
        user = user_model.objects.filter(email__iexact=row.email).select_related("member_profile").first()
        names = {"first_name": row.first_name, "last_name": row.last_name}
        names = {name: value for name, value in names.items() if value}  # an empty cell keeps the stored name
        if user is None:
            user = user_model(username=row.email, email=row.email, **names)
            user.set_unusable_password()
            user.save()
            MemberProfile.objects.create(user=user, organisation=organisation)
            result.created["people"] += 1
            continue
        changed = False
        if _update(user, names):
            user.save()
            changed = True
        profile = getattr(user, "member_profile", None)
        if profile is None:
            MemberProfile.objects.create(user=user, organisation=organisation)
            changed = True
        elif profile.organisation_id != organisation.pk:
            profile.organisation = organisation
            profile.save(update_fields=["organisation"])
            changed = True
        if changed:
            result.updated["people"] += 1


def import_members(data):
    """Check then write the CSV ``data``; return an ``ImportResult`` (nothing written when it has errors)."""
    rows, errors = parse(data)
    result = ImportResult(errors=errors, rows=len(rows) + len(errors))
    if not errors:
        write(rows, result)
    return result
