"""Subscribing to new posts near a place, and the mails: at once when a coördinator approves a post, or a digest.

The distance is measured from the post's public point (never its exact place), and a radius is at least 1 km, so
narrowing it never finds a house. Mails carry the title (masked), woonplaats, onderwerp and a link: never contact
details. They go through the outbox, in the transaction of the approval, so a slow mail server changes nothing.
"""
from datetime import timedelta, timezone

from flask import current_app
from flask_babel import gettext as _, lazy_gettext as _l
from itsdangerous import BadData, URLSafeTimedSerializer
from sqlalchemy import select

from webapp import geo
from webapp.alerts.models import AT_ONCE, DAILY, WEEKLY, AlertSubscription
from webapp.database import write_block
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.geo.distance import distance_km
from webapp.mail import queue_mail
from webapp.models_base import utcnow
from webapp.posts.models import Post
from webapp.posts.privacy import round_distance
from webapp.posts.vocab import CATEGORIES, OFFER, OPEN, REQUEST
from webapp.site import absolute_url
from webapp.text import mask_contact

MIN_KM, MAX_KM = 1, 25
MAX_PER_USER = 10
PERIODS = {DAILY: timedelta(days=1), WEEKLY: timedelta(days=7)}
EARLY = timedelta(hours=1)  # a timer that runs a little early still sends the day's digest
_SALT = "meldingen-uit"


def subscribe(user, kind, place, radius_km, categories, frequency):
    """A new subscription of `user`; RuleViolation (Dutch) for anything that does not fit."""
    if kind not in (REQUEST, OFFER) or frequency not in (AT_ONCE, DAILY, WEEKLY):
        raise RuleViolation([("kind", _("Kies waarover en hoe vaak u een mail wilt."))])
    if radius_km is None or not MIN_KM <= radius_km <= MAX_KM:
        raise RuleViolation([("radius_km", _("Kies een afstand van %(min)d tot %(max)d kilometer.",
                                             min=MIN_KM, max=MAX_KM))])
    categories = [slug for slug in categories or () if slug in CATEGORIES]
    try:
        found = geo.locate(place)
    except RuleViolation as error:
        raise RuleViolation([("place", message) for _field, message in error.reasons]) from None
    with write_block():
        if len(mine(user)) >= MAX_PER_USER:
            raise RuleViolation([("kind", _("U heeft al %(max)d meldingen. Stop er eerst een.", max=MAX_PER_USER))])
        subscription = AlertSubscription(user_id=user.id, kind=kind, place_text=place.strip()[:200],
                                         latitude=found.latitude, longitude=found.longitude, radius_km=radius_km,
                                         categories=",".join(categories), frequency=frequency,
                                         last_digest_at=utcnow())
        db.session.add(subscription)
    return subscription


def mine(user):
    return db.session.scalars(select(AlertSubscription).where(AlertSubscription.user_id == user.id)
                              .order_by(AlertSubscription.created_at)).all()


def stop(subscription):
    with write_block():
        db.session.delete(subscription)


def stop_url(subscription):
    token = URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT).dumps(subscription.id)
    return absolute_url("alerts.stop_by_link", token=token)


def read_stop_token(token):
    """The subscription a stop link names, or None (a bad link, or stopped already)."""
    try:
        subscription_id = URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT).loads(token)
    except BadData:
        return None
    return db.session.get(AlertSubscription, str(subscription_id))


def fits(subscription, post):
    """Does this approved post belong in this subscription's mail?"""
    if post.kind != subscription.kind or post.author_id == subscription.user_id or post.public_point is None:
        return False
    if not post.is_searchable():  # open and public: never a vraag only the coördinator sees
        return False
    if subscription.category_list and not set(subscription.category_list) & set(post.category_list):
        return False
    return _km(subscription, post) <= subscription.radius_km


def _km(subscription, post):
    return distance_km((subscription.latitude, subscription.longitude), post.public_point)


def announce(post, **_extra):
    """A coördinator approved `post`: mail the subscriptions that want it at once (inside that transaction)."""
    subscriptions = db.session.scalars(select(AlertSubscription).where(
        AlertSubscription.kind == post.kind, AlertSubscription.frequency == AT_ONCE))
    for subscription in subscriptions:
        if fits(subscription, post):
            _mail(subscription, [post])


def send_digests(now=None):
    """Every daily or weekly subscription whose period has passed: one mail with the posts approved since."""
    now = now or utcnow()
    sent = 0
    with write_block():
        for subscription in db.session.scalars(select(AlertSubscription).where(
                AlertSubscription.frequency.in_(tuple(PERIODS)))).all():
            since = subscription.last_digest_at or subscription.created_at
            if _aware(now) - _aware(since) < PERIODS[subscription.frequency] - EARLY:
                continue
            posts = [post for post in db.session.scalars(select(Post).where(
                Post.kind == subscription.kind, Post.status == OPEN, Post.published_at > since)
                .order_by(Post.published_at)) if fits(subscription, post)]
            subscription.last_digest_at = now
            if posts:
                sent += _mail(subscription, posts)
    return sent


def _aware(moment):
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _mail(subscription, posts):
    user = subscription.user
    if user is None or not user.active or not user.email:
        return 0
    items = [{"title": mask_contact(post.title), "woonplaats": post.woonplaats,
              "onderwerpen": [CATEGORIES[slug] for slug in post.category_list],  # lazy: in the mail's language
              "km": round_distance(_km(subscription, post)), "url": _post_url(post)} for post in posts]
    subject = (_l("Nieuwe hulpvraag bij u in de buurt") if subscription.kind == REQUEST
               else _l("Nieuw hulpaanbod bij u in de buurt"))
    mail = queue_mail(user.email, "alerts/new_posts", subject=subject, essential=False, user=user,
                      unsubscribe_url=stop_url(subscription), items=items, kind=subscription.kind,
                      place=subscription.place_text, radius_km=subscription.radius_km,
                      manage_url=absolute_url("alerts.index"))
    return 1 if mail is not None else 0


def _post_url(post):
    endpoint = "board.show_request" if post.kind == REQUEST else "board.show_offer"
    return absolute_url(endpoint, post_id=post.id)


def export_subscriptions(user):
    return {"mails over nieuwe berichten": [{"over": s.kind, "plaats": s.place_text, "afstand_km": s.radius_km,
                           "onderwerpen": s.category_list, "hoe_vaak": s.frequency} for s in mine(user)]}
