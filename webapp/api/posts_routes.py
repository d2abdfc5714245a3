"""GET /api/v1/hulpvragen and /api/v1/hulpaanbod (+ /<id>): open posts, public fields only."""
from flask import jsonify, request
from flask_babel import gettext as _

from webapp.api import bp, params
from webapp.board import public, services
from webapp.board.queries import post_query
from webapp.posts.vocab import CATEGORIES, OFFER, REQUEST

PER_PAGE = 20


@bp.get("/hulpvragen")
def list_requests():
    return _list(REQUEST)


@bp.get("/hulpaanbod")
def list_offers():
    return _list(OFFER)


@bp.get("/hulpvragen/<post_id>")
def show_request(post_id):
    return _show(REQUEST, post_id)


@bp.get("/hulpaanbod/<post_id>")
def show_offer(post_id):
    return _show(OFFER, post_id)


def _list(kind):
    """Bad parameters raise BadParameter or RuleViolation: routes.py turns both into a Dutch 400."""
    args = request.args
    query = post_query(text=params.text(args, "q", params.MAX_QUERY), kinds=(kind,),
                       categories=params.choices(args, "categorie", CATEGORIES),
                       near=params.text(args, "near", params.MAX_PLACE), radius_km=params.radius(args),
                       gemeente=params.text(args, "gemeente", params.MAX_PLACE), page=params.page(args),
                       per_page=PER_PAGE)
    results = services.search_posts(query)
    near = bool(query.near)
    return jsonify({"total": results.total, "page": results.page, "per_page": PER_PAGE,
                    "results": [public.post_json(item.post, item.distance_km, with_distance=near)
                                for item in results.items]})


def _show(kind, post_id):
    post = services.get_open_post(kind, post_id[:36])
    if post is None:
        return jsonify({"error": {"status": 404, "message": _("Dit bericht bestaat niet of staat niet open.")}}), 404
    return jsonify(public.post_json(post))
