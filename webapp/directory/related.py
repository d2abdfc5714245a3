"""Voorzieningen of the sociale kaart that fit a vraag: professional help where a volunteer is not the answer.

Shown to the asker and the coördinatoren only, never on the public vraag page: a list of professional help under
someone's public request says something about that person. A voorziening fits when all three hold:

- its werkgebied covers the vraag's gemeente (a resident of Meppel is not helped by a desk in Zuidlaren);
- it has a theme that belongs to the vraag's category (`CATEGORY_THEMES`): boodschappen, tuin or klussen are
  a neighbour's help, and no voorziening is put next to them;
- the vraag's text finds it, scoring at least `RELEVANT_SHARE` of the best hit: one shared side word is not a fit.
"""
from sqlalchemy import select

from webapp import search
from webapp.directory import areas
from webapp.directory.models import Service
from webapp.extensions import db

CANDIDATES = 30  # the text's best hits looked at
RELEVANT_SHARE = 0.5  # a hit scoring under half of the best one matched on a side word only

# A vraag's category (posts.vocab.CATEGORIES) -> the themes of the sociale kaart where professional help for it is
# found. A category not here has none.
CATEGORY_THEMES = {
    "administratie-en-formulieren": {"geld-en-schulden", "informatie-en-advies"},
    "gezelschap-en-wandelen": {"ontmoeten-en-eenzaamheid"},
    "taal-en-lezen": {"taal-en-inburgering"},
    "computer-en-telefoon": {"informatie-en-advies"},
}


def related_services(post, limit=3):
    """The best-fitting voorzieningen (not archived) for a vraag, for its asker and coördinatoren; see above."""
    if post is None or not post.gemeente:
        return []
    themes = set().union(*(CATEGORY_THEMES.get(slug, set()) for slug in post.category_list))
    if not themes:
        return []
    hits = search.search_kind("service", f"{post.title} {post.description or ''}").hits
    best = max((hit.score for hit in hits), default=0)
    ids = [hit.row_id for hit in hits[:CANDIDATES] if hit.score >= best * RELEVANT_SHARE]
    if not ids:
        return []
    rows = {service.id: service for service in db.session.scalars(
        select(Service).where(Service.id.in_(ids), Service.archived_at.is_(None)))}
    fitting = [rows[service_id] for service_id in ids if service_id in rows
               and areas.covers(areas.area_keys(rows[service_id].service_area), post.gemeente)
               and themes & {theme.slug for theme in rows[service_id].themes}]
    return fitting[:limit]
