"""Make rows with sensible defaults; tests say only what matters to them."""
import itertools

from webapp.directory.models import Location, Service, ServiceAtLocation, Theme
from webapp.extensions import db

_numbers = itertools.count(1)


def make_service(name=None, *, slug=None, gemeente="Meppel", point=None, precision="woonplaats", themes=(), commit=True,
                 **fields):
    number = next(_numbers)
    name = name or f"Voorziening {number}"
    service = Service(slug=slug or f"{name.lower().replace(' ', '-')}-{number}", name=name, gemeente=gemeente, **fields)
    service.themes = [db.session.get(Theme, slug) for slug in themes]
    location = Location(gemeente=gemeente, woonplaats=gemeente, precision=precision if point else None,
                        latitude=point[0] if point else None, longitude=point[1] if point else None)
    service.locations.append(ServiceAtLocation(location=location))
    db.session.add(service)
    if commit:
        db.session.commit()
    return service


def make_post(kind="hulpvraag", *, author=None, status="open", place="7941 AB", title=None, description="",
              categories="boodschappen", commit=True, now=None, **fields):
    """A post placed through the real geocoder; open posts get published_at and expires_at like approval does."""
    from datetime import timedelta

    from webapp.models_base import utcnow
    from webapp.posts.models import POST_CLASSES
    from webapp.posts.placement import place_post
    from webapp.posts.vocab import LIFETIME_WEEKS, OPEN

    number = next(_numbers)
    now = now or utcnow()
    post = POST_CLASSES[kind](title=title or f"Bericht {number}", description=description, categories=categories,
                              author=author, status=status, **fields)
    if kind == "hulpaanbod":
        post.travel_km = fields.get("travel_km", 5)
    else:
        post.when_kind = fields.get("when_kind", "flexibel")
    place_post(post, place)
    if status == OPEN:
        post.submitted_at = post.published_at = now
        post.expires_at = now + timedelta(weeks=LIFETIME_WEEKS)
    db.session.add(post)
    if commit:
        db.session.commit()
    return post
