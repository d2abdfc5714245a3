"""'Hoe ging het?' from a mail's signed link (no login), and the coördinator's follow-up list with private notes."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.accounts.decorators import role_required
from webapp.errors import RuleViolation
from webapp.matching import bp, display, followup, services
from webapp.matching.access import NotAllowed
from webapp.matching.conversation_routes import load_match
from webapp.matching.coordinator_routes import flash_outcome
from webapp.matching.forms import CompleteForm, NoteForm
from webapp.matching.vocab import STATUS_LABELS, VERDICTS


@bp.route("/voor-elkaar/hoe-ging-het/<token>", methods=["GET", "POST"])
def how_did_it_go(token):
    try:
        match, user = followup.read_link(token[:1000])
    except RuleViolation as violation:
        return render_template("matching/how_did_it_go.html", problems=violation.reasons, match=None), 404
    form = CompleteForm()
    status = 200
    if form.validate_on_submit():
        try:
            if not form.verdict.data:
                raise RuleViolation([("verdict", _("Kies hoe het ging."))])
            services.complete(match, user, form.verdict.data, form.comment.data)
        except NotAllowed:
            form.form_errors.append(_("Dit kan nu niet bij deze koppeling."))
            status = 400
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
            status = 400
        else:
            return render_template("matching/how_did_it_go.html", match=match, thanks=True, problems=())
    elif form.errors:
        status = 400
    return render_template("matching/how_did_it_go.html", match=match, form=form, problems=(),
                           summary=display.post_summary(match.request), due=followup.is_due(match)), status


@bp.route("/coordinator/opvolgen")
@role_required("coordinator")
def follow_up_list():
    gemeenten = current_user.gemeenten
    return render_template("matching/follow_up.html", waiting=followup.to_follow_up(gemeenten),
                           bad=followup.bad_outcomes(gemeenten), outcomes=followup.recent_outcomes(gemeenten),
                           verdicts=VERDICTS, labels=STATUS_LABELS, summary=display.post_summary,
                           note_form=NoteForm(formdata=None))


@bp.route("/coordinator/koppelingen/<match_id>/notitie", methods=["POST"])
@role_required("coordinator")
def note(match_id):
    match = load_match(match_id)
    form = NoteForm()
    if not form.validate_on_submit():
        for errors in form.errors.values():
            for message in errors:
                flash(message, "error")
        return redirect(url_for("matching.follow_up_list"))
    flash_outcome(lambda: services.write_note(match, current_user._get_current_object(), form.note.data),
                  _("De notitie is opgeslagen."))
    return redirect(url_for("matching.follow_up_list"))
