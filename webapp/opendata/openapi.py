"""The OpenAPI 3.1 description of every JSON route: the kaart, voor elkaar's posts and the HSDS open data.

tests/opendata/test_openapi.py checks it against the routes that exist and fuzzes the API from it (schemathesis).
"""
from webapp.api.params import MAX_PLACE, MAX_QUERY, MAX_RADIUS_KM
from webapp.directory.languages import CODES
from webapp.directory.vocab import ACCESS_ROUTES, THEMES
from webapp.forms import MAX_PAGE
from webapp.opendata.openapi_schemas import OWN, hsds_components
from webapp.opendata.params import MAX_PER_PAGE, MAX_PROXIMITY_M
from webapp.posts.vocab import CATEGORIES

ERRORS = {400: "Een parameter klopt niet (Nederlandse melding, met de naam van de parameter).",
          401: "Niet ingelogd.", 403: "Geen toegang.", 404: "Bestaat niet (meer).",
          429: "Te veel verzoeken; Retry-After zegt wanneer weer."}


def _param(name, schema, description="", where="query"):
    item = {"name": name, "in": where, "required": where == "path", "schema": schema}
    if description:
        item["description"] = description
    return item


def _text(name, limit, description=""):
    return _param(name, {"type": "string", "maxLength": limit}, description)


def _choices(name, values):
    return _param(name, {"type": "array", "items": {"enum": sorted(values)}}, "Meer keren mogelijk.")


def _flag(name, description=""):
    return _param(name, {"type": "boolean"}, description)


PAGE = _param("page", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE})
PER_PAGE = _param("per_page", {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE})
NEAR = [_text("near", MAX_PLACE, "Postcode, woonplaats of adres."),
        _param("radius_km", {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_RADIUS_KM})]
HSDS_LIST = [_text("search", MAX_QUERY, "Zoeken zoals op de kaart (met synoniemen)."), PAGE, PER_PAGE,
             _param("format", {"enum": ["json", "ndjson"]},
                    "ndjson: elk item als één JSON-regel (application/x-ndjson), zonder pagina's.")]
HSDS_SERVICES = [*HSDS_LIST, _param("taxonomy_term_id", {"type": "string"}), _param("taxonomy_id", {"type": "string"}),
                 _param("organization_id", {"type": "string"}),
                 _param("modified_after", {"type": "string", "format": "date-time"},
                        "Ook gearchiveerde voorzieningen, met status inactive."),
                 _flag("minimal"), _flag("full"), _text("postcode", MAX_PLACE),
                 _param("proximity", {"type": "number", "exclusiveMinimum": 0, "maximum": MAX_PROXIMITY_M},
                        "Meters vanaf het midden van de postcode; alleen met postcode.")]


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _page_of(name):
    return {"allOf": [_ref("Page"), {"properties": {"contents": {"type": "array", "items": _ref(name)}}}]}


def _list(summary, name, params):
    """A paged HSDS list; with format=ndjson the same items one a line."""
    operation = _get(summary, _page_of(name), params)
    operation["get"]["responses"]["200"]["content"]["application/x-ndjson"] = {"schema": {"type": "string"}}
    return operation


def _get(summary, schema, params=(), errors=(400, 429), path_param=None):
    parameters = list(params)
    if path_param:
        parameters.insert(0, _param(path_param, {"type": "string"}, where="path"))
        errors = (*errors, 404)
    responses = {"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}}
    for status in sorted(set(errors)):
        responses[str(status)] = {"description": ERRORS[status],
                                  "content": {"application/json": {"schema": _ref("Error")}}}
    return {"get": {"summary": summary, "parameters": parameters, "responses": responses}}


def _paths():
    kaart = [_text("q", MAX_QUERY), *NEAR, _choices("theme", THEMES), _param("access", {"enum": sorted(ACCESS_ROUTES)}),
             _text("gemeente", MAX_PLACE), _flag("open_now"),
             _param("language", {"enum": sorted(CODES.values())}, "Alleen voorzieningen waar de medewerkers deze taal "
                    "spreken (ISO 639-code, zoals ar)."), PAGE]
    posts = [_text("q", MAX_QUERY), *NEAR, _choices("categorie", CATEGORIES), _text("gemeente", MAX_PLACE), PAGE]
    hsds = "/api/v1/hsds"
    return {
        "/api/v1/voorzieningen": _get("Voorzieningen zoeken, zoals op de kaart", _ref("KaartServiceResults"), kaart),
        "/api/v1/voorzieningen/{service_id}": _get("Eén voorziening", _ref("KaartServiceDetail"),
                                                   path_param="service_id"),
        "/api/v1/hulpvragen": _get("Open hulpvragen", _ref("PostResults"), posts),
        "/api/v1/hulpaanbod": _get("Open hulpaanbod", _ref("PostResults"), posts),
        "/api/v1/hulpvragen/{post_id}": _get("Eén open hulpvraag", _ref("Post"), path_param="post_id"),
        "/api/v1/hulpaanbod/{post_id}": _get("Eén open hulpaanbod", _ref("Post"), path_param="post_id"),
        "/api/v1/hulpvragen/{post_id}/suggesties": _get(
            "Passend aanbod voor een hulpvraag (coördinatoren van de gemeente)", _ref("Suggestions"),
            errors=(401, 403, 429), path_param="post_id"),
        "/api/v1/openapi.json": _get("Deze beschrijving", _ref("OpenAPI"), errors=(429,)),
        f"{hsds}/": _get("HSDS-versie, licentie en waar deze beschrijving staat", _ref("HsdsRoot"), errors=(429,)),
        f"{hsds}/services": _list("Voorzieningen (HSDS service)", "service_list", HSDS_SERVICES),
        f"{hsds}/services/{{service_id}}": _get("Eén voorziening, alles genest", _ref("service"),
                                                path_param="service_id"),
        f"{hsds}/service_at_locations": _list("Voorzieningen per plaats", "service_at_location_list",
                                              HSDS_SERVICES),
        f"{hsds}/service_at_locations/{{link_id}}": _get(
            "Eén voorziening op één plaats", _ref("service_at_location"), path_param="link_id"),
        f"{hsds}/organizations": _list("Organisaties", "organization_list",
                                       [*HSDS_LIST, _flag("full"), _flag("full_service")]),
        f"{hsds}/organizations/{{organization_id}}": _get("Eén organisatie met haar voorzieningen",
                                                          _ref("organization"), [_flag("full_service")],
                                                          path_param="organization_id"),
        f"{hsds}/taxonomies": _list("De thema-indeling", "taxonomy", HSDS_LIST),
        f"{hsds}/taxonomies/{{taxonomy_id}}": _get("Eén indeling", _ref("taxonomy"), path_param="taxonomy_id"),
        f"{hsds}/taxonomy_terms": _list("De thema's", "taxonomy_term",
                                        [*HSDS_LIST, _param("taxonomy_id", {"type": "string"}), _flag("top_only"),
                                         _param("parent_id", {"type": "string"})]),
        f"{hsds}/taxonomy_terms/{{term_id}}": _get("Eén thema", _ref("taxonomy_term"), path_param="term_id"),
    }


def document(site_url, licence_name, licence_url):
    return {
        "openapi": "3.1.0",
        "info": {"title": "Buurtkaart API", "version": "1",
                 "summary": "De sociale kaart (ook als Open Referral HSDS 3.0) en de open berichten van Voor elkaar.",
                 "license": {"name": licence_name, "url": licence_url}},
        "servers": [{"url": site_url}],
        "paths": _paths(),
        "components": {"schemas": {**OWN, **hsds_components()}},
    }
