"""Coördinator pages: suggestions for a vraag or an aanbod, and referring the asker to a voorziening."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.accounts.decorators import require_gemeente, role_required
from webapp.directory.related import related_services
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.posts import vocab
from webapp.posts.models import HelpOffer, HelpRequest, Post
from webapp.text import mask_contact
from webapp.suggestions import bp, links, ranking, referrals
from webapp.suggestions.forms import ReferralForm


@bp.app_context_processor
def _suggestion_links():
    return {"suggestion_post_url": links.post_url}


@bp.route("/coordinator/hulpvragen/<post_id>/suggesties")
@role_required("coordinator")
def for_request(post_id):
    return _request_page(coordinated_post(HelpRequest, post_id), ReferralForm())


@bp.route("/coordinator/hulpaanbod/<post_id>/suggesties")
@role_required("coordinator")
def for_offer(post_id):
    aanbod = coordinated_post(HelpOffer, post_id)
    return _render("suggestions/for_offer.html", aanbod, suggestions=ranking.suggest_requests_for(aanbod))


@bp.route("/coordinator/hulpvragen/<post_id>/doorverwijzen", methods=["POST"])
@role_required("coordinator")
def refer(post_id):
    vraag = coordinated_post(HelpRequest, post_id)
    form = ReferralForm()
    if form.validate_on_submit():
        try:
            referral = referrals.refer(current_user._get_current_object(), vraag, form.service_id.data, form.note.data)
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        else:
            flash(_("De hulpvrager is gewezen op %(name)s.", name=referral.service.name), "success")
            return redirect(url_for("suggestions.for_request", post_id=vraag.id))
    return _request_page(vraag, form), 400


def coordinated_post(cls, post_id):
    """The post (404 if unknown or still a concept), for coördinatoren of its gemeente only (else 403)."""
    post = db.session.get(Post, post_id[:36])
    if not isinstance(post, cls) or post.status == vocab.CONCEPT:
        abort(404)
    require_gemeente(post.gemeente)
    return post


def _request_page(vraag, form):
    services = related_services(vraag)
    return _render("suggestions/for_request.html", vraag, suggestions=ranking.suggest_offers_for(vraag),
                   services=services, related_services=services, referral_form=form.offer(services))


def _render(template, post, **context):
    return render_template(template, post=post, vocab=vocab, mask_contact=mask_contact,
                           propose_url=url_for("matching.propose"), **context)
