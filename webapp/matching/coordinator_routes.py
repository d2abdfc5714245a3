"""Coördinatoren: the koppelingen of their gemeenten, confirming and cancelling them, proposing new ones."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm

from webapp.accounts.decorators import role_required
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.matching import bp, display, queries, services
from webapp.matching.access import NotAllowed
from webapp.matching.conversation_routes import conversation_page, load_match
from webapp.matching.forms import CancelForm, ProposeForm
from webapp.matching.vocab import STATUS_LABELS
from webapp.posts.models import Post
from webapp.posts.vocab import OFFER, REQUEST


@bp.route("/coordinator/koppelingen")
@role_required("coordinator")
def coordinator_matches():
    matches = queries.for_coordinator(current_user)
    return render_template("matching/coordinator_matches.html", matches=matches, labels=STATUS_LABELS,
                           summary=display.post_summary, first_name=display.first_name, action_form=FlaskForm())


@bp.route("/coordinator/koppelingen/<match_id>/bevestigen", methods=["POST"])
@role_required("coordinator")
def confirm(match_id):
    return _decide(match_id, services.confirm, _("De koppeling is bevestigd. Beide kanten krijgen elkaars "
                                                 "gegevens per mail."))


@bp.route("/coordinator/koppelingen/<match_id>/annuleren", methods=["POST"])
@role_required("coordinator")
def cancel(match_id):
    form = CancelForm()
    return _decide(match_id, lambda match, user: services.cancel(match, user, form.reason.data),
                   _("De koppeling is gestopt."))


@bp.route("/coordinator/koppelingen/voorstellen", methods=["POST"])
@role_required("coordinator")
def propose():
    form = ProposeForm()
    vraag = _post(form.request_id.data, REQUEST) if form.validate_on_submit() else None
    if vraag is None:
        flash(_("Kies een hulpvraag om een koppeling voor te stellen."), "error")
        return redirect(url_for("matching.coordinator_matches"))
    # The helper is always the author of an aanbod: someone who offered help. A helper picked by account id
    # would get their contact details handed out on confirmation without ever having offered anything.
    offer = _post(form.offer_id.data, OFFER)
    if offer is None:
        flash(_("Kies een hulpaanbod om voor te stellen."), "error")
        return redirect(_back_to(vraag))
    done, match = flash_outcome(lambda: services.propose(vraag, current_user._get_current_object(), offer=offer),
                                _("Uw voorstel is verstuurd. De helper krijgt een mail; de vrager hoort het als de "
                                  "helper ja zegt."))
    return redirect(url_for("matching.conversation", match_id=match.id) if done else _back_to(vraag))


def flash_outcome(action, message):
    """(True, action's result) with `message` flashed; (False, None) with the Dutch reasons of a RuleViolation
    flashed; a 403 when the coördinator may not."""
    try:
        result = action()
    except NotAllowed:
        abort(403)
    except RuleViolation as violation:
        for _field, reason in violation.reasons:
            flash(reason, "error")
        return False, None
    flash(message, "success")
    return True, result


def _decide(match_id, action, message):
    match = load_match(match_id)
    user = current_user._get_current_object()
    try:
        action(match, user)
    except NotAllowed:
        abort(403)
    except RuleViolation as violation:
        return conversation_page(match, user, problems=violation.reasons, status=400)
    flash(message, "success")
    if request.form.get("terug") == "gesprek":
        return redirect(url_for("matching.conversation", match_id=match.id))
    return redirect(url_for("matching.coordinator_matches"))


def _post(post_id, kind):
    post = db.session.get(Post, post_id) if post_id else None
    return post if post is not None and post.kind == kind else None


def _back_to(vraag):
    """The suggestions page of the vraag."""
    return url_for("suggestions.for_request", post_id=vraag.id)
