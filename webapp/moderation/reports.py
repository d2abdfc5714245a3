"""'Meld misbruik': anyone may report a public post; a coördinator of its gemeente decides, the reporter
hears the outcome. Nobody but the reporter learns who reported."""
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select

from webapp.accounts.services import check_email
from webapp.database import begin_write
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.moderation.actions import clean_reason, record, require_moderator
from webapp.moderation.mails import mail_author, mail_reporter
from webapp.moderation.models import REPORT_DISMISSED, REPORT_OPEN, REPORT_UPHELD, AbuseReport
from webapp.posts import lifecycle
from webapp.posts.vocab import OPEN

PER_REPORTER_PER_HOUR = 5  # one account or e-mail address
ANONYMOUS_PER_GEMEENTE_PER_HOUR = 30  # reports without an account, together
OPEN_PER_POST = 20  # after this many waiting reports, more say nothing new


def report(post, reporter, email, reason):
    """Store a report about a public post. `reporter` is the account (or None); `email` the address an
    anonymous reporter may leave to hear the outcome."""
    reason = clean_reason(reason)
    email = None if reporter is not None else _clean_email(email)
    begin_write(db.session)
    if post.status != OPEN:
        _refuse("post", _("Dit bericht staat niet (meer) op Buurtkaart."))
    if reporter is not None and post.author_id == reporter.id:
        _refuse("reason", _("U kunt uw eigen bericht niet melden. Wilt u het weghalen? Trek het dan in."))
    _check_limits(post, reporter, email)
    abuse_report = AbuseReport(post_id=post.id, gemeente=post.gemeente, reporter_id=reporter.id if reporter else None,
                               reporter_email=email, reason=reason)
    db.session.add(abuse_report)
    db.session.commit()
    return abuse_report


def handle_report(abuse_report, actor, upheld, note):
    """Decide a report. Gegrond: the post goes offline, and every waiting report about it gets the same
    outcome. Ongegrond: nothing changes. Reporters hear the outcome; the author hears when the post goes."""
    note = clean_reason(note, field="note")
    begin_write(db.session)
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
    db.session.commit()
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
    """Refuse floods: the same post twice by one reporter, more than a few reports an hour by one account or
    address, many reports without an account in one gemeente, and endless reports about one post."""
    hour_ago = utcnow() - timedelta(hours=1)
    recent = select(func.count()).select_from(AbuseReport).where(AbuseReport.created_at >= hour_ago)
    if reporter is not None or email:
        mine = AbuseReport.reporter_id == reporter.id if reporter is not None else AbuseReport.reporter_email == email
        if db.session.scalar(select(func.count()).select_from(AbuseReport).where(
                mine, AbuseReport.post_id == post.id, AbuseReport.status == REPORT_OPEN)):
            _refuse("reason", _("U heeft dit bericht al gemeld. Een coördinator bekijkt uw melding."))
        if db.session.scalar(recent.where(mine)) >= PER_REPORTER_PER_HOUR:
            _try_later()
    if reporter is None and db.session.scalar(recent.where(
            AbuseReport.gemeente == post.gemeente,
            AbuseReport.reporter_id.is_(None))) >= ANONYMOUS_PER_GEMEENTE_PER_HOUR:
        _try_later()
    if len(_open_reports(post)) >= OPEN_PER_POST:
        _refuse("reason", _("Dit bericht is al vaak gemeld. Een coördinator bekijkt het zo snel mogelijk."))


def _try_later():
    _refuse("reason", _("Er zijn net veel meldingen gedaan. Probeer het over een uur opnieuw."))


def _refuse(field, message):
    db.session.rollback()
    raise RuleViolation([(field, message)])
