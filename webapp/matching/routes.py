"""Residents' pages: reacting to a vraag or an aanbod, the conversation, and the sides' decisions."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import login_required
from sqlalchemy import select

from webapp import ratelimit
from webapp.accounts import acting
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.matching import bp, display, services
from webapp.matching.access import NotAllowed
from webapp.matching.forms import CompleteForm, ReactForm, ReactToOfferForm
from webapp.matching.models import Match
from webapp.matching.conversation_routes import conversation_page, load_match, viewer_for
from webapp.posts.models import HelpRequest, Post
from webapp.posts.vocab import OFFER, OPEN, REQUEST
from webapp.ratelimit.responses import kept_form

TOO_MANY_MESSAGES = _l("U heeft in korte tijd veel berichten gestuurd.")



@bp.route("/voor-elkaar/hulpvragen/<post_id>/reageren", methods=["GET", "POST"])
@login_required
def react_to_request(post_id):
    vraag, user = _public_post(post_id, REQUEST), acting.effective_user()
    form = ReactForm()
    if form.validate_on_submit():
        try:
            with ratelimit.reserve(("RATELIMIT_MESSAGES", user.id)):
                match = services.react_to_request(vraag, user, form.message.data)
        except ratelimit.LimitReached as limit:
            status, headers = kept_form(form, limit, str(TOO_MANY_MESSAGES))
            return _react_page(vraag, user, form), status, headers
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        else:
            return _reacted(match)
    return _react_page(vraag, user, form)


@bp.route("/voor-elkaar/hulpaanbod/<post_id>/reageren", methods=["GET", "POST"])
@login_required
def react_to_offer(post_id):
    offer, user = _public_post(post_id, OFFER), acting.effective_user()
    own_requests = db.session.scalars(select(HelpRequest).where(
        HelpRequest.author_id == user.id, HelpRequest.status == OPEN).order_by(HelpRequest.created_at.desc())).all()
    form = ReactToOfferForm()
    form.request_id.choices = [(vraag.id, display.post_summary(vraag).title) for vraag in own_requests]
    if form.validate_on_submit():
        try:
            vraag = db.session.get(HelpRequest, form.request_id.data)
            with ratelimit.reserve(("RATELIMIT_MESSAGES", user.id)):
                match = services.react_to_offer(offer, user, vraag, form.message.data)
        except ratelimit.LimitReached as limit:
            status, headers = kept_form(form, limit, str(TOO_MANY_MESSAGES))
            return _react_page(offer, user, form, own_requests=own_requests,
                               new_request_url=url_for("posts.new_request")), status, headers
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        else:
            return _reacted(match)
    return _react_page(offer, user, form, own_requests=own_requests, new_request_url=url_for("posts.new_request"))


@bp.route("/voor-elkaar/mijn/gesprekken/<match_id>/meedoen", methods=["POST"])
@login_required
def agree(match_id):
    return _decide(match_id, services.agree, _("U heeft gezegd dat u wilt helpen. De vrager hoort het nu."))


@bp.route("/voor-elkaar/mijn/gesprekken/<match_id>/accepteren", methods=["POST"])
@login_required
def accept(match_id):
    return _decide(match_id, services.accept, _("U neemt de hulp van deze helper aan. Een coördinator bevestigt de "
                                                "koppeling; daarna krijgt u elkaars gegevens."))


@bp.route("/voor-elkaar/mijn/gesprekken/<match_id>/intrekken", methods=["POST"])
@login_required
def withdraw(match_id):
    return _decide(match_id, services.withdraw, _("U heeft zich teruggetrokken. Het gesprek is gesloten."))


@bp.route("/voor-elkaar/mijn/gesprekken/<match_id>/afronden", methods=["POST"])
@login_required
def complete(match_id):
    form = CompleteForm()
    if not form.validate_on_submit():
        match = load_match(match_id)
        return conversation_page(match, viewer_for(match), complete_form=form, status=400)

    def complete_with_answer(match, user):
        services.complete(match, user, form.verdict.data, form.comment.data)
    return _decide(match_id, complete_with_answer, _("Dank u wel. De koppeling is afgerond."), form=form)


def _decide(match_id, action, message, form=None):
    match = load_match(match_id)
    user = viewer_for(match)
    try:
        action(match, user)
    except NotAllowed:
        abort(403)
    except RuleViolation as violation:
        if form is not None:
            form.populate_errors(violation.reasons)
        return conversation_page(match, user, problems=violation.reasons, complete_form=form, status=400)
    flash(message, "success")
    return redirect(url_for("matching.conversation", match_id=match.id))


def _public_post(post_id, kind):
    """Only a post the public sees (open) can be reacted to; anything else is 'not found'."""
    post = db.session.get(Post, post_id[:36])
    if post is None or post.kind != kind or not post.is_searchable():  # open, and not for the coördinator only
        abort(404)
    return post


def _react_page(post, user, form, **extra):
    existing = None
    if post.kind == REQUEST:
        existing = db.session.scalar(select(Match).where(Match.request_id == post.id, Match.helper_id == user.id))
    return render_template("matching/react.html", post=post, summary=display.post_summary(post), form=form,
                           own=post.author_id == user.id, existing=existing, **extra)


def _reacted(match):
    flash(_("Uw bericht is verstuurd. U hoort het als er een antwoord is."), "success")
    return redirect(url_for("matching.conversation", match_id=match.id))
