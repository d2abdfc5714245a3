"""The kaart's vocabulary upkeep: beheerders change the synonym groups (/beheer/woorden) and add a missed
search to a group from the dashboard; every change is audited and a save after someone else's is refused.

The groups live in webapp/search/vocabulary.py (the search reads them on every query), so a change counts from
the next search on, without a reindex.
"""
from flask_babel import gettext as _, lazy_gettext as _l
from sqlalchemy import delete, select

from webapp.database import check_version, write_block
from webapp.directory.audit import CHANGED, CREATED
from webapp.directory.models import MissedSearch
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.search.analysis import STOP_WORDS, words as word_list
from webapp.search.vocabulary import (MAX_WORD_LENGTH, MAX_WORDS_PER_GROUP, SynonymGroup, SynonymGroupChange,
                                      seed_shipped_groups, split_words)
from webapp.submissions import create_once

FIELD_LABELS = {"words": _l("Woorden")}
ADDED = "woord toegevoegd"
ACTIONS = {CREATED: _l("aangemaakt"), CHANGED: _l("gewijzigd"), ADDED: _l("woord toegevoegd")}


def seed_groups():
    """The shipped groups whose name is not in the database yet (`flask demo load`); returns how many."""
    with write_block():
        return seed_shipped_groups()


def all_groups():
    return db.session.scalars(select(SynonymGroup).order_by(SynonymGroup.name)).all()


def group_by_id(group_id):
    return db.session.get(SynonymGroup, group_id[:36])


def recent_changes(limit=50):
    return db.session.scalars(select(SynonymGroupChange).order_by(SynonymGroupChange.at.desc()).limit(limit)).all()


def save_group(actor, group_id, text, seen_version=None):
    """Replace the words of a group (its name stays); returns the audited changes ([] when nothing changed).

    Raises RuleViolation for a word that is too long, only stop words, or already in another group;
    StaleVersion when someone saved the group after the form was shown.
    """
    _require_beheerder(actor, "words")
    group = group_by_id(group_id)
    wanted = [word for word in split_words(text) if word != (group.name if group else None)]
    _check_words(group, wanted, "words")
    with write_block():
        check_version(group, seen_version)
        return _apply(actor, group, wanted, CHANGED)


def add_word(actor, group_id, text):
    """Add a missed search's words to a group (no version: adding to a set is the same whichever goes first)
    and take it off the list of searches without results."""
    _require_beheerder(actor, "group")
    group = group_by_id(group_id) if group_id else None
    if group is None:
        raise RuleViolation([("group", _("Kies een groep."))])
    [word] = split_words(text.replace(",", " ")) or [""]
    if word in group.members:
        return []
    _check_words(group, [*group.members[1:], word], "group")
    with write_block():
        db.session.refresh(group)
        changes = _apply(actor, group, [*group.members[1:], word], ADDED)
        db.session.execute(delete(MissedSearch).where(MissedSearch.text == word))
    return changes


def _apply(actor, group, wanted, action):
    before = group.words
    group.words = ", ".join(dict.fromkeys(wanted))
    if group.words == before:
        return []
    changes = [{"field": "words", "old": before, "new": group.words}]
    db.session.add(SynonymGroupChange(user_id=actor.id, actor=actor.email, group=group, action=action,
                                      changes=changes))
    return changes


def _require_beheerder(actor, field):
    if not actor.has_role("beheerder"):
        raise RuleViolation([(field, _("Alleen een beheerder kan de woorden van de kaart veranderen."))])


def create_group(actor, name, text, submission=None):
    """A new group: `name` is one word residents or voorzieningen use; returns the group (once per submission)."""
    _require_beheerder(actor, "name")
    [name] = split_words((name or "").replace(",", " ")) or [""]
    wanted = [word for word in split_words(text) if word != name]
    reasons = []
    if not name or " " in name or len(name) > MAX_WORD_LENGTH or name in STOP_WORDS:
        reasons.append(("name", _("Vul één woord in als naam van de groep.")))
    # A group of that name already is refused in create(), after a repeated submission was recognised.
    same = db.session.scalar(select(SynonymGroup.id).where(SynonymGroup.name == name)) if name else None
    reasons += _word_problems(same, [name]) if name else []
    reasons += _word_problems(same, wanted, "words")
    if reasons:
        raise RuleViolation(reasons)

    def create():
        if db.session.scalar(select(SynonymGroup.id).where(SynonymGroup.name == name)):
            raise RuleViolation([("name", _("Er is al een groep ‘%(group)s’.", group=name))])
        group = SynonymGroup(name=name, words=", ".join(wanted))
        db.session.add(group)
        db.session.flush()
        db.session.add(SynonymGroupChange(user_id=actor.id, actor=actor.email, group=group, action=CREATED,
                                          changes=[{"field": "words", "old": None, "new": ", ".join(group.members)}]))
        return group

    return create_once(submission, SynonymGroup, create)


def _check_words(group, wanted, field):
    if group is None:
        raise RuleViolation([(field, _("Deze groep bestaat niet meer."))])
    reasons = _word_problems(group.id, wanted, field)
    if reasons:
        raise RuleViolation(reasons)


def _word_problems(group_id, wanted, field="name"):
    reasons = []
    if len(wanted) + 1 > MAX_WORDS_PER_GROUP:
        reasons.append(_("Een groep heeft hooguit %(count)d woorden.", count=MAX_WORDS_PER_GROUP))
    elsewhere = {word: other.name for other in all_groups() if other.id != group_id for word in other.members}
    for word in wanted:
        if len(word) > MAX_WORD_LENGTH:
            reasons.append(_("‘%(word)s’ is te lang (hooguit %(max)d tekens).", word=word[:20] + "…",
                             max=MAX_WORD_LENGTH))
        elif not [w for w in word_list(word) if w not in STOP_WORDS]:
            reasons.append(_("‘%(word)s’ bestaat alleen uit woorden die de zoekfunctie overslaat.", word=word))
        elif word in elsewhere:
            reasons.append(_("‘%(word)s’ staat al in de groep ‘%(group)s’.", word=word, group=elsewhere[word]))
    return [(field, reason) for reason in reasons]
