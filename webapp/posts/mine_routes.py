"""The author's own post and what they may do with it (submit, withdraw, renew); the overview is board.mine."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from flask_wtf import FlaskForm

from webapp.accounts.acting import effective_user
from webapp.directory.crisis import mentions_crisis
from webapp.directory.related import related_services
from webapp.errors import RuleViolation
from webapp.posts import bp, services
from webapp.posts.access import own_post
from webapp.posts.vocab import REQUEST


@bp.route("/mijn/<post_id>")
@login_required
def show_own(post_id):
    post = own_post(post_id)
    return render_template("posts/show_own.html", post=post, user=effective_user(), action_form=FlaskForm(),
                           confirm_withdraw=request.args.get("intrekken") == "1",
                           related_services=related_services(post) if post.kind == REQUEST else [],
                           crisis=_mentions_crisis(post))


def _mentions_crisis(post):
    """Words of danger in the post or its held edit: its page says where to get help now."""
    pending = post.pending_changes or {}
    return mentions_crisis(post.title, post.description, pending.get("title"), pending.get("description"))


@bp.route("/mijn/<post_id>/indienen", methods=["POST"])
@login_required
def submit(post_id):
    return _act(post_id, services.submit_post, _("Uw bericht is verstuurd. Een coördinator bekijkt het."))


@bp.route("/mijn/<post_id>/intrekken", methods=["POST"])
@login_required
def withdraw(post_id):
    return _act(post_id, services.withdraw_post, _("Uw bericht is ingetrokken. Niemand ziet het nog."))


@bp.route("/mijn/<post_id>/verlengen", methods=["POST"])
@login_required
def renew(post_id):
    return _act(post_id, services.renew_post, _("Uw bericht is verlengd en blijft zichtbaar."))


def _act(post_id, action, message):
    post = own_post(post_id)
    if not FlaskForm().validate_on_submit():
        abort(400)
    try:
        action(post)
    except RuleViolation as violation:
        for _field, reason in violation.reasons:
            flash(reason, "error")
    else:
        flash(message, "success")
    return redirect(url_for("board.mine"))
