"""The mails of a match. They say that something happened and link to the conversation; they never carry
message text or contact details, except the confirmation mail, which gives each side the other's details.

Intake accounts (no e-mail address) and deleted accounts get no mail. The caller commits.
"""
from flask_babel import lazy_gettext as _l

from webapp.accounts.unsubscribe import unsubscribe_url
from webapp.mail import queue_mail
from webapp.matching import contacts
from webapp.site import absolute_url


def sides(match):
    """(asker, helper) as accounts; either may be None when the account is gone."""
    return match.request.author, match.helper


def new_reaction(match, recipient):
    _send(recipient, match, "new_reaction", _l("Nieuwe reactie op Buurtkaart"))


def new_message(match, author):
    for recipient in sides(match):
        if recipient is not None and recipient.id != author.id:
            _send(recipient, match, "new_message", _l("Nieuw bericht op Buurtkaart"), essential=False)


def proposal(match):
    """A coördinator's proposal goes to the helper first; the asker hears of it once the helper says yes."""
    _send(match.helper, match, "proposal", _l("Wilt u helpen? Een coördinator vraagt het u"))


def helper_agreed(match):
    _send(match.request.author, match, "decision", _l("Nieuws over uw koppeling op Buurtkaart"), decision="agreed")


def decision(match, decision, actor):
    """accepted / withdrawn / cancelled: both sides hear it, except the one who did it."""
    for recipient in sides(match):
        if recipient is not None and recipient.id != actor.id:
            _send(recipient, match, "decision", _l("Nieuws over uw koppeling op Buurtkaart"), decision=decision)


def vraag_closed(match):
    """The vraag was withdrawn, expired or taken offline: the helper hears the conversation is over."""
    _send(match.helper, match, "decision", _l("Nieuws over uw koppeling op Buurtkaart"), decision="cancelled")


def confirmed(match):
    asker, helper = sides(match)
    details = contacts.for_match(match)
    _send(asker, match, "confirmed", _l("Uw koppeling is bevestigd"), other=details.helper)
    _send(helper, match, "confirmed", _l("Uw koppeling is bevestigd"), other=details.asker)


def how_did_it_go(match, answered, link_for):
    """The match was afgerond: ask the sides that did not yet say how it went (a signed link, no login)."""
    for recipient in sides(match):
        if recipient is not None and recipient.id not in answered:
            _send(recipient, match, "how_did_it_go", _l("Hoe ging het?"), essential=False,
                  feedback_url=link_for(match, recipient))


def follow_up(match, answered, link_for, reminder=False):
    """The planned day has passed: 'Hoe ging het?' to the sides that did not answer (once, and one reminder)."""
    for recipient in sides(match):
        if recipient is not None and recipient.id not in answered:
            _send(recipient, match, "follow_up", _l("Herinnering: hoe ging het?") if reminder else _l("Hoe ging het?"),
                  essential=False, feedback_url=link_for(match, recipient), reminder=reminder)


def _send(recipient, match, template, subject, essential=True, **context):
    if recipient is None or not recipient.email or not recipient.active:
        return
    url = absolute_url("matching.conversation", match_id=match.id)
    queue_mail(recipient.email, f"matching/{template}", subject=subject, essential=essential, user=recipient,
               unsubscribe_url=None if essential else unsubscribe_url(recipient), conversation_url=url, **context)
