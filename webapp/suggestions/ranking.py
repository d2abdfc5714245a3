"""Suggested matches between open vragen and open aanbod, each with the reasons it was suggested.

The score is a weighted sum of four factors, each from 0 to 1 (WEIGHTS):
- text (0.4): how well the other post's words match this post's title and description (Whoosh's score), the best
  of the posts that may be suggested = 1: only those are scored (within reach first, then text), so the cost
  follows the posts nearby, not every open post; those are the CANDIDATES nearest in reach (candidates.py: a
  farther one is not considered), so the cost stays bounded where much aanbod is near. The words
  as written: no "Bedoelde u" correction (it turned "help" into "hulp", a word of nearly every vraag, and took
  seconds);
- category (0.3): the vraag's category is one of the aanbod's categories;
- distance (0.2): 1 at the same spot, falling to 0 at the edge of the volunteer's travel radius;
- time (0.1): the volunteer can on a day the vraag needs (a flexible or recurring vraag fits any slot).
A suggestion needs a text or category match: being near and free says nothing about the help itself.

Never suggested: posts that are not open, a post by the same author, aanbod whose travel radius does not reach
the vraag (measured between the exact points; the distance shown is between the public points, rounded), and a
helper already in contact about the vraag (a Match of any status: the matching package allows one per vraag and
helper, so proposing it again cannot work).
"""
from dataclasses import dataclass, field

from flask_babel import format_decimal, gettext as _
from sqlalchemy import select

from webapp import search
from webapp.extensions import db
from webapp.geo import distance_km
from webapp.matching.models import Match
from webapp.posts.privacy import round_distance
from webapp.posts.vocab import OFFER, OPEN, REQUEST
from webapp.suggestions.candidates import nearest_offers_reaching, nearest_requests_within
from webapp.suggestions.timing import days_reason, overlapping_days

WEIGHTS = {"text": 0.4, "category": 0.3, "distance": 0.2, "time": 0.1}


@dataclass
class Suggestion:
    post: object  # the suggested HelpOffer or HelpRequest
    score: float
    distance_km: float  # rounded to 0.5 km
    reasons: list = field(default_factory=list)
    factors: dict = field(default_factory=dict)
    days: list = field(default_factory=list)  # the weekdays the volunteer can and the vraag needs


def suggest_offers_for(vraag, limit=10):
    """Open aanbod for an open vraag, best first, chosen from the CANDIDATES nearest in reach (candidates.py)."""
    if vraag.status != OPEN or vraag.exact_point is None:
        return []
    in_contact = db.session.scalars(select(Match.helper_id).where(Match.request_id == vraag.id))
    pairs = [(vraag, offer, offer) for offer in nearest_offers_reaching(vraag, in_contact)]
    return _rank(OFFER, vraag, pairs, limit)


def suggest_requests_for(aanbod, limit=10):
    """Open vragen for an open aanbod, best first, chosen from the CANDIDATES nearest in its radius."""
    if aanbod.status != OPEN or aanbod.exact_point is None:
        return []
    in_contact = db.session.scalars(select(Match.request_id).where(Match.helper_id == aanbod.author_id))
    pairs = [(vraag, aanbod, vraag) for vraag in nearest_requests_within(aanbod, in_contact)]
    return _rank(REQUEST, aanbod, pairs, limit)


def _rank(kind, post, pairs, limit):
    """The pairs that may be suggested, scored (the text only among them) and best first."""
    reachable = [(vraag, aanbod, shown, km) for vraag, aanbod, shown in pairs
                 if (km := _reach_km(vraag, aanbod)) is not None]
    text_scores = _text_scores(kind, post, [shown.id for _vraag, _aanbod, shown, _km in reachable])
    scored = [suggestion for suggestion in (_score(vraag, aanbod, shown, km, text_scores.get(shown.id, 0.0))
                                            for vraag, aanbod, shown, km in reachable) if suggestion is not None]
    scored.sort(key=lambda s: (-s.score, s.distance_km, s.post.title, s.post.id))
    for suggestion in scored[:limit]:  # the reasons' texts only for what is shown
        suggestion.reasons = _reasons(suggestion.factors, suggestion.distance_km, suggestion.days)
    return scored[:limit]


def _text_scores(kind, post, candidate_ids):
    """{post id: similarity} of the candidates (open posts of `kind`) to this post's text, the best of them 1."""
    scores = search.score_rows(kind, f"{post.title} {post.description or ''}", candidate_ids)
    best = max(scores.values(), default=0) or 1
    return {row_id: score / best for row_id, score in scores.items()}


def _reach_km(vraag, aanbod):
    """The distance between the exact points, or None when the pair may not be suggested (the same author, no
    point, or beyond the volunteer's travel radius)."""
    if aanbod.author_id is None or aanbod.author_id == vraag.author_id:
        return None
    if vraag.exact_point is None or aanbod.exact_point is None:
        return None
    km = distance_km(vraag.exact_point, aanbod.exact_point)
    return None if km > (aanbod.travel_km or 0) else km


def _score(vraag, aanbod, shown, km, text):
    """The Suggestion of `shown` (one of the pair), or None without a text or category match."""
    reach = aanbod.travel_km or 0
    category = 1.0 if vraag.category in aanbod.category_list else 0.0
    if not text and not category:
        return None
    days = overlapping_days(vraag, aanbod)
    factors = {"text": text, "category": category, "distance": 1 - km / reach if reach else 1.0,
               "time": 1.0 if days else 0.0}
    score = sum(WEIGHTS[name] * value for name, value in factors.items())
    # The radius is checked on the exact points; what a page or the API shows comes from the public points.
    shown_km = round_distance(distance_km(vraag.public_point, aanbod.public_point))
    return Suggestion(post=shown, score=score, distance_km=shown_km, factors=factors, days=days)


def _reasons(factors, shown_km, days):
    """Only the factors that scored, in the order of their weight."""
    texts = {
        "text": _("de tekst past erbij"),
        "category": _("zelfde categorie"),
        "distance": _("%(km)s km", km=format_decimal(shown_km)),
        "time": days_reason(days) if days else "",
    }
    scored = {name for name, value in factors.items() if value > 0}
    scored.add("distance")  # the distance is always measured; 0 only at the very edge of the radius
    return [texts[name] for name in sorted(WEIGHTS, key=WEIGHTS.get, reverse=True) if name in scored]
