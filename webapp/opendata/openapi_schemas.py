"""JSON Schemas of the kaart's and voor elkaar's own JSON answers, and the HSDS schemas as OpenAPI components."""
import copy

from webapp.directory.vocab import ACCESS_ROUTES, THEMES
from webapp.opendata import schema_files

HSDS_FILES = ("service", "service_at_location", "organization", "location", "address", "phone", "schedule",
              "service_area", "language", "accessibility", "cost_option", "contact", "attribute", "taxonomy",
              "taxonomy_term", "metadata", "funding", "program", "required_document", "organization_identifier")
HSDS_LISTS = ("service_list", "service_at_location_list", "organization_list")

NUMBER_OR_NULL = {"type": ["number", "null"]}
STRING_OR_NULL = {"type": ["string", "null"]}
STRINGS = {"type": "array", "items": {"type": "string"}}


def hsds_components():
    """Every HSDS schema the API answers with, its "phone.json" refs pointing at "#/components/schemas/phone"."""
    found = {name: _local_refs(schema_files.load(f"{name}.json")) for name in HSDS_FILES}
    found |= {name: _local_refs(schema_files.load(f"compiled/{name}.json")) for name in HSDS_LISTS}
    return found


def _local_refs(node):
    if isinstance(node, dict):
        return {key: (_component_ref(value) if key == "$ref" else _local_refs(value)) for key, value in node.items()}
    if isinstance(node, list):
        return [_local_refs(item) for item in node]
    return copy.deepcopy(node)


def _component_ref(target):
    return "#/components/schemas/" + target.rsplit("/", 1)[-1].removesuffix(".json")


def obj(properties, required=None):
    return {"type": "object", "properties": properties, "required": list(required or properties)}


ERROR = obj({"error": obj({"status": {"type": "integer"}, "message": {"type": "string"},
                           "parameter": {"type": "string"}}, ["status", "message"])})
PAGE = obj({"total_items": {"type": "integer"}, "total_pages": {"type": "integer"},
            "page_number": {"type": "integer"}, "size": {"type": "integer"}, "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"}, "empty": {"type": "boolean"}, "contents": {"type": "array"}})
HSDS_ROOT = obj({"version": {"type": "string"}, "profile": {"type": "string", "format": "uri"},
                 "openapi_url": {"type": "string", "format": "uri"},
                 "license": obj({"name": {"type": "string"}, "url": {"type": "string", "format": "uri"}}),
                 "about": {"type": "string", "format": "uri"}})

SERVICE_SUMMARY = obj({
    "id": {"type": "string"}, "slug": {"type": "string"}, "name": {"type": "string"}, "summary": {"type": "string"},
    "themes": {"type": "array", "items": {"enum": sorted(THEMES)}}, "gemeente": {"type": "string"},
    "service_area": STRINGS, "lat": NUMBER_OR_NULL, "lon": NUMBER_OR_NULL, "precision": STRING_OR_NULL,
    "distance_km": NUMBER_OR_NULL, "url": {"type": "string", "format": "uri"},
    "remote_only": {"type": "boolean"}, "closed_until": {"type": ["string", "null"], "format": "date"},
    "notice": STRING_OR_NULL,
    "in_area": {"type": ["boolean", "null"]}}, ["id", "slug", "name", "themes", "gemeente", "service_area", "url"])
SERVICE_DETAIL = obj({
    **SERVICE_SUMMARY["properties"], "description": {"type": "string"},
    "access_route": {"enum": sorted(ACCESS_ROUTES)}, "layer": STRING_OR_NULL, "organization": STRING_OR_NULL,
    "target_groups": STRINGS, "address": {"type": ["object", "null"]}, "phone": STRING_OR_NULL,
    "email": STRING_OR_NULL, "website": STRING_OR_NULL, "languages": STRING_OR_NULL,
    "free_of_charge": {"type": "string"}, "volunteers": {"type": "string"},
    "hours": {"type": "array", "items": obj({"weekday": {"type": "integer", "minimum": 0, "maximum": 6},
                                             "opens": {"type": "string"}, "closes": {"type": "string"}})},
    "source": {"type": "object"}, "last_checked_on": STRING_OR_NULL,
}, ["id", "name", "description", "access_route", "hours", "source", "last_checked_on"])
SERVICE_RESULTS = obj({"total": {"type": "integer"}, "page": {"type": "integer"}, "per_page": {"type": "integer"},
                       "results": {"type": "array", "items": {"$ref": "#/components/schemas/KaartService"}},
                       "facets": {"type": "object"}, "near": {"type": "object"}, "suggestion": {"type": "string"}},
                      ["total", "page", "per_page", "results", "facets"])
POST = obj({
    "id": {"type": "string"}, "type": {"enum": ["hulpvraag", "hulpaanbod"]}, "title": {"type": "string"},
    "description": {"type": "string"}, "categories": STRINGS, "woonplaats": STRING_OR_NULL,
    "gemeente": STRING_OR_NULL, "point": {"type": ["object", "null"]}, "point_precision": {"type": "string"},
    "published_at": STRING_OR_NULL, "expires_at": STRING_OR_NULL, "is_example": {"type": "boolean"},
    "url": {"type": "string", "format": "uri"}, "distance_km": NUMBER_OR_NULL,
}, ["id", "type", "title", "description", "categories", "point_precision", "is_example", "url"])
POST_RESULTS = obj({"total": {"type": "integer"}, "page": {"type": "integer"}, "per_page": {"type": "integer"},
                    "results": {"type": "array", "items": {"$ref": "#/components/schemas/Post"}}})
SUGGESTIONS = obj({"total": {"type": "integer"}, "results": {"type": "array", "items": obj({
    "id": {"type": "string"}, "title": {"type": "string"}, "categories": STRINGS, "woonplaats": STRING_OR_NULL,
    "distance_km": NUMBER_OR_NULL, "score": {"type": "number"}, "reasons": {"type": "array"}})}})
OPENAPI = obj({"openapi": {"const": "3.1.0"}, "info": {"type": "object"}, "paths": {"type": "object"}},
              ["openapi", "info", "paths"])

OWN = {"Error": ERROR, "Page": PAGE, "HsdsRoot": HSDS_ROOT, "KaartService": SERVICE_SUMMARY,
       "KaartServiceDetail": SERVICE_DETAIL, "KaartServiceResults": SERVICE_RESULTS, "Post": POST,
       "PostResults": POST_RESULTS, "Suggestions": SUGGESTIONS, "OpenAPI": OPENAPI}
