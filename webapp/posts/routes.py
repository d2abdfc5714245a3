"""Writing and editing a post: the hulpvraag and hulpaanbod forms."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required

from webapp import ratelimit
from webapp.accounts.acting import effective_user
from webapp.database import StaleVersion
from webapp.directory.crisis import browser_phrases, mentions_crisis
from webapp.errors import RuleViolation
from webapp.forms import differences
from webapp.posts import bp, lifecycle, services, vocab
from webapp.posts.access import own_post
from webapp.posts.forms import FORMS, GRID, OfferForm, RequestForm
from webapp.posts.vocab import CONCEPT, OFFER, REQUEST
from webapp.ratelimit.responses import kept_form

TEMPLATES = {REQUEST: "posts/request_form.html", OFFER: "posts/offer_form.html"}


@bp.context_processor
def _vocabularies():
    return {"vocab": vocab, "lifecycle": lifecycle}


@bp.context_processor
def _safety_net():
    """A form sent back (refused, or a 409) with words of danger in it shows where to get help now: voor elkaar is
    not for emergencies. Only what the writer typed on this request counts."""
    form = request.form
    return {"crisis": request.method == "POST" and mentions_crisis(form.get("title"), form.get("description")),
            "crisis_phrases": browser_phrases()}


@bp.route("/hulpvraag/nieuw", methods=["GET", "POST"])
@login_required
def new_request():
    return _new(RequestForm(), REQUEST)


@bp.route("/hulpaanbod/nieuw", methods=["GET", "POST"])
@login_required
def new_offer():
    return _new(OfferForm(), OFFER)


def _new(form, kind):
    if form.validate_on_submit():
        author = effective_user()
        try:
            with ratelimit.reserve(("RATELIMIT_POSTS", author.id)):
                post = services.create_post(author, form.to_data(), send=form.send.data,
                                            submission=form.submission.data)
        except ratelimit.LimitReached as limit:
            status, headers = kept_form(form, limit, _("U heeft vandaag al veel berichten gemaakt."))
            return render_template(TEMPLATES[kind], form=form, post=None, grid=GRID), status, headers
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        else:
            flash(_sent_or_saved(post), "success")
            return redirect(url_for("posts.show_own", post_id=post.id))
    return render_template(TEMPLATES[kind], form=form, post=None, grid=GRID)


@bp.route("/mijn/<post_id>/bewerken", methods=["GET", "POST"])
@login_required
def edit(post_id):
    post = own_post(post_id)
    if post.status not in lifecycle.EDITABLE:
        flash(_("Dit bericht kunt u niet meer bewerken."), "info")
        return redirect(url_for("posts.show_own", post_id=post.id))
    form_class = FORMS[post.kind]
    form = form_class.for_post(post) if request.method == "GET" else form_class()
    if form.validate_on_submit():
        try:
            outcome = services.edit_post(post, form.to_data(), send=form.send.data,
                                         seen_version=form.seen_version())
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        except StaleVersion:
            conflict = differences(FORMS[post.kind].for_post(post, formdata=None), form)
            return render_template(TEMPLATES[post.kind], form=form.show_version(post), post=post, grid=GRID,
                                   conflict=conflict), 409
        else:
            flash(_edit_message(post, outcome), "success")
            return redirect(url_for("posts.show_own", post_id=post.id))
    return render_template(TEMPLATES[post.kind], form=form, post=post, grid=GRID)


def _sent_or_saved(post):
    if post.status == CONCEPT:
        return _("Uw bericht is opgeslagen als concept. Niemand anders ziet het.")
    return _("Uw bericht is verstuurd. Een coördinator bekijkt het; daarna staat het op de website.")


def _edit_message(post, outcome):
    if outcome == services.HELD:
        return _("Uw wijziging wacht op controle. Tot die tijd blijft de oude versie zichtbaar.")
    if outcome == services.UNCHANGED:
        return _("Er wacht geen wijziging meer: het bericht is gelijk aan de zichtbare versie.")
    return _sent_or_saved(post)
