"""/voor-elkaar: the board (list and map) and the public page of one open vraag or aanbod."""
from flask import abort, jsonify, render_template, request

from webapp.board import bp, public, services
from webapp.board.forms import BoardSearchForm
from webapp.directory.links import page_numbers, search_url
from webapp.errors import RuleViolation
from webapp.text import mask_contact
from webapp.posts.vocab import CATEGORIES, KIND_LABELS, OFFER, REQUEST

# Service fields (and geo's "near") -> the form field a resident filled in.
FORM_FIELDS = {"near": "plaats", "radius_km": "afstand", "text": "q"}


@bp.app_context_processor
def _template_helpers():
    return {"public_url": public.public_url, "public_text": mask_contact,
            "public_summary": public.summary, "public_posted_by": public.posted_by,
            "public_categories": public.category_labels, "CATEGORIES": CATEGORIES,
            "KIND_LABELS": KIND_LABELS}


@bp.route("/voor-elkaar")
def index():
    form, results = _run_search()
    paging = {"page": 1, "last_page": 1, "page_numbers": []}
    if results is not None:
        paging = {"page": results.page, "last_page": results.last_page,
                  "page_numbers": page_numbers(results.page, results.last_page)}
    return render_template("board/index.html", form=form, results=results,
                           markers_url=search_url("board.markers"), **paging), 400 if results is None else 200


@bp.route("/voor-elkaar/kaart")
def markers():
    """The first results of the search (services.MAX_MARKERS) and the page's, at their public points, for the
    map (the list shows one page of them)."""
    form, results = _run_search()
    if results is None:
        return jsonify({"error": {"status": 400, "messages": [message for _id, message in form.problems()]
                                  + list(form.form_errors)}}), 400
    return jsonify([public.marker(candidate) for candidate in results.markers])


@bp.route("/voor-elkaar/hulpvragen/<post_id>")
def show_request(post_id):
    return _show(REQUEST, post_id)


@bp.route("/voor-elkaar/hulpaanbod/<post_id>")
def show_offer(post_id):
    return _show(OFFER, post_id)


def _show(kind, post_id):
    post = services.get_open_post(kind, post_id[:36])
    if post is None:
        abort(404)
    return render_template("board/show.html", post=post)


def _run_search():
    """The form and its results; results is None when the form or the place is wrong (the form says why)."""
    form = BoardSearchForm(request.args)
    if not form.validate():
        return form, None
    try:
        return form, services.search_posts(form.to_query())
    except RuleViolation as violation:
        form.populate_errors([(FORM_FIELDS.get(name, name), message) for name, message in violation.reasons])
        return form, None
