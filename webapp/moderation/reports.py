"""'Meld misbruik': anyone may report a public post; a coördinator of its gemeente decides, the reporter
hears the outcome. Nobody but the reporter learns who reported."""
from flask_babel import gettext as _
from sqlalchemy import func, select

from webapp.database import write_block
from webapp.email_address import check_email
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.moderation.actions import clean_reason, record, require_moderator
from webapp.moderation.mails import mail_author, mail_reporter
from webapp.moderation.models import REPORT_DISMISSED, REPORT_OPEN, REPORT_UPHELD, AbuseReport
from webapp.posts import lifecycle
from webapp.posts.vocab import OPEN

OPEN_PER_POST = 20  # after this many waiting reports, more say nothing new


def report(post, reporter, email, reason):
    """Store a report about a public post. `reporter` is the account (or None); `email` the address an
    anonymous reporter may leave to hear the outcome."""
    reason = clean_reason(reason)
    email = None if reporter is not None else _clean_email(email)
    with write_block():
        if post.status != OPEN:
            _refuse("post", _("Dit bericht staat niet (meer) op Buurtkaart."))
        if reporter is not None and post.author_id == reporter.id:
            _refuse("reason", _("U kunt uw eigen bericht niet melden. Wilt u het weghalen? Trek het dan in."))
        _check_limits(post, reporter, email)
        abuse_report = AbuseReport(post_id=post.id, gemeente=post.gemeente, reporter_id=reporter.id if reporter else None,
                                   reporter_email=email, reason=reason)
        db.session.add(abuse_report)
    return abuse_report


def handle_report(abuse_report, actor, upheld, note):
    """Decide a report. Gegrond: the post goes offline, and every waiting report about it gets the same
    outcome. Ongegrond: nothing changes. Reporters hear the outcome; the author hears when the post goes."""
    note = clean_reason(note, field="note")
    with write_block():
        require_moderator(actor, abuse_report.gemeente)
        if abuse_report.status != REPORT_OPEN:
            _refuse("status", _("Deze melding is al afgehandeld."))
        post = abuse_report.post
        decided = [abuse_report]
        if upheld:
            decided += [other for other in _open_reports(post) if other.id != abuse_report.id]
            if lifecycle.allowed(post, "withdraw"):
                lifecycle.move(post, "withdraw")
                post.moderation_note = note
                mail_author(post, "offline", note)
        now = utcnow()
        for each in decided:
            each.status = REPORT_UPHELD if upheld else REPORT_DISMISSED
            each.handled_by_id, each.handled_at, each.outcome = actor.id, now, note
            mail_reporter(each, upheld)
        record(actor, "report_upheld" if upheld else "report_dismissed", abuse_report.gemeente, post=post,
               report=abuse_report, reason=note)
    return decided


def _open_reports(post):
    return db.session.scalars(select(AbuseReport).where(AbuseReport.post_id == post.id,
                                                        AbuseReport.status == REPORT_OPEN)).all()


def _clean_email(email):
    email = (email or "").strip()
    if not email:
        return None
    return check_email(email)


def _check_limits(post, reporter, email):
    """Refuse the same post twice by one reporter, and endless reports about one post. How many reports one
    address or reporter may make is counted by the limiter (report_routes.py, RATELIMIT_REPORTS*)."""
    if reporter is not None or email:
        mine = AbuseReport.reporter_id == reporter.id if reporter is not None else AbuseReport.reporter_email == email
        if db.session.scalar(select(func.count()).select_from(AbuseReport).where(
                mine, AbuseReport.post_id == post.id, AbuseReport.status == REPORT_OPEN)):
            _refuse("reason", _("U heeft dit bericht al gemeld. Een coördinator bekijkt uw melding."))
    if len(_open_reports(post)) >= OPEN_PER_POST:
        _refuse("reason", _("Dit bericht is al vaak gemeld. Een coördinator bekijkt het zo snel mogelijk."))


def _refuse(field, message):
    raise RuleViolation([(field, message)])
