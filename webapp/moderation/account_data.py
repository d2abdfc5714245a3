"""Reports and the moderation log when an account goes (privacy.erasure.account_erasing), and in the download."""
from sqlalchemy import or_, select

from webapp.extensions import db
from webapp.moderation.models import AbuseReport, ModerationAction
from webapp.posts.models import Post
from webapp.privacy.erasure import Person, anonymous_id, scrub
from webapp.text import mask_contact


def erase_reports_and_log(user):
    """Inside the deletion's transaction: the reports the user made, and those about their posts, lose every
    phone number, e-mail address and the user's name; the log keeps an anonymous id instead of their name."""
    person = Person.of(user)
    own_posts = select(Post.id).where(Post.author_id == user.id)
    for report in db.session.scalars(select(AbuseReport).where(
            or_(AbuseReport.reporter_id == user.id, AbuseReport.post_id.in_(own_posts)))):
        report.reason, report.outcome = scrub(report.reason, person), scrub(report.outcome, person)
        if report.reporter_id == user.id:
            report.reporter_email = None
    for action in db.session.scalars(select(ModerationAction).where(or_(
            ModerationAction.actor_id == user.id, ModerationAction.user_id == user.id,
            ModerationAction.post_id.in_(own_posts)))):
        action.reason = scrub(action.reason, person)
        if action.actor_id == user.id:
            action.actor_name = anonymous_id(user)


def export_reports(user):
    """For "download mijn gegevens": the reports the user made."""
    made = db.session.scalars(select(AbuseReport).where(AbuseReport.reporter_id == user.id)
                              .order_by(AbuseReport.created_at))
    return {"meldingen": [{"bericht": mask_contact(report.post.title), "reden": report.reason, "status": report.status,
                           "gemeld": report.created_at.isoformat()} for report in made]}
