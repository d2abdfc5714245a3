"""Resident-facing pages of the sociale kaart: home, zoeken, thema, one voorziening, and the map's markers."""
from datetime import date, timedelta
from dataclasses import replace

from flask import abort, current_app, jsonify, redirect, render_template, request, url_for
from flask_babel import format_date, format_datetime, format_decimal, gettext as _

from webapp.directory import bp, gemeente_contacts, links, merging, missed, opening, services, translations
from webapp.directory.signals import extra_sections
from webapp.directory.structured_data import service_json_ld
from webapp.directory.crisis import mentions_crisis
from webapp.directory.forms import SearchForm
from webapp.directory.options import counted_options
from webapp.directory.vocab import ACCESS_ROUTES, NATIONAL, TRISTATE, THEMES
from webapp import pagecache, search as search_index
from webapp.errors import RuleViolation
from webapp.geo.precision import precision_label
from webapp.security import tile_origin
from webapp.site import absolute_url

APPROXIMATE = ("woonplaats", "gemeente")


@bp.app_context_processor
def _template_helpers():
    return {"search_url": links.search_url, "without_value": links.without_value, "THEMES": THEMES,
            "ACCESS_ROUTES": ACCESS_ROUTES, "TRISTATE": TRISTATE, "APPROXIMATE": APPROXIMATE, "NATIONAL": NATIONAL,
            "tile_attribution": tile_attribution(current_app.config.get("MAP_TILE_URL", "")),
            "weekday_name": weekday_name, "format_date": format_date, "format_decimal": format_decimal,
            "format_datetime": format_datetime, "shown": translations.shown, "counted_options": counted_options,
            "precision_label": precision_label}


def weekday_name(weekday):
    """0 -> 'maandag', in the page's language (from a known Monday)."""
    return format_date(date(2024, 1, 1) + timedelta(days=weekday), "EEEE")


def tile_attribution(tile_url):
    """Who made the background map; PDOK's BRT-Achtergrondkaart is the production choice (README)."""
    origin = tile_origin(tile_url)
    if not origin:
        return ""
    if origin.endswith("pdok.nl"):
        return "Kaartgegevens © Kadaster"
    return _("Achtergrondkaart: %(origin)s", origin=origin)


@bp.route("/")
def home():
    return render_template("directory/home.html", form=SearchForm(formdata=None))


@bp.route("/zoeken")
def search():
    page, unmatched = _search_page()
    missed.note_search(unmatched)  # after rendering, for a kept page too: its own write transaction
    return page


@pagecache.for_visitors(version=search_index.version)
def _search_page():
    form, results = run_search()
    page = render_template("directory/search.html", form=form, results=results,
                           markers_url=links.search_url("directory.markers"), **_paging(form, results),
                           **_dead_end(form, results))
    return page, missed.unmatched_words(form.q.data, results)


@bp.route("/thema/<slug>")
def theme(slug):
    if slug not in THEMES:
        abort(404)
    page, unmatched = _theme_page(slug)
    missed.note_search(unmatched)
    return page


@pagecache.for_visitors(version=search_index.version)
def _theme_page(slug):
    form, results = run_search(themes=(slug,))
    themes = list(dict.fromkeys([slug, *request.args.getlist("thema")]))
    page = render_template("directory/theme.html", form=form, results=results, theme_slug=slug,
                           theme_label=THEMES[slug], markers_url=links.search_url("directory.markers", thema=themes),
                           **_paging(form, results), **_dead_end(form, results))
    return page, missed.unmatched_words(form.q.data, results)


@bp.route("/zoeken/kaart")
@pagecache.for_visitors(version=search_index.version)
def markers():
    """Every result of the search with a point, for the map (the list shows one page of them)."""
    _form, results = run_search(with_rows=False)
    candidates = results.markers if results else []
    names = translations.names_for_page([candidate.row_id for candidate in candidates])
    response = jsonify([_marker(candidate, names.get(candidate.row_id)) for candidate in candidates])
    response.vary.update(("Cookie", "Accept-Language"))  # the names are in the reader's language
    return response


@bp.route("/voorzieningen/<slug>")
def show(slug):
    service = services.get_service_by_slug(slug[:200])
    if service is None:
        kept = merging.kept_for_slug(slug[:200])
        if kept is None:
            abort(404)
        return redirect(url_for("directory.show", slug=kept.slug), 301)  # merged: the old address still works
    return render_template("directory/show.html", service=service, **opening.status(service),
                           may_be_outdated=may_be_outdated(service),
                           gemeente_contact=gemeente_contacts.contact_for(service.gemeente),
                           back_url=links.back_to_search(), extra_sections=extra_sections(service),
                           structured_data=service_json_ld(service, absolute_url("directory.show", slug=service.slug)))


def may_be_outdated(service, today=None):
    """Never checked, or not within LISTING_CHECK_AFTER_DAYS: the page says so, gently."""
    age = timedelta(days=current_app.config["LISTING_CHECK_AFTER_DAYS"])
    return service.last_checked_on is None or service.last_checked_on < (today or date.today()) - age


def run_search(themes=(), with_rows=True):
    form = SearchForm(request.args)
    form.gemeente.choices = form.gemeente.choices[:1] + [(g, g) for g in services.gemeenten()]
    results = None
    if form.validate():
        query = form.to_query()
        if themes:
            query = replace(query, themes=tuple(dict.fromkeys(themes + query.themes)))
        try:
            results = services.search_services(query, with_rows=with_rows)
        except RuleViolation as violation:
            form.plaats.errors = [message for _field, message in violation.reasons]
    return form, results


def _dead_end(form, results):
    """The safety net for crisis words, and for a search without results the gemeente's way in."""
    crisis = mentions_crisis(form.q.data)
    if results is None or results.total:
        return {"crisis": crisis, "way_in": []}
    return {"crisis": crisis, "way_in": gemeente_contacts.for_dead_end(form.gemeente.data, results.place)}


def _paging(_form, results):
    if results is None:
        return {"page": 1, "last_page": 1, "page_numbers": []}
    return {"page": results.page, "last_page": results.last_page,
            "page_numbers": links.page_numbers(results.page, results.last_page)}


def _marker(candidate, translated=None):
    return {
        "id": candidate.row_id,
        "name": translated.text if translated else candidate.name,
        "lang": translated.lang if translated else translations.DUTCH,
        "lat": candidate.point[0],
        "lon": candidate.point[1],
        "approximate": candidate.precision in APPROXIMATE,
        "url": url_for("directory.show", slug=candidate.slug),
    }
