"""GET /api/v1/hsds/...: the kaart as Open Referral HSDS 3.0 (the paths of HSDS's openapi.json)."""
import json

from flask import current_app, jsonify, request
from flask_babel import gettext as _

from webapp.directory.models import Organization, Service, ServiceAtLocation
from webapp.errors import RuleViolation
from webapp.opendata import bp, openapi, params, queries, taxonomy
from webapp.opendata.headers import modified_at
from webapp.opendata.hsds_service import organization_summary, service_at_location, service_full, service_summary
from webapp.opendata.ids import TAXONOMY_ID
from webapp.site import absolute_url

HSDS_VERSION = "3.0"
NDJSON = "application/x-ndjson"
PROFILE = "https://docs.openreferral.org/en/latest/hsds/overview.html"


@bp.errorhandler(params.BadParameter)
def bad_parameter(error):
    return _error(400, error.message, error.name)


@bp.errorhandler(RuleViolation)
def rule_violation(error):
    field, message = error.reasons[0]
    return _error(400, message, field)


def _error(status, message, parameter=None):
    body = {"status": status, "message": message}
    if parameter:
        body["parameter"] = parameter
    return jsonify({"error": body}), status


def _not_found():
    return _error(404, _("Dit bestaat niet (meer)."))


@bp.get("/hsds/")
def hsds_root():
    config = current_app.config
    return jsonify({"version": HSDS_VERSION, "profile": PROFILE,
                    "openapi_url": absolute_url("opendata.openapi_document"),
                    "license": {"name": config["OPEN_DATA_LICENCE_NAME"], "url": config["OPEN_DATA_LICENCE_URL"]},
                    "about": absolute_url("pages.over_deze_gegevens")})


def _service_filter(args, with_place):
    return queries.ServiceFilter(
        search=params.search(args), modified_after=params.modified_after(args),
        taxonomy_term_id=params.identifier(args, "taxonomy_term_id"),
        taxonomy_id=params.identifier(args, "taxonomy_id"),
        organization_id=params.identifier(args, "organization_id"),
        postcode=params.postcode(args) if with_place else "",
        proximity_m=params.proximity(args) if with_place else None)


def _page(items, render):
    args = request.args
    if params.output_format(args) == "ndjson":
        return _ndjson([render(item) for item in items])
    number, size = params.page(args), params.per_page(args)
    body = queries.page(items, number, size)
    body["contents"] = [render(item) for item in body["contents"]]
    modified_at(item.get("last_modified") for item in body["contents"])
    return jsonify(body)


def _ndjson(rendered):
    """Every item, one JSON object a line (HSDS `format=ndjson`), for a consumer that takes everything at once."""
    modified_at(item.get("last_modified") for item in rendered)
    body = "".join(json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n" for item in rendered)
    return current_app.response_class(body, mimetype=NDJSON)


@bp.get("/hsds/services")
def hsds_services():
    args = request.args
    wanted = _service_filter(args, with_place=True)
    if params.flag(args, "minimal"):
        render = _minimal
    else:
        render = service_full if params.flag(args, "full") else service_summary
    return _page(queries.services(wanted), render)


def _minimal(service):
    summary = service_summary(service)
    return {key: summary[key] for key in ("id", "name", "status", "last_modified") if key in summary}


@bp.get("/hsds/services/<service_id>")
def hsds_service(service_id):
    service = queries.get(Service, service_id)
    if service is None:
        return _not_found()
    body = service_full(service)
    modified_at([body["last_modified"]])
    return jsonify(body)


@bp.get("/hsds/service_at_locations")
def hsds_service_at_locations():
    args = request.args
    wanted = _service_filter(args, with_place=True)
    full = params.flag(args, "full")
    return _page(queries.service_at_locations(wanted),
                 lambda link: _full_link(link) if full else service_at_location(link))


def _full_link(link):
    return service_at_location(link) | {"service": service_full(link.service)}


@bp.get("/hsds/service_at_locations/<link_id>")
def hsds_service_at_location(link_id):
    link = queries.get(ServiceAtLocation, link_id)
    return jsonify(_full_link(link)) if link else _not_found()


@bp.get("/hsds/organizations")
def hsds_organizations():
    args = request.args
    full = params.flag(args, "full") or params.flag(args, "full_service")
    full_service = params.flag(args, "full_service")
    rows = queries.organizations(params.search(args))
    return _page(rows, lambda row: _organization(row, full_service) if full else organization_summary(row))


@bp.get("/hsds/organizations/<organization_id>")
def hsds_organization(organization_id):
    row = queries.get(Organization, organization_id)
    if row is None:
        return _not_found()
    return jsonify(_organization(row, params.flag(request.args, "full_service")))


def _organization(row, full_service):
    services = sorted((s for s in row.services if s.archived_at is None), key=lambda s: (s.name, s.id))
    render = service_full if full_service else service_summary
    return organization_summary(row) | {"services": [render(service) for service in services]}


@bp.get("/hsds/taxonomies")
def hsds_taxonomies():
    text = params.search(request.args).casefold()
    found = [item for item in [taxonomy.taxonomy()] if text in item["name"].casefold()]
    return _page(found, lambda item: item)


@bp.get("/hsds/taxonomies/<taxonomy_id>")
def hsds_taxonomy(taxonomy_id):
    return jsonify(taxonomy.taxonomy()) if taxonomy_id == TAXONOMY_ID else _not_found()


@bp.get("/hsds/taxonomy_terms")
def hsds_taxonomy_terms():
    args = request.args
    text = params.search(args).casefold()
    of_taxonomy = params.identifier(args, "taxonomy_id")
    parent = params.identifier(args, "parent_id")
    params.flag(args, "top_only")  # every theme is a top term: the list is the same either way
    found = [term for term in taxonomy.terms()
             if text in term["name"].casefold() and of_taxonomy in (None, TAXONOMY_ID) and parent is None]
    return _page(found, lambda item: item)


@bp.get("/hsds/taxonomy_terms/<term_id>")
def hsds_taxonomy_term(term_id):
    term = taxonomy.term_by_id(term_id)
    return jsonify(term) if term else _not_found()


@bp.get("/openapi.json")
def openapi_document():
    config = current_app.config
    return jsonify(openapi.document(config["SITE_URL"], config["OPEN_DATA_LICENCE_NAME"],
                                    config["OPEN_DATA_LICENCE_URL"]))
