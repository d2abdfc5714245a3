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
