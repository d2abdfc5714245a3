"""Shared by the open data tests: fetch every page of an HSDS list, validated against the shipped schemas."""
from webapp.opendata import schema_files

PAGE_KEYS = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"}
LIST_SCHEMAS = {"services": "compiled/service_list.json",
                "service_at_locations": "compiled/service_at_location_list.json",
                "organizations": "compiled/organization_list.json",
                "taxonomies": "taxonomy.json", "taxonomy_terms": "taxonomy_term.json"}
ITEM_SCHEMAS = {"services": "service.json", "service_at_locations": "service_at_location.json",
                "organizations": "organization.json", "taxonomies": "taxonomy.json",
                "taxonomy_terms": "taxonomy_term.json"}


def valid(schema, instance):
    problems = schema_files.errors(schema, instance)
    assert problems == [], (schema, instance.get("id"), problems[:5])
    return instance


def all_pages(client, path, per_page=50, **query):
    """Every item of an HSDS list, page by page; each page checked as an HSDS Page, each item validated."""
    schema = ITEM_SCHEMAS[path] if query.get("full") == "true" else LIST_SCHEMAS[path]
    items, number = [], 1
    while True:
        response = client.get(f"/api/v1/hsds/{path}", query_string={**query, "page": number, "per_page": per_page})
        assert response.status_code == 200, response.get_data(as_text=True)
        body = response.get_json()
        assert set(body) == PAGE_KEYS
        assert body["page_number"] == number and body["size"] == len(body["contents"])
        assert body["first_page"] == (number == 1) and body["empty"] == (not body["contents"])
        items += [valid(schema, item) for item in body["contents"]]
        if body["last_page"]:
            assert len(items) == body["total_items"]
            return items
        number += 1
