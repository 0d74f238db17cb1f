"""schema.org JSON-LD for an offer page: a JobPosting for jobs, an Offer of a Place otherwise.

Only the page being served gets its JSON-LD (Wagtail has checked it is visible before serving it);
nothing here lists other offers. :func:`jsonld_script` escapes the JSON so that no title can close the
``<script>`` element.
"""

from django.utils import timezone

from cms.jsonld import absolute, number

REGION = "Auvergne-Rhône-Alpes"
COUNTRY = "FR"
CURRENCY = "EUR"

AVAILABILITY = {
    "available": "https://schema.org/InStock",
    "in_discussion": "https://schema.org/LimitedAvailability",
    "filled": "https://schema.org/SoldOut",
}


def _datetime(value):
    return timezone.localtime(value).isoformat() if value else None


def postal_address(offer):
    address = {"@type": "PostalAddress", "addressLocality": offer.commune}
    if offer.postcode:
        address["postalCode"] = offer.postcode
    address.update({"addressRegion": REGION, "addressCountry": COUNTRY})
    return address


def place(offer):
    """The offer's location as a schema.org Place, with its coordinates when known."""
    data = {"@type": "Place", "name": offer.commune, "address": postal_address(offer)}
    if offer.latitude is not None and offer.longitude is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": offer.latitude, "longitude": offer.longitude}
    return data


def organization(territory, request):
    """The territory publishing the offer, as a schema.org Organization."""
    if territory is None:
        return None
    data = {"@type": "Organization", "name": territory.title}
    if territory.live:
        data["url"] = territory.get_full_url(request)
    return data


def image_url(offer, request):
    image = offer.share_image
    if image is None:
        return None
    return absolute(request, image.get_rendition("fill-1200x630").url)


def job_posting(offer, request):
    """A schema.org JobPosting (offer types marked ``is_job``)."""
    data = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": offer.title,
        "description": offer.description or offer.title,
        "url": offer.get_full_url(request),
    }
    if offer.first_published_at:
        data["datePosted"] = timezone.localtime(offer.first_published_at).date().isoformat()
    if offer.expire_at:
        data["validThrough"] = _datetime(offer.expire_at)
    if offer.available_from:
        data["jobStartDate"] = offer.available_from.isoformat()
    hiring = organization(offer.territory, request)
    if hiring:
        data["hiringOrganization"] = hiring
    data["jobLocation"] = place(offer)
    if offer.salary is not None:
        data["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": CURRENCY,
            "value": {"@type": "QuantitativeValue", "value": number(offer.salary), "unitText": "YEAR"},
        }
    if offer.reference:
        data["identifier"] = {
            "@type": "PropertyValue",
            "name": hiring["name"] if hiring else "",
            "value": offer.reference,
        }
    return data


def place_offer(offer, request):
    """A schema.org Offer (premises, a business to take over, land…) available at a Place."""
    data = {
        "@context": "https://schema.org",
        "@type": "Offer",
        "name": offer.title,
        "description": offer.description or offer.title,
        "url": offer.get_full_url(request),
        "availability": AVAILABILITY.get(offer.status, AVAILABILITY["available"]),
    }
    if offer.offer_type:
        data["category"] = offer.offer_type.localized.name
    if offer.price is not None:
        data.update(price=number(offer.price), priceCurrency=CURRENCY)
    elif offer.rent is not None:
        data.update(
            price=number(offer.rent),
            priceCurrency=CURRENCY,
            priceSpecification={
                "@type": "UnitPriceSpecification",
                "price": number(offer.rent),
                "priceCurrency": CURRENCY,
                "referenceQuantity": {"@type": "QuantitativeValue", "value": 1, "unitCode": "MON"},
            },
        )
    if offer.available_from:
        data["availabilityStarts"] = offer.available_from.isoformat()
    if offer.expire_at:
        data["validThrough"] = _datetime(offer.expire_at)
    data["availableAtOrFrom"] = place(offer)
    seller = organization(offer.territory, request)
    if seller:
        data["offeredBy"] = seller
    return data


def offer_jsonld(page, request=None):
    """The schema.org description of an offer page: JobPosting when its type ``is_job``, else Offer."""
    is_job = bool(page.offer_type and page.offer_type.is_job)
    data = job_posting(page, request) if is_job else place_offer(page, request)
    image = image_url(page, request)
    if image:
        data["image"] = image
    return data
