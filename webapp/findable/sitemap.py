"""What search engines may index: the kaart's public pages and every voorziening, nothing residents posted."""
from dataclasses import dataclass
from datetime import date

from flask import current_app

from webapp.directory import services
from webapp.directory.vocab import THEMES
from webapp.directory.worry_routes import known_gemeenten
from webapp.site import absolute_url
from webapp.text import slugify

# Endpoints whose pages are public and worth finding; every other first path segment is Disallowed in robots.txt.
INDEXABLE = {"directory.home", "directory.search", "directory.theme", "directory.show", "directory.worry_index",
             "directory.worry", "pages.toegankelijkheid", "pages.privacy", "pages.cookies",
             "pages.over_deze_gegevens", "findable.robots", "findable.sitemap_xml", "findable.service_handout",
             "findable.search_handout", "agenda.index", "agenda.search_feed", "agenda.service_feed"}
NOT_INDEXED_PATHS = ("/zoeken/kaart", "/zoeken/afdrukken", "/voorzieningen/*/afdrukken")


@dataclass(frozen=True)
class Entry:
    url: str
    lastmod: date | None = None


def entries():
    """Every URL of the sitemap, the fixed pages first, then each voorziening that is not archived."""
    fixed = [absolute_url(endpoint) for endpoint in ("directory.home", "directory.search", "agenda.index",
                                                      "directory.worry_index",
                                                      "pages.toegankelijkheid", "pages.privacy", "pages.cookies",
                                                      "pages.over_deze_gegevens")]
    fixed += [absolute_url("directory.theme", slug=slug) for slug in THEMES]
    fixed += [absolute_url("directory.worry", gemeente=slugify(name)) for name in known_gemeenten()]
    found = [Entry(url) for url in fixed]
    for slug, updated_at in services.active_slugs():
        found.append(Entry(absolute_url("directory.show", slug=slug), updated_at.date() if updated_at else None))
    return found


def disallowed_paths():
    """The first path segments of every route that is not for search engines (beheer, accounts, voor elkaar, api)."""
    public, private = set(), set()
    for rule in current_app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        segment = "/" + rule.rule.lstrip("/").split("/", 1)[0]
        (public if rule.endpoint in INDEXABLE else private).add(segment)
    return sorted((private - public) - {"/"}) + list(NOT_INDEXED_PATHS)
