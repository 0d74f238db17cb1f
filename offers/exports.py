"""Exports of the catalogue: CSV for territorial agents and partners, JSON for partners' sites.

Pure functions over offers the caller has already restricted to what the visitor may see (the
catalogue's ``build_catalogue(request, page).offers``): nothing here decides visibility. They run a
fixed number of queries whatever the number of offers: the type and the territory are joined, the
localised type name and the territory's filter value computed in the same query, the territories'
contacts prefetched, and page URLs come from the site root paths Wagtail caches on the request.
"""

import csv
import io
from decimal import Decimal

from django.conf import settings
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from cms.models import DEPARTMENTS, TerritoryPage

CSV_LIMIT = 5000
JSON_LIMIT = 500

DEPARTMENT_NAMES = dict(DEPARTMENTS)

CSV_HEADER = [
    _("Titre"),
    _("Type"),
    _("Statut"),
    _("Territoire"),
    _("Département"),
    _("Commune"),
    _("Code postal"),
    _("Code INSEE"),
    _("Latitude"),
    _("Longitude"),
    _("Prix"),
    _("Loyer"),
    _("Salaire"),
    _("Surface m²"),
    _("Disponible le"),
    _("Expire le"),
    _("Contact"),
    _("Courriel"),
    _("Téléphone"),
    _("Référence"),
    _("Adresse"),
]

# A cell starting with one of these is read as a formula by spreadsheets (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def prepare_offers(offers, limit, locale):
    """The first ``limit`` offers with what the serialisers read, in two queries (offers, then contacts).

    Each offer is annotated with ``type_name``, its type's name in ``locale`` (an offer may point to the
    French source term or to its translation), and ``territory_value``, the slug of its territory's French
    page, which is the value of the ``territory`` filter in every language.
    """
    from offers.models import OfferType  # offers.models imports offers.feeds, which imports this module

    type_name = OfferType.objects.filter(translation_key=OuterRef("offer_type__translation_key"), locale=locale)
    territory_value = TerritoryPage.objects.filter(
        translation_key=OuterRef("territory__translation_key"),
        locale__language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE),
    )
    queryset = (
        offers.select_related("offer_type", "territory")
        .prefetch_related(None)
        .prefetch_related("territory__contacts")
        .annotate(
            type_name=Coalesce(Subquery(type_name.values("name")[:1]), F("offer_type__name")),
            territory_value=Coalesce(Subquery(territory_value.values("slug")[:1]), F("territory__slug")),
        )
    )
    if hasattr(queryset, "defer_streamfields"):
        queryset = queryset.defer_streamfields()
    return list(queryset[:limit])


def offer_records(offers, request, *, limit, locale=None):
    """One dict of plain values per offer (at most ``limit``), shared by the CSV, JSON and RSS writers.

    Values keep their Python types (``Decimal``, ``date``, aware ``datetime``); each writer formats them.
    """
    records = []
    for offer in prepare_offers(offers, limit, locale or Locale.get_active()):
        offer_type, territory, contact = offer.offer_type, offer.territory, offer.contact or {}
        records.append(
            {
                "title": offer.title,
                "url": offer.get_full_url(request),
                "type": {"slug": offer_type.slug, "name": offer.type_name, "is_job": offer_type.is_job}
                if offer_type
                else None,
                "status": offer.status,
                "status_label": str(offer.get_status_display()),
                "territory": {"slug": offer.territory_value, "title": territory.title} if territory else None,
                "department": territory.department if territory else "",
                "commune": offer.commune,
                "postcode": offer.postcode,
                "insee_code": offer.insee_code,
                "latitude": offer.latitude,
                "longitude": offer.longitude,
                "price": offer.price,
                "rent": offer.rent,
                "salary": offer.salary,
                "surface": offer.surface,
                "available_from": offer.available_from,
                "expire_at": offer.expire_at,
                "first_published_at": offer.first_published_at,
                "summary": offer.summary,
                "reference": offer.reference,
                "contact": contact,
            }
        )
    return records


