"""Mails of moderation: the decision to the author, the outcome to whoever reported a post.

Each goes to one person and holds only what that person may know: the author reads the reason for a
decision about their own post; a reporter reads the outcome, never the author's details or a coördinator's note.
"""
from flask_babel import lazy_gettext as _l

from webapp.mail import queue_mail
from webapp.text import mask_contact
from webapp.site import absolute_url

SUBJECTS = {
    "approved": _l("Uw bericht staat op Buurtkaart"),
    "rejected": _l("Uw bericht is niet geplaatst"),
    "edit_approved": _l("Uw wijziging staat op Buurtkaart"),
    "edit_rejected": _l("Uw wijziging is niet overgenomen"),
    "offline": _l("Uw bericht is offline gehaald"),
}


def mail_author(post, decision, reason=None):
    """Tell the author about `decision` (a key of SUBJECTS); no mail for accounts without e-mail."""
    author = post.author
    if author is None or not author.email or not author.active:
        return None
    return queue_mail(author.email, "moderation/decision", subject=SUBJECTS[decision], user=author,
                      decision=decision, title=post.title, reason=reason, link=_own_post_link(post))


def mail_reporter(report, upheld):
    """Tell the reporter (account or the e-mail address they left) what became of their report."""
    reporter = report.reporter
    address = reporter.email if reporter is not None else report.reporter_email
    if not address or (reporter is not None and not reporter.active):
        return None
    return queue_mail(address, "moderation/report_outcome", subject=_l("Uw melding over een bericht"),
                      user=reporter, upheld=upheld, title=mask_contact(report.post.title))


def _own_post_link(post):
    """The author's own page of the post."""
    return absolute_url("posts.show_own", post_id=post.id)
