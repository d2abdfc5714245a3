"""Example accounts (one per role) and example posts for Voor elkaar, from data/voorelkaar_demo.yaml.

Loaded only by `demo load`. Idempotent: an account or post that exists already is left as it is.
"""
from datetime import timedelta
from pathlib import Path

import yaml
from flask_babel import gettext as _
from sqlalchemy import func, or_, select
from werkzeug.security import generate_password_hash

from webapp.accounts.models import User, UserGemeente
from webapp.database import write_block
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.posts.models import POST_CLASSES, Post
from webapp.posts.placement import place_post
from webapp.posts.vocab import LIFETIME_WEEKS, OPEN, PENDING

DEMO_FILE = Path(__file__).resolve().parents[2] / "data" / "voorelkaar_demo.yaml"
DEMO_PASSWORD = "voorbeeld-wachtwoord"  # named in the README; example accounts only
POST_FIELDS = ("title", "description", "categories", "when_kind", "when_note", "behalf_name", "behalf_relation",
               "contact_choice", "availability", "travel_km")


def load_voorelkaar_demo(path=DEMO_FILE):
    """Returns (accounts created, posts created); RuleViolation on a site with accounts of its own.

    The example accounts share a password printed in the README: they are added only to a database whose
    accounts are all example accounts (a fresh demo), never beside real residents and staff.
    """
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    with write_block():
        _refuse_beside_real_accounts(data["accounts"])
        users, new_accounts = {}, 0
        for entry in data["accounts"]:
            users[entry["key"]], created = _account(entry)
            new_accounts += created
        new_posts = sum(_post(entry, users[entry["author"]]) for entry in data["posts"])
    return new_accounts, new_posts


def _refuse_beside_real_accounts(entries):
    examples = [entry["email"] for entry in entries]
    missing = db.session.scalar(select(func.count(User.id)).where(User.email.in_(examples))) < len(examples)
    others = db.session.scalar(select(User.id).where(or_(User.email.is_(None), User.email.not_in(examples))).limit(1))
    if missing and others:
        raise RuleViolation([("accounts", _("Deze database heeft al echte accounts. De voorbeeldaccounts (met een "
                                            "bekend wachtwoord) worden daar niet aan toegevoegd."))])


def _account(entry):
    user = db.session.scalar(select(User).where(User.email == entry["email"]))
    if user is not None:
        return user, False
    user = User(email=entry["email"], display_name=entry["name"], role=entry["role"], postcode=entry.get("postcode"),
                password_hash=generate_password_hash(DEMO_PASSWORD), email_confirmed_at=utcnow(),
                gemeente_links=[UserGemeente(gemeente=entry["gemeente"])])
    db.session.add(user)
    return user, True


def _post(entry, author):
    exists = db.session.scalar(select(Post.id).where(Post.is_example.is_(True), Post.title == entry["title"]))
    if exists:
        return False
    post = POST_CLASSES[entry["kind"]](author=author, is_example=True, status=entry["status"],
                                       **{name: entry[name] for name in POST_FIELDS if name in entry})
    place_post(post, entry["place"])
    now = utcnow()
    if post.status in (PENDING, OPEN):
        post.submitted_at = now
    if post.status == OPEN:
        post.published_at, post.expires_at = now, now + timedelta(weeks=LIFETIME_WEEKS)
    db.session.add(post)
    db.session.flush()
    return True
