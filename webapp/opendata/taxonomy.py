"""The kaart's themes as one HSDS taxonomy with a term per theme (attributes link them to services)."""
from webapp.directory.vocab import THEMES
from webapp.opendata.ids import TAXONOMY_ID, derived, theme_id

TAXONOMY_NAME = "Buurtkaart thema's"
TAXONOMY_DESCRIPTION = "De thema's van de sociale kaart Buurtkaart, waarop inwoners voorzieningen zoeken."


def taxonomy():
    return {"id": TAXONOMY_ID, "name": TAXONOMY_NAME, "description": TAXONOMY_DESCRIPTION, "version": "1"}


def term(slug):
    label = str(THEMES[slug])
    return {"id": theme_id(slug), "code": slug, "name": label, "description": label, "taxonomy": TAXONOMY_NAME,
            "taxonomy_id": TAXONOMY_ID, "language": "nl"}


def terms():
    return [term(slug) for slug in sorted(THEMES)]


def term_by_id(term_id):
    return next((item for item in terms() if item["id"] == term_id), None)


def attribute(service_id, slug):
    """The link between a service and a theme (HSDS attribute with its taxonomy term nested)."""
    return {"id": derived("attribute", service_id, slug), "link_id": service_id, "link_type": "service",
            "link_entity": "service", "taxonomy_term_id": theme_id(slug), "taxonomy_term": term(slug)}
