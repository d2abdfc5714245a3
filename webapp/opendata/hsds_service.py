"""A voorziening as an HSDS 3.0 service: the one-to-one fields for lists, everything nested for one item."""
from webapp.directory.vocab import ACCESS_ROUTES, NATIONAL, YES
from webapp.opendata import taxonomy
from webapp.opendata.status import alert, status
from webapp.opendata.hsds_location import location
from webapp.opendata.ids import compact, derived, timestamp

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
LANGUAGE_CODES = {"nederlands": "nl", "engels": "en", "duits": "de", "frans": "fr", "arabisch": "ar", "turks": "tr",
                  "pools": "pl", "oekraiens": "uk", "oekraïens": "uk", "tigrinya": "ti", "spaans": "es",
                  "fries": "fy", "papiaments": "pap", "somalisch": "so", "farsi": "fa", "russisch": "ru"}
TIME_NOTE = "Tijden in Nederlandse tijd (Europe/Amsterdam)."
HOLIDAYS = {True: "Ook open op feestdagen.", False: "Gesloten op feestdagen."}  # weekly slots only


def organization_summary(organization):
    return compact({"id": organization.id, "name": organization.name, "description": "",
                    "email": organization.email, "website": organization.website})


def service_summary(service):
    """The one-to-one fields (HSDS compiled/service_list.json)."""
    return compact({
        "id": service.id,
        "organization_id": service.organization_id,
        "name": service.name,
        "description": "\n\n".join(part for part in (service.summary, service.description) if part),
        "url": service.website,
        "email": service.email,
        "status": status(service),
        "alert": alert(service),
        "application_process": _label(ACCESS_ROUTES, service.access_route),
        "fees_description": service.cost_note,
        "eligibility_description": "; ".join(group.name for group in service.target_groups) or None,
        "assured_date": service.last_checked_on.isoformat() if service.last_checked_on else None,
        "last_modified": last_modified(service),
        "organization": organization_summary(service.organization) if service.organization else None,
    })


def service_full(service):
    """Everything the kaart knows of a voorziening, nested (HSDS service.json)."""
    return service_summary(service) | {
        "phones": [_phone(service)] if service.phone else [],
        "schedules": [*(_slot(slot, service.open_on_holidays) for slot in service.schedules),
                      *map(_exception, service.schedule_exceptions)],
        "service_areas": [_area(service, area) for area in service.areas] or [_own_area(service)],
        "service_at_locations": [service_at_location(link, nested_service=False) for link in service.locations],
        "languages": languages(service),
        "cost_options": _cost_options(service),
        "attributes": [taxonomy.attribute(service.id, theme.slug) for theme in service.themes],
    }


def service_at_location(link, nested_service=True):
    item = {"id": link.id, "service_id": link.service_id, "location_id": link.location_id,
            "location": location(link.location, remote_only=link.service.remote_only)}
    if nested_service:
        item["service"] = service_summary(link.service)
    return item


def last_modified(service):
    """When the voorziening itself last changed (modified_after also looks at its locations)."""
    return timestamp(service.updated_at)


def languages(service):
    names = [part.strip() for part in (service.languages or "").replace(";", ",").split(",") if part.strip()]
    return [compact({"id": derived("language", service.id, name.casefold()), "service_id": service.id, "name": name,
                     "code": LANGUAGE_CODES.get(name.casefold())}) for name in names]


def _label(vocabulary, value):
    return str(vocabulary[value]) if value in vocabulary and value != "onbekend" else None


def _phone(service):
    return {"id": derived("phone", service.id), "service_id": service.id, "number": service.phone}


def _area(service, area):
    national = area.name == NATIONAL
    return {"id": area.id, "service_id": service.id, "name": area.name,
            "description": ("Voor alle inwoners van Nederland" if national
                            else f"Voor inwoners van gemeente {area.name}")}


def _own_area(service):
    return {"id": derived("service_area", service.id), "service_id": service.id, "name": service.gemeente,
            "description": f"Voor inwoners van gemeente {service.gemeente}"}


def _slot(slot, open_on_holidays):
    return {"id": slot.id, "service_id": slot.service_id, "freq": "WEEKLY", "wkst": "MO",
            "byday": WEEKDAYS[slot.weekday], "opens_at": slot.opens.isoformat("minutes"),
            "closes_at": slot.closes.isoformat("minutes"),
            "notes": f"{TIME_NOTE} {HOLIDAYS[bool(open_on_holidays)]}"}


def _exception(day):
    """A dated exception: a schedule valid on that one day, closed (no times) or with other hours."""
    item = {"id": day.id, "service_id": day.service_id, "valid_from": day.day.isoformat(),
            "valid_to": day.day.isoformat(), "dtstart": day.day.isoformat(), "freq": "WEEKLY", "wkst": "MO",
            "byday": WEEKDAYS[day.day.weekday()],
            "description": "Gesloten" if day.closed else "Andere openingstijden",
            "notes": " ".join(filter(None, [day.note, TIME_NOTE]))}
    if not day.closed and day.opens and day.closes:
        item |= {"opens_at": day.opens.isoformat("minutes"), "closes_at": day.closes.isoformat("minutes")}
    return item


def _cost_options(service):
    if service.free_of_charge != YES:
        return []  # "nee" without an amount, or unknown: fees_description says what is known
    return [{"id": derived("cost_option", service.id), "service_id": service.id, "option": "Gratis",
             "currency": "EUR", "amount": 0, "amount_description": "Gratis"}]
