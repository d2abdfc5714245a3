""""Zorgen om iemand?": where a neighbour or relative goes with a worry about someone, per gemeente.

Routes only: the pages collect nothing about the other person (no form), they show the ways in.
"""
from flask import abort, render_template

from webapp.directory import bp, gemeente_contacts, services
from webapp.directory.services import ServiceQuery
from webapp.text import slugify

# What the kaart calls the gemeente's own team for residents' questions; the search finds each gemeente's own
# name for it (wijkteam, sociaal team, gebiedsteam), so no voorziening is named here.
TEAM_WORDS = "wijkteam sociaal team gebiedsteam"
TEAMS_SHOWN = 1


def known_gemeenten():
    """Every gemeente the kaart has data for: voorzieningen or a way in."""
    return sorted(set(services.gemeenten()) | {contact.gemeente for contact in gemeente_contacts.all_contacts()})


@bp.route("/zorgen-om-iemand")
def worry_index():
    gemeenten = [(name, slugify(name)) for name in known_gemeenten()]
    return render_template("directory/worry_index.html", gemeenten=gemeenten)


@bp.route("/zorgen-om-iemand/<gemeente>")
def worry(gemeente):
    name = gemeente_contacts.gemeente_by_slug(gemeente[:100], known_gemeenten())
    if name is None:
        abort(404)
    return render_template("directory/worry.html", gemeente=name, contact=gemeente_contacts.contact_for(name),
                           teams=_teams(name))


def _teams(gemeente):
    """The gemeente's wijkteam (or what it calls it) on the kaart, found by search; empty when there is none."""
    query = ServiceQuery(text=TEAM_WORDS, gemeente=gemeente, themes=("informatie-en-advies",), per_page=TEAMS_SHOWN)
    return [item.service for item in services.search_services(query).items]
