"""'Meld misbruik' for everyone, and the coördinator's list of open reports with the decision per report."""
from flask import abort, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp import ratelimit
from webapp.accounts.acting import effective_user
from webapp.accounts.decorators import require_gemeente, role_required
from webapp.email_address import normalise_email
from webapp.moderation import bp, queries, reports
from webapp.moderation.forms import HandleReportForm, ReportForm
from webapp.moderation.models import AbuseReport
from webapp.moderation.routes import block_form_for, load_or_404, submitted
from webapp.posts.models import Post
from webapp.text import mask_contact
from webapp.posts.vocab import KIND_LABELS, OPEN, REQUEST

PUBLIC_PAGES = {REQUEST: "board.show_request"}


@bp.route("/voor-elkaar/berichten/<post_id>/melden", methods=["GET", "POST"])
def report(post_id):
    post = _public_post(post_id)
    form = ReportForm()
    reporter = effective_user() if current_user.is_authenticated else None
    if reporter is not None:
        del form.email  # the outcome goes to the account
    done = submitted(form, lambda: _report(post, reporter, form.email.data if reporter is None else None,
                                           form.reason.data),
                     url_for("moderation.report_thanks", post_id=post.id))
    if done:
        return done
    return render_template("moderation/report.html", form=form, title=mask_contact(post.title), post=post,
                           kind=KIND_LABELS[post.kind], back_url=_public_url(post)), 400 if form.is_submitted() else 200


def _report(post, reporter, email, reason):
    """Counted per address, per reporter (account or e-mail address) and per post per address; a refused
    report does not count."""
    address = ratelimit.remote_address()
    checks = [("RATELIMIT_REPORTS", address), ("RATELIMIT_REPORTS_PER_POST", f"{post.id}:{address}")]
    reporter_key = reporter.id if reporter is not None else normalise_email(email)
    if reporter_key:
        checks.append(("RATELIMIT_REPORTS", f"reporter:{reporter_key}"))
    with ratelimit.reserve(*checks):
        return reports.report(post, reporter, email, reason)


@bp.route("/voor-elkaar/berichten/<post_id>/gemeld")
def report_thanks(post_id):
    post = load_or_404(Post, post_id)
    return render_template("moderation/report_thanks.html", back_url=_public_url(post) if post.status == OPEN else None,
                           known=current_user.is_authenticated)


@bp.route("/coordinator/meldingen", endpoint="reports")  # the function is named apart from the module
@role_required("coordinator")
def reports_page():
    return _reports_page()


@bp.route("/coordinator/meldingen/<report_id>", methods=["POST"])
@role_required("coordinator")
def handle_report(report_id):
    abuse_report = load_or_404(AbuseReport, report_id)
    require_gemeente(abuse_report.gemeente)
    form = HandleReportForm(prefix=_prefix(abuse_report))
    done = submitted(form, lambda: reports.handle_report(abuse_report, current_user._get_current_object(),
                                                         form.outcome.data == "gegrond", form.note.data),
                     url_for("moderation.reports"),
                     lambda decided: _("Afgehandeld: %(count)d melding(en). Wie meldde, krijgt de uitkomst per "
                                       "e-mail.", count=len(decided)))
    return done or _reports_page(failed=(abuse_report.id, form), status=400)


def _reports_page(failed=None, status=200):
    open_reports = queries.open_reports(current_user.gemeenten)
    forms = {item.id: HandleReportForm(formdata=None, prefix=_prefix(item)) for item in open_reports}
    if failed:
        forms[failed[0]] = failed[1]
    block_forms = {item.id: block_form_for(item.post.author, "meldingen") for item in open_reports}
    return render_template("moderation/reports.html", reports=open_reports, forms=forms, block_forms=block_forms,
                           failed=failed), status


def _prefix(abuse_report):
    return f"melding-{abuse_report.id[:8]}-"


def _public_post(post_id):
    """Only public posts can be reported; anything else is 'not found' for the public."""
    post = load_or_404(Post, post_id)
    if post.status != OPEN:
        abort(404)
    return post


def _public_url(post):
    """The public page of the post (the board's)."""
    return url_for(PUBLIC_PAGES.get(post.kind, "board.show_offer"), post_id=post.id)
