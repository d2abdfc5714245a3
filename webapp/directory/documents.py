"""What a voorziening contributes to the search index."""
from webapp.directory.areas import area_keys
from webapp.directory.packed_hours import pack
from webapp.directory.vocab import REMOTE


def service_document(service):
    location = service.location
    point = service.visit_point
    themes = [theme.label for theme in service.themes]
    tags = " ".join(themes + [group.name for group in service.target_groups])
    place = " ".join(filter(None, [location and location.name, location and location.woonplaats, service.gemeente]))
    body = " ".join(filter(None, [service.description, service.organization and service.organization.name]))
    return {
        "title": service.name,
        "slug": service.slug,
        "tags": tags,
        "summary": service.summary,
        "body": body,
        "place": place,
        "spell": " ".join([service.name, tags, service.summary, body, place]),
        "themes": ",".join(theme.slug for theme in service.themes),
        "access": service.access_route,
        "gemeente": service.gemeente,
        "area": ",".join(sorted(area_keys(service.service_area))),
        "lat": point[0] if point else None,
        "lon": point[1] if point else None,
        "precision": REMOTE if service.remote_only else (location.precision if location else None),
        "hours": pack(service.schedules, service.schedule_exceptions, bool(service.open_on_holidays),
                      service.closed_until),
    }
