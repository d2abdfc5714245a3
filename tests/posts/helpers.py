"""Form data for the post forms and small look-ups the posts tests share."""
from datetime import date, timedelta

from sqlalchemy import select

from webapp.extensions import db
from webapp.posts.models import Post

SOON = date.today() + timedelta(days=3)


def request_form(**overrides):
    data = {"title": "Wie doet boodschappen voor mij?", "description": "Elke week een tas van de supermarkt.",
            "category": "boodschappen", "when_kind": "flexibel", "place": "7941 AB", "for_whom": "zelf",
            "contact_choice": "mijn", "send": "1"}
    return _merged(data, overrides)


def offer_form(**overrides):
    data = {"title": "Ik help graag in de tuin", "description": "Snoeien en maaien.",
            "categories": ["tuin", "klussen-in-huis"], "availability": ["ma-ochtend", "za-middag"],
            "travel_km": "5", "place": "Nijeveen", "send": "1"}
    return _merged(data, overrides)


def _merged(data, overrides):
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def all_posts():
    db.session.expire_all()
    return db.session.scalars(select(Post).order_by(Post.created_at)).all()


def reload(post):
    db.session.expire_all()
    return db.session.get(Post, post.id)