# CSV ---------------------------------------------------------------------------------------------------


def _csv_text(value):
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def _csv_number(value):
    """A number as French spreadsheets read it: decimal comma, no thousands separator."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        value = value.normalize() if value == value.to_integral_value() else value
        text = format(value, "f")
    else:
        text = repr(value) if isinstance(value, float) else str(value)
    return text.replace(".", ",")


def _csv_date(value):
    if value is None:
        return ""
    if hasattr(value, "tzinfo"):
        value = timezone.localtime(value).date()
    return value.isoformat()


def _department_label(code):
    return f"{DEPARTMENT_NAMES[code]} ({code})" if code in DEPARTMENT_NAMES else code


def offers_to_csv(offers, request, *, limit=CSV_LIMIT, locale=None):
    """The offers as CSV bytes for French spreadsheets: UTF-8 with a BOM, ``;`` separators, decimal commas.

    The header row is translated into the active language. Text cells that a spreadsheet would run as a
    formula are prefixed with an apostrophe.
    """
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([str(label) for label in CSV_HEADER])
    for record in offer_records(offers, request, limit=limit, locale=locale):
        contact = record["contact"]
        writer.writerow(
            [
                _csv_text(record["title"]),
                _csv_text(record["type"]["name"] if record["type"] else ""),
                _csv_text(record["status_label"]),
                _csv_text(record["territory"]["title"] if record["territory"] else ""),
                _csv_text(_department_label(record["department"])),
                _csv_text(record["commune"]),
                _csv_text(record["postcode"]),
                _csv_text(record["insee_code"]),
                _csv_number(record["latitude"]),
                _csv_number(record["longitude"]),
                _csv_number(record["price"]),
                _csv_number(record["rent"]),
                _csv_number(record["salary"]),
                _csv_number(record["surface"]),
                _csv_date(record["available_from"]),
                _csv_date(record["expire_at"]),
                _csv_text(contact.get("name")),
                _csv_text(contact.get("email")),
                _csv_text(contact.get("phone")),
                _csv_text(record["reference"]),
                record["url"] or "",
            ]
        )
    return buffer.getvalue().encode("utf-8")


# JSON --------------------------------------------------------------------------------------------------


def _json_number(value):
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _json_datetime(value):
    return timezone.localtime(value).isoformat() if value else None


def offers_to_json(offers, request, *, limit=JSON_LIMIT, locale=None):
    """The offers as a JSON-ready dict: ``count`` (all matching offers), ``limit`` and ``results``.

    ``results`` holds at most ``limit`` offers. Values are language-independent where they are filter
    values (slugs, codes); names and titles are in the active language; dates are ISO 8601.
    """
    count = offers.count()
    records = offer_records(offers, request, limit=limit, locale=locale)
    results = []
    for record in records:
        offer_type, territory = record["type"], record["territory"]
        code = record["department"]
        results.append(
            {
                "title": record["title"],
                "url": record["url"],
                "type": {"slug": offer_type["slug"], "name": offer_type["name"]} if offer_type else None,
                "status": record["status"],
                "territory": territory,
                "department": {"code": code, "name": DEPARTMENT_NAMES.get(code, "")} if code else None,
                "commune": record["commune"],
                "postcode": record["postcode"],
                "insee_code": record["insee_code"],
                "latitude": record["latitude"],
                "longitude": record["longitude"],
                "price": _json_number(record["price"]),
                "rent": _json_number(record["rent"]),
                "salary": _json_number(record["salary"]),
                "surface": record["surface"],
                "available_from": record["available_from"].isoformat() if record["available_from"] else None,
                "expire_at": _json_datetime(record["expire_at"]),
                "summary": record["summary"],
            }
        )
    return {"count": count, "limit": limit, "results": results}
