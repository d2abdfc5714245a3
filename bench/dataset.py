"""The benchmark's data: N voorzieningen and N open posts with a fixed seed, copied from the demo texts and spread
over real postcode centres (voorzieningen: the Drenthe PC6 centres and the national PC4 centres of data/geo;
posts: Drenthe only, where the public point's address data is).

Rows go in with bulk inserts (no index log); the caller rebuilds the index. Synthetic data, never shipped.
"""
import csv
import functools
import json
import math
import random
from datetime import time, timedelta
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import selectinload

from webapp.accounts.models import User
from webapp.directory.models import Location, Schedule, Service, ServiceAtLocation, service_themes
from webapp.extensions import db
from webapp.models_base import new_uuid, utcnow
from webapp.posts.models import Post
from webapp.posts.privacy import public_point
from webapp.posts.vocab import OFFER, OPEN, REQUEST

GEO = Path(__file__).resolve().parents[1] / "data" / "geo"
DRENTHE_SHARE = 0.6  # the rest lies on the national PC4 centres
OPEN_HOURS_SHARE = 0.5  # voorzieningen with weekly hours (ma-vr 9-17), so "nu open" has work to do
AUTHORS = 40
CHUNK = 5000


def build(n, seed=18):
    """Add n voorzieningen and n open posts (half vragen, half aanbod) to the demo data already loaded."""
    rng = random.Random(seed)
    places = _places(rng)
    _add_services(n, rng, places)
    _add_posts(n, rng, places, _authors())
    db.session.commit()


def _places(rng):
    """[(lat, lon, woonplaats, gemeente)] for Drenthe PC6 centres, then PC4 centres with the nearest place's
    gemeente; drawn from with DRENTHE_SHARE."""
    with open(GEO / "drenthe_pc6.csv", encoding="utf-8") as file:
        drenthe = [(float(r["lat"]), float(r["lon"]), r["woonplaats"], r["gemeente"]) for r in csv.DictReader(file)]
    with open(GEO / "places_nl.csv", encoding="utf-8") as file:
        towns = [(float(r["lat"]), float(r["lon"]), r["name"], r["municipality"]) for r in csv.DictReader(file)]
    with open(GEO / "pc4_centroids.json", encoding="utf-8") as file:
        centres = json.load(file)
    national = [(lat, lon, *_nearest(towns, lat, lon)[2:]) for lat, lon in centres.values()]
    return drenthe, national


def _nearest(towns, lat, lon):
    scale = math.cos(math.radians(lat))
    return min(towns, key=lambda t: (t[0] - lat) ** 2 + ((t[1] - lon) * scale) ** 2)


def _draw(rng, places):
    drenthe, national = places
    return rng.choice(drenthe if rng.random() < DRENTHE_SHARE else national)


def _add_services(n, rng, places):
    models = db.session.scalars(select(Service).options(selectinload(Service.themes))).all()
    now = utcnow()
    for start in range(0, n, CHUNK):
        services, locations, links, themes, slots = [], [], [], [], []
        for number in range(start, min(n, start + CHUNK)):
            model = rng.choice(models)
            lat, lon, woonplaats, gemeente = _draw(rng, places)
            service_id, location_id = new_uuid(), new_uuid()
            services.append(dict(id=service_id, slug=f"bench-{number}", name=f"{model.name} {number}",
                                 summary=model.summary, description=model.description, gemeente=gemeente,
                                 access_route=model.access_route, version=1, created_at=now, updated_at=now))
            locations.append(dict(id=location_id, woonplaats=woonplaats, gemeente=gemeente, latitude=lat,
                                  longitude=lon, precision="postcode", created_at=now, updated_at=now))
            links.append(dict(id=new_uuid(), service_id=service_id, location_id=location_id))
            themes += [dict(service_id=service_id, theme_slug=theme.slug) for theme in model.themes]
            if rng.random() < OPEN_HOURS_SHARE:
                slots += [dict(id=new_uuid(), service_id=service_id, weekday=day, opens=time(9), closes=time(17))
                          for day in range(5)]
        for table, rows in ((Service, services), (Location, locations), (ServiceAtLocation, links),
                            (service_themes, themes), (Schedule, slots)):
            if rows:
                db.session.execute(insert(table), rows)


def _authors():
    users = [User(email=f"bench-{i}@bench.invalid", display_name=f"Bench {i}", role="inwoner",
                  password_hash="!", email_confirmed_at=utcnow()) for i in range(AUTHORS)]
    db.session.add_all(users)
    db.session.flush()
    return [user.id for user in users]


@functools.lru_cache(maxsize=None)
def _public(lat, lon, woonplaats, gemeente):
    """The site's own public point of a post there (posts lie on the postcode centres, so many share one)."""
    return public_point(lat, lon, woonplaats, gemeente) or (None, None)


def _add_posts(n, rng, places, authors):
    models = db.session.scalars(select(Post).where(Post.status == OPEN)).all()
    by_kind = {kind: [p for p in models if p.kind == kind] for kind in (REQUEST, OFFER)}
    now = utcnow()
    for start in range(0, n, CHUNK):
        rows = []
        for number in range(start, min(n, start + CHUNK)):
            kind = REQUEST if number % 2 == 0 else OFFER
            model = rng.choice(by_kind[kind])
            lat, lon, woonplaats, gemeente = rng.choice(places[0])  # Drenthe: where the privacy data has addresses
            public = _public(lat, lon, woonplaats, gemeente)
            rows.append(dict(
                id=new_uuid(), kind=kind, author_id=rng.choice(authors), status=OPEN, title=model.title,
                description=model.description, categories=model.categories, latitude=lat, longitude=lon,
                precision="postcode", public_latitude=public[0], public_longitude=public[1], woonplaats=woonplaats,
                gemeente=gemeente, when_kind=model.when_kind, availability=model.availability,
                travel_km=model.travel_km, is_example=False, published_at=now - timedelta(minutes=number),
                submitted_at=now, expires_at=now + timedelta(days=60), version=1, created_at=now, updated_at=now))
        db.session.execute(insert(Post), rows)
