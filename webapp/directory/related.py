"""Voorzieningen of the sociale kaart that fit a post's text: professional help where a volunteer is not the answer."""
from sqlalchemy import select

from webapp import search
from webapp.directory import areas
from webapp.directory.models import Service
from webapp.extensions import db

CANDIDATES = 30  # the text's best hits looked at; the post's gemeente is preferred among them
RELEVANT_SHARE = 0.5  # a hit scoring under half of the best one matched on a side word only


def related_services(post, limit=3):
    """The best-fitting voorzieningen (not archived) for the post's title and description; first those whose
    werkgebied covers the post's gemeente."""
    if post is None:
        return []
    hits = search.search_kind("service", f"{post.title} {post.description or ''}").hits
    best = max((hit.score for hit in hits), default=0)
    ids = [hit.row_id for hit in hits[:CANDIDATES] if hit.score >= best * RELEVANT_SHARE]
    if not ids:
        return []
    rows = {service.id: service for service in db.session.scalars(
        select(Service).where(Service.id.in_(ids), Service.archived_at.is_(None)))}
    ranked = [rows[service_id] for service_id in ids if service_id in rows]
    # Stable: text order within each group.
    ranked.sort(key=lambda service: not areas.covers(areas.area_keys(service.service_area), post.gemeente))
    return ranked[:limit]
