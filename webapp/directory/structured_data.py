"""schema.org JSON-LD for a voorziening's page, so search engines can show it: a Service (a GovernmentService
when the gemeente itself provides it) with its provider, the area it is for, its place and its opening hours.
Only what the kaart knows goes in; an unknown field is left out, never guessed."""
from webapp.directory.vocab import NATIONAL

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def service_json_ld(service, page_url):
    """A dict to serialise into <script type="application/ld+json">."""
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService" if _by_gemeente(service) else "Service",
        "name": service.name,
        "description": service.summary or service.description or None,
        "url": page_url,
        "provider": _provider(service),
        "areaServed": [_area(name) for name in service.service_area],
        "hoursAvailable": [_hours(slot) for slot in service.schedules],
        "availableChannel": _channel(service),
        "isAccessibleForFree": {"ja": True, "nee": False}.get(service.free_of_charge),
    }
    return _without_empty(data)


def _by_gemeente(service):
    name = service.organization.name if service.organization else ""
    return name.casefold().startswith("gemeente ")


def _provider(service):
    if service.organization is None:
        return None
    return _without_empty({"@type": "GovernmentOrganization" if _by_gemeente(service) else "Organization",
                           "name": service.organization.name, "url": service.organization.website})


def _area(name):
    if name == NATIONAL:
        return {"@type": "Country", "name": "Nederland"}
    return {"@type": "AdministrativeArea", "name": f"Gemeente {name}"}


def _hours(slot):
    return {"@type": "OpeningHoursSpecification", "dayOfWeek": f"https://schema.org/{DAYS[slot.weekday]}",
            "opens": slot.opens.strftime("%H:%M"), "closes": slot.closes.strftime("%H:%M")}


def _channel(service):
    location = service.location
    place = None
    if location is not None and not service.remote_only and (location.address or location.woonplaats):
        place = _without_empty({
            "@type": "Place", "name": location.name,
            "address": _without_empty({"@type": "PostalAddress", "streetAddress": location.address,
                                       "postalCode": location.postcode, "addressLocality": location.woonplaats,
                                       "addressCountry": "NL"}),
            "geo": ({"@type": "GeoCoordinates", "latitude": location.latitude, "longitude": location.longitude}
                    if location.point and location.precision in ("adres", "straat") else None),
        })
    phone = {"@type": "ContactPoint", "telephone": service.phone} if service.phone else None
    channel = _without_empty({"@type": "ServiceChannel", "serviceLocation": place, "servicePhone": phone,
                              "serviceUrl": service.website})
    return channel if len(channel) > 1 else None


def _without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}
