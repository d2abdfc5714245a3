"""Coördinator pages: the queue of posts to check, one post to approve or reject, blocking, the log."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext as _l
from flask_login import current_user

from webapp.accounts.decorators import require_gemeente, role_required
from webapp.accounts.models import User
from webapp.database import StaleVersion
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.forms import page_number
from webapp.moderation import bp, blocking, details, queries, review
from webapp.moderation.actions import action_label
from webapp.moderation.forms import ApproveForm, BlockForm, RejectForm
from webapp.posts.models import Post
from webapp.posts.vocab import CONCEPT, KIND_LABELS, STATUS_LABELS

BACK = {"controle": "moderation.queue", "meldingen": "moderation.reports"}
CHANGED_WHILE_READING = _l("Het bericht is gewijzigd terwijl u het las. Er is niets goedgekeurd of afgewezen. "
                           "Hieronder staat de nieuwe tekst: lees die en beslis opnieuw.")


@bp.route("/coordinator/controle")
@role_required("coordinator")
def queue():
    posts = queries.review_queue(current_user.gemeenten)
    return render_template("moderation/queue.html", posts=posts, waiting_since=queries.waiting_since,
                           review_kind=review.review_kind, KIND_LABELS=KIND_LABELS)


@bp.route("/coordinator/controle/<post_id>", endpoint="review")  # the function is named apart from the module
@role_required("coordinator")
def review_post(post_id):
    return _review_page(_my_post(post_id))


@bp.route("/coordinator/controle/<post_id>/goedkeuren", methods=["POST"])
@role_required("coordinator")
def approve(post_id):
    post = _my_post(post_id)
    form = ApproveForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        kind = review.approve(post, current_user._get_current_object(), seen_version=form.seen_version())
    except RuleViolation as violation:
        return _review_page(post, errors=[message for _field, message in violation.reasons], status=400)
    except StaleVersion:
        return _review_page(post, errors=[CHANGED_WHILE_READING], status=409)
    flash(_("Goedgekeurd: het bericht staat op de site.") if kind == review.NEW
          else _("Goedgekeurd: de wijziging staat op de site."), "success")
    return redirect(url_for("moderation.queue"))


@bp.route("/coordinator/controle/<post_id>/afwijzen", methods=["POST"])
@role_required("coordinator")
def reject(post_id):
    post = _my_post(post_id)
    form = RejectForm()
    try:
        done = submitted(form, lambda: review.reject(post, current_user._get_current_object(), form.reason.data,
                                                     seen_version=form.seen_version()),
                         url_for("moderation.queue"), _("Afgewezen. De plaatser krijgt de reden per e-mail."))
    except StaleVersion:
        return _review_page(post, reject_form=form.show_version(post), errors=[CHANGED_WHILE_READING], status=409)
    return done or _review_page(post, reject_form=form, status=400)


@bp.route("/coordinator/gebruikers/<user_id>/blokkeren", methods=["POST"])
@role_required("coordinator")
def block_user(user_id):
    user = load_or_404(User, user_id)
    if not blocking.may_block(current_user, user):
        abort(403)
    form = _block_form(user)
    everywhere = form.everywhere.data if "everywhere" in form else False
    action = blocking.block_everywhere if everywhere else blocking.block
    done = submitted(form, lambda: action(user, current_user._get_current_object(), form.reason.data),
                     url_for(BACK.get(form.back.data, "moderation.queue")),
                     _("%(name)s is overal geblokkeerd en kan niet meer inloggen.", name=user.display_name)
                     if everywhere else _("%(name)s is geblokkeerd in uw gemeente: berichten daar zijn offline.",
                                          name=user.display_name))
    return done or (render_template("moderation/block.html", form=form, user=user), 400)


@bp.route("/coordinator/logboek")
@role_required("coordinator")
def log():
    page = page_number(request.args.get("pagina")) or 1
    actions, page, pages = queries.log_page(current_user.gemeenten, page)
    return render_template("moderation/log.html", actions=actions, page=page, pages=pages, action_label=action_label)


def _my_post(post_id):
    """A post of the coördinator's gemeenten that its author has sent in; a concept is the author's alone (404)."""
    post = load_or_404(Post, post_id)
    if post.status == CONCEPT:
        abort(404)
    require_gemeente(post.gemeente)
    return post


def load_or_404(model, raw_id):
    """The row with this id (ids are 36 characters; anything longer cannot be one), else 404."""
    row = db.session.get(model, raw_id[:36])
    if row is None:
        abort(404)
    return row


def submitted(form, action, next_url, message=None):
    """For a valid form run `action()`; on success flash `message` (text, or a function of what `action`
    returned) and redirect to `next_url`.

    None when the form or the service's RuleViolation left errors on the form: the caller shows it again.
    """
    if not form.validate_on_submit():
        return None
    try:
        result = action()
    except RuleViolation as violation:
        form.populate_errors(violation.reasons)
        return None
    if message:
        flash(message(result) if callable(message) else message, "success")
    return redirect(next_url)


def block_form_for(user, back):
    """A 'Blokkeer' form for this user, or None when the coördinator may not (or need not) block them."""
    if user is None or not user.active or not blocking.may_block(current_user, user):
        return None
    return _block_form(user, formdata=None, back=back)


def _block_form(user, **arguments):
    """The BlockForm for this user; 'overal blokkeren' only for a beheerder of every gemeente of theirs."""
    form = BlockForm(prefix=_block_prefix(user), **arguments)
    if not blocking.may_block_everywhere(current_user, user):
        del form.everywhere
    return form


def _block_prefix(user):
    """Several forms share a page (reject, block, reports): a prefix keeps their field ids apart."""
    return f"blok-{user.id[:8]}-"


def _review_page(post, reject_form=None, errors=(), status=200):
    return render_template(
        "moderation/review.html", post=post, kind=review.review_kind(post), fields=details.post_fields(post),
        changes=details.changed_fields(post), reject_form=reject_form or RejectForm(formdata=None).show_version(post),
        approve_form=ApproveForm(formdata=None).show_version(post), block_form=block_form_for(post.author, "controle"), errors=errors,
        KIND_LABELS=KIND_LABELS, STATUS_LABELS=STATUS_LABELS), status
