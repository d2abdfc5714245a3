"""GET /api/v1/voorzieningen and /api/v1/voorzieningen/<id>."""
from flask import jsonify, request
from flask_babel import gettext as _

from webapp.api import bp, params
from webapp.directory import services
from webapp.directory.hours import local_now
from webapp.errors import RuleViolation
from webapp.site import absolute_url


@bp.errorhandler(params.BadParameter)
def bad_parameter(error):
    return jsonify({"error": {"status": 400, "parameter": error.name, "message": error.message}}), 400


@bp.errorhandler(RuleViolation)
def rule_violation(error):
    field, message = error.reasons[0]
    return jsonify({"error": {"status": 400, "parameter": field, "message": message}}), 400


@bp.get("/voorzieningen")
def list_services():
    args = request.args
    query = services.ServiceQuery(
        text=params.text(args, "q", params.MAX_QUERY),
        near=params.text(args, "near", params.MAX_PLACE),
        radius_km=params.radius(args),
        themes=params.themes(args),
        access=params.access(args),
        gemeente=params.text(args, "gemeente", params.MAX_PLACE) or None,
        open_now=params.flag(args, "open_now"),
        language=params.staff_language(args),
        page=params.page(args),
    )
    results = services.search_services(query)
    body = {"total": results.total, "page": results.page, "per_page": query.per_page,
            "results": [_result(item, results.place is not None) for item in results.items],
            "facets": results.facets}
    if results.place is not None:
        body["near"] = {"label": results.place.label, "precision": results.place.precision,
                        "lat": results.place.latitude, "lon": results.place.longitude, "gemeente": results.gemeente}
    if results.suggestion:
        body["suggestion"] = results.suggestion
    return jsonify(body)


@bp.get("/voorzieningen/<service_id>")
def show_service(service_id):
    service = services.get_service(service_id[:36])
    if service is None:
        return jsonify({"error": {"status": 404, "message": _("Deze voorziening bestaat niet (meer).")}}), 404
    return jsonify(_service_detail(service))


def _result(item, from_place):
    """One result; from a place also whether it is for that place's residents (null: gemeente unknown)."""
    summary = _service_summary(item.service, item.distance_km)
    if from_place:
        summary["in_area"] = item.in_area
    return summary


def _service_summary(service, distance_km):
    location = service.location
    point = service.visit_point  # none for a voorziening online or by phone only: it is not at the gemeente's centre
    today = local_now().date()
    return {
        "id": service.id,
        "slug": service.slug,
        "name": service.name,
        "summary": service.summary,
        "themes": [theme.slug for theme in service.themes],
        "gemeente": service.gemeente,
        "service_area": list(service.service_area),
        "lat": point[0] if point else None,
        "lon": point[1] if point else None,
        "precision": location.precision if location and point else None,
        "remote_only": service.remote_only,
        "closed_until": service.closed_until.isoformat() if service.closed_on(today) else None,
        "notice": service.notice_on(today),
        "distance_km": distance_km,
        "url": absolute_url("api.show_service", service_id=service.id),
    }


def _service_detail(service):
    location = service.location
    detail = _service_summary(service, None)
    del detail["distance_km"]
    detail.update({
        "description": service.description,
        "access_route": service.access_route,
        "layer": service.layer,
        "organization": service.organization.name if service.organization else None,
        "target_groups": [group.name for group in service.target_groups],
        "address": location and {"name": location.name, "address": location.address, "postcode": location.postcode,
                                 "woonplaats": location.woonplaats, "gemeente": location.gemeente,
                                 "wheelchair_access": location.wheelchair_access},
        "phone": service.phone, "email": service.email, "website": service.website,
        "languages": service.languages, "free_of_charge": service.free_of_charge, "volunteers": service.volunteers,
        "hours": [{"weekday": s.weekday, "opens": s.opens.isoformat("minutes"), "closes": s.closes.isoformat("minutes")}
                  for s in service.schedules],
        "source": {"document": service.source_document, "year": service.source_year, "lines": service.source_lines},
        "last_checked_on": service.last_checked_on.isoformat() if service.last_checked_on else None,
    })
    return detail
