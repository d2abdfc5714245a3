"""The conversation page of a match: messages (masked), status, the viewer's actions, contacts once confirmed."""
from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from flask_wtf import FlaskForm

from webapp import ratelimit
from webapp.accounts import acting
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.matching import access, bp, contacts, display, services
from webapp.matching.forms import CancelForm, CompleteForm, MessageForm
from webapp.ratelimit.responses import kept_form
from webapp.matching.models import Match
from webapp.matching.vocab import STATUS_LABELS, VERDICTS


@bp.route("/voor-elkaar/mijn/gesprekken/<match_id>", methods=["GET", "POST"])
@login_required
def conversation(match_id):
    match = load_match(match_id)
    user = viewer_for(match)
    if not access.may(match, "view", user):
        abort(403)
    form = MessageForm()
    if form.validate_on_submit():
        try:
            with ratelimit.reserve(("RATELIMIT_MESSAGES", user.id)):
                services.post_message(match, user, form.message.data, submission=form.submission.data)
        except ratelimit.LimitReached as limit:
            status, headers = kept_form(form, limit, _("U heeft in korte tijd veel berichten gestuurd."))
            page, _status = conversation_page(match, user, message_form=form, status=status)
            return page, status, headers
        except access.NotAllowed:
            abort(403)
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        else:
            flash(_("Uw bericht is verstuurd."), "success")
            return redirect(url_for("matching.conversation", match_id=match.id))
    return conversation_page(match, user, message_form=form, status=400 if form.errors else 200)


def load_match(match_id):
    match = db.session.get(Match, match_id[:36])
    if match is None:
        abort(404)
    return match


def viewer_for(match):
    """Who acts on this match: the resident a coördinator acts for when that resident is a side of it,
    else the logged-in user (a side, or a coördinator of the gemeente)."""
    resident = acting.effective_user()
    return resident if access.is_side(match, resident) else current_user._get_current_object()


def conversation_page(match, user, *, message_form=None, complete_form=None, problems=(), status=200):
    """The page as this viewer may see it; 403 for anyone who is neither a side nor a coördinator of it."""
    if not access.may(match, "view", user):
        abort(403)
    actions = access.allowed_actions(match, user)
    return render_template(
        "matching/conversation.html", match=match, viewer=user, actions=actions, problems=problems,
        summary=display.post_summary(match.request), people=display.other_side(match, user),
        status_label=STATUS_LABELS.get(match.status, match.status),
        # As typed for the two sides once the match is confirmed; numbers and addresses hidden for anyone else.
        messages=[(display.author_label(match, message, user), message.created_at,
                   contacts.visible_text(message.body, user, match))
                  for message in match.messages],
        contacts=contacts.for_match(match) if "contacts" in actions else None,
        message_form=message_form or MessageForm(formdata=None), complete_form=complete_form or CompleteForm(
            formdata=None), cancel_form=CancelForm(formdata=None), action_form=FlaskForm(), verdicts=VERDICTS,
    ), status
