"""The synonym groups, kept in the database by beheerders (/beheer/woorden) and read by every search.

Synonyms are a query-side concept: a word of a group is asked as every word of its group (see synonyms.py),
so a saved change counts from the next search on, in every worker, without a reindex. Compound parts are
index-side (the analyzer splits words at index time from a word list built at reindex), so they stay in the
shipped file data/search/compound_parts.txt and change only with `flask search reindex`.

The shipped groups (data/search/synonyms.txt) are the seed: the migration that made the table copied them in,
and `seed_shipped_groups()` (`flask demo load`) adds any group whose name is missing.
"""
from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from webapp.extensions import db
from webapp.models_base import Timestamps, utcnow, uuid_pk
from webapp.search.analysis import DATA_DIR, fold

MAX_WORDS_PER_GROUP = 60
MAX_WORD_LENGTH = 60


class SynonymGroup(Timestamps, db.Model):
    """One group of words that mean the same to a resident; `name` is one of them, a single word."""

    __tablename__ = "synonym_groups"

    id: Mapped[str] = uuid_pk()
    name: Mapped[str] = mapped_column(String(MAX_WORD_LENGTH), unique=True)
    words: Mapped[str] = mapped_column(Text, default="")  # the other words, comma-separated, in order
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}

    @property
    def members(self):
        return [self.name, *split_words(self.words)]


class SynonymGroupChange(db.Model):
    """The audit log of the vocabulary: who, when, which group, the words before and after."""

    __tablename__ = "synonym_group_changes"

    id: Mapped[str] = uuid_pk()
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[str | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor: Mapped[str] = mapped_column(String(254))  # the e-mail address then: kept when the account goes
    group_id: Mapped[str] = mapped_column(ForeignKey("synonym_groups.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(20))
    changes: Mapped[list] = mapped_column(JSON, default=list)  # [{"field", "old", "new"}]

    group = relationship("SynonymGroup")


def split_words(text):
    """'a, b ,, c' -> ['a', 'b', 'c']: folded, single spaces, no doubles, order kept."""
    cleaned = (" ".join(fold(word).split()) for word in (text or "").replace("\n", ",").split(","))
    return list(dict.fromkeys(word for word in cleaned if word))


def read_shipped_groups():
    """[[name, word, ...]] from data/search/synonyms.txt."""
    lines = (DATA_DIR / "synonyms.txt").read_text(encoding="utf-8").splitlines()
    return [split_words(line) for line in lines if line.strip() and not line.startswith("#")]


def current_groups(session=None):
    """The groups as a search reads them: a tuple of word tuples (hashable, so the analysed form is cached)."""
    session = session or db.session
    rows = session.execute(select(SynonymGroup.name, SynonymGroup.words).order_by(SynonymGroup.name)).all()
    return tuple((name, *split_words(words)) for name, words in rows)


def seed_shipped_groups(session=None):
    """Adds each shipped group whose name is not in the database yet; returns how many. The caller commits."""
    session = session or db.session
    known = set(session.scalars(select(SynonymGroup.name)))
    added = 0
    for name, *others in read_shipped_groups():
        if name not in known:
            session.add(SynonymGroup(name=name, words=", ".join(others)))
            added += 1
    return added
