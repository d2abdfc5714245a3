"""GET /api/v1/hulpvragen/<id>/suggesties: ranked open aanbod for an open vraag, for coördinatoren of its gemeente.

Never contact data or exact points: a masked title, the woonplaats and the distance rounded to 0.5 km.
"""
from flask import jsonify
from flask_babel import gettext as _
from flask_login import current_user

from webapp.api import bp
from webapp.extensions import db
from webapp.posts.models import HelpRequest, Post
from webapp.text import mask_contact
from webapp.posts.vocab import OPEN
from webapp.suggestions import ranking


@bp.get("/hulpvragen/<post_id>/suggesties")
def request_suggestions(post_id):
    if not current_user.is_authenticated:
        return _error(401, _("Log in als coördinator om suggesties te zien."))
    if not current_user.has_role("coordinator"):
        return _error(403, _("Alleen coördinatoren van de gemeente van deze hulpvraag zien suggesties."))
    vraag = db.session.get(Post, post_id[:36])
    if not isinstance(vraag, HelpRequest) or vraag.status != OPEN:
        return _error(404, _("Deze hulpvraag bestaat niet of is niet open."))
    if not current_user.works_for(vraag.gemeente):
        return _error(403, _("Alleen coördinatoren van de gemeente van deze hulpvraag zien suggesties."))
    suggestions = ranking.suggest_offers_for(vraag)
    return jsonify({"total": len(suggestions), "results": [_result(item) for item in suggestions]})


def _result(suggestion):
    offer = suggestion.post
    return {
        "id": offer.id,
        "title": mask_contact(offer.title),
        "categories": offer.category_list,
        "woonplaats": offer.woonplaats,
        "distance_km": suggestion.distance_km,
        "score": round(suggestion.score, 3),
        "reasons": suggestion.reasons,
    }


def _error(status, message):
    return jsonify({"error": {"status": status, "message": message}}), status
