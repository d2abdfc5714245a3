"""Starting and continuing a conversation: reacting to a vraag or an aanbod, a coördinator's proposal, messages.

A Match is a unique connection, one per (vraag, helper): a second reaction adds a message to it.
The decisions on a match (accept, withdraw, confirm, complete, cancel) are in decisions.py.
"""
from flask_babel import gettext as _
from sqlalchemy import select

from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.matching import access, notify
from webapp.matching.decisions import (accept, agree, cancel, complete, confirm, withdraw,  # noqa: F401  (interface)
                                       write_note)
from webapp.matching.models import BY_ASKER, BY_COORDINATOR, BY_HELPER, PROPOSED, Match, Message
from webapp.database import insert_unless_taken, write_block
from webapp.submissions import create_once
from webapp.matching.vocab import ACTIVE, MAX_MESSAGE
from webapp.accounts.models import is_blocked_in
from webapp.geo.distance import distance_km
from webapp.models_base import new_uuid, utcnow
from webapp.moderation.actions import record
from webapp.posts.vocab import OFFER, OPEN, REQUEST


def react_to_request(vraag, helper, message):
    """'Ik help bij deze vraag': the helper writes to the asker of an open vraag (not their own)."""
    with write_block():
        _check_open(vraag, REQUEST, helper)
        match = _continue_or_start(vraag, helper, helper, message, started_by=BY_HELPER)
    return match


def react_to_offer(offer, asker, vraag, message):
    """The asker answers an open aanbod with one of their own open vragen; the helper is the aanbod's author."""
    with write_block():
        _check_open(offer, OFFER, asker)
        if vraag is None or vraag.kind != REQUEST or vraag.author_id != asker.id or vraag.status != OPEN:
            raise RuleViolation([("request_id", _("Kies een van uw eigen open hulpvragen."))])
        match = _continue_or_start(vraag, offer.author, asker, message, started_by=BY_ASKER, offer=offer)
    return match


def propose(vraag, coordinator, offer):
    """A coördinator of the vraag's gemeente connects it to an open aanbod that reaches it (the volunteer's
    travel radius or gemeente). The helper hears it first; the asker once the helper said yes."""
    with write_block():
        if not (coordinator.has_role("coordinator") and coordinator.works_for(vraag.gemeente)):
            raise access.NotAllowed()
        if vraag.kind != REQUEST or vraag.status != OPEN:
            raise RuleViolation([("request_id", _("Deze hulpvraag is niet open."))])
        if offer is None or offer.kind != OFFER or offer.status != OPEN:
            raise RuleViolation([("offer_id", _("Dit hulpaanbod is niet open."))])
        if not reaches(offer, vraag):
            raise RuleViolation([("offer_id", _("Deze helper woont te ver weg voor deze hulpvraag. Kies iemand "
                                                "uit de gemeente of binnen de afstand die de helper reist."))])
        helper = offer.author
        _check_helper(vraag, helper, "offer_id")
        taken = RuleViolation([("offer_id", _("Deze hulpvraag en deze helper hebben al een gesprek."))])
        if _existing(vraag, helper) is not None:
            raise taken
        match, started = insert_unless_taken(
            lambda: _new_match(vraag, helper, BY_COORDINATOR, offer, proposed_by_id=coordinator.id),
            lambda: _existing(vraag, helper))
        if not started:  # two coördinatoren proposed it at the same moment
            raise taken
        record(coordinator, "propose_match", vraag.gemeente, post=vraag, user=helper)
        notify.proposal(match)
    return match


def reaches(offer, vraag):
    """The aanbod covers the vraag: the same gemeente, or the vraag within the volunteer's travel radius."""
    if offer.gemeente == vraag.gemeente:
        return True
    if offer.exact_point is None or vraag.exact_point is None:
        return False
    return distance_km(offer.exact_point, vraag.exact_point) <= (offer.travel_km or 0)


def post_message(match, author, text, submission=None):
    """A message in an active conversation, by a side or a coördinator; the others get a mail without it.
    The same form submission twice is one message (and one mail)."""
    def create():
        access.require(match, "message", author)
        message = _add_message(match, author, text)
        notify.new_message(match, author)
        return message
    create_once(submission, Message, create)
    return match


def _check_open(post, kind, user):
    if post.kind != kind or not post.is_searchable():  # open, and not a vraag for the coördinator only
        raise RuleViolation([("post", _("Op dit bericht kunt u niet (meer) reageren."))])
    if post.author_id == user.id:
        raise RuleViolation([("post", _("Dit is uw eigen bericht. Daarop kunt u niet reageren."))])
    if post.author is None or is_blocked_in(user, post.gemeente):
        raise RuleViolation([("post", _("Op dit bericht kunt u niet (meer) reageren."))])


def _check_helper(vraag, helper, field):
    if helper is None or not helper.active:
        raise RuleViolation([(field, _("Deze helper kan nu niet helpen."))])
    if helper.id == vraag.author_id:
        raise RuleViolation([(field, _("De helper en de vrager zijn dezelfde persoon."))])


def _continue_or_start(vraag, helper, writer, text, started_by, offer=None):
    match = _existing(vraag, helper)
    if match is None:
        match, started = insert_unless_taken(lambda: _start(vraag, helper, writer, text, started_by, offer),
                                             lambda: _existing(vraag, helper))
        if started:
            notify.new_reaction(match, vraag.author if writer.id == helper.id else helper)
            return match
        if _last_text(match, writer) == _clean(text):
            return match  # the same reaction sent twice at once (a double click): the first one counts
    if match.status not in ACTIVE:
        raise RuleViolation([("message", _("Uw gesprek over deze hulpvraag is gesloten."))])
    if offer is not None and match.offer_id is None:
        match.offer_id = offer.id
    _add_message(match, writer, text)
    notify.new_message(match, writer)
    return match


def _start(vraag, helper, writer, text, started_by, offer):
    match = _new_match(vraag, helper, started_by, offer)
    _add_message(match, writer, text)
    return match


def _last_text(match, writer):
    mine = [message for message in match.messages if message.author_id == writer.id]
    return mine[-1].body if mine else None


def _existing(vraag, helper):
    return db.session.scalar(select(Match).where(Match.request_id == vraag.id, Match.helper_id == helper.id))


def _new_match(vraag, helper, started_by, offer=None, proposed_by_id=None):
    match = Match(id=new_uuid(), request=vraag, helper=helper, offer=offer, gemeente=vraag.gemeente, status=PROPOSED,
                  started_by=started_by, proposed_by_id=proposed_by_id,
                  helper_agreed_at=utcnow() if started_by == BY_HELPER else None)  # reacting is saying yes
    db.session.add(match)
    return match


def _clean(text):
    return (text or "").replace("\x00", "").strip()


def _add_message(match, author, text):
    text = _clean(text)
    if not text:
        raise RuleViolation([("message", _("Schrijf een bericht."))])
    if len(text) > MAX_MESSAGE:
        raise RuleViolation([("message", _("Uw bericht is te lang (hooguit %(max)d tekens).", max=MAX_MESSAGE))])
    message = Message(author=author, body=text)
    match.messages.append(message)
    return message
