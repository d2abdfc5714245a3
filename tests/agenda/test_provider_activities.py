"""A provider keeps its own activities from the signed link of a reminder, without an account: add, change,
delete; only its own voorziening's activities, and not with a link that no longer works."""
import re

import itsdangerous.timed
from sqlalchemy import select

from tests.agenda.test_agenda import agenda, buurthuis, wednesday  # noqa: F401  (fixtures)
from tests.factories import make_service
from webapp.agenda.models import Activity
from webapp.extensions import db
from webapp.providers.models import ListingReminder
from webapp.providers.tokens import make_token

FORM = {"title": "Koffieochtend", "description": "Koffie en een praatje", "starts_on": "2026-12-10",
        "start_time": "10:00", "end_time": "11:30", "repeat": "wekelijks", "until": "", "place_name": "", "address": ""}


def link_for(service):
    reminder = ListingReminder(service_id=service.id, to_address="info@deschakel.example")
    db.session.add(reminder)
    db.session.commit()
    return f"/controleren/{make_token(reminder)}"


def activities(service):
    db.session.expire_all()
    return db.session.scalars(select(Activity).where(Activity.service_id == service.id)).all()


def test_the_provider_adds_changes_and_deletes_an_activity_from_the_link(client, buurthuis):
    link = link_for(buurthuis)
    check = client.get(link).text
    assert f'href="{link}/activiteiten"' in check
    assert client.post(f"{link}/activiteiten", data=FORM).status_code == 302
    [activity] = activities(buurthuis)
    assert "donderdag 10 december, 10:00 – 11:30: Koffieochtend" in agenda(client, periode="deze-week")

    page = client.get(f"{link}/activiteiten").text
    assert f'href="{link}/activiteiten/{activity.id}"' in page and f'href="{link}"' in page
    changed = client.post(f"{link}/activiteiten/{activity.id}", data={**FORM, "title": "Soepmiddag"})
    assert changed.status_code == 302
    assert [a.title for a in activities(buurthuis)] == ["Soepmiddag"]
    assert client.post(f"{link}/activiteiten/{activity.id}/verwijderen").status_code == 302
    assert activities(buurthuis) == []


def test_wrong_input_is_refused_in_dutch_and_nothing_is_saved(client, buurthuis):
    link = link_for(buurthuis)
    response = client.post(f"{link}/activiteiten", data={**FORM, "start_time": "11:00", "end_time": "10:00"})
    assert response.status_code == 200 and "De eindtijd moet na de begintijd liggen." in response.text
    assert activities(buurthuis) == []


def test_the_link_reaches_only_its_own_voorzienings_activities(client, buurthuis):
    other = make_service("Odensehuis")
    client.post(f"{link_for(other)}/activiteiten", data=FORM)
    [theirs] = activities(other)
    link = link_for(buurthuis)
    assert client.get(f"{link}/activiteiten/{theirs.id}").status_code == 404
    assert client.post(f"{link}/activiteiten/{theirs.id}/verwijderen").status_code == 404
    assert client.post(f"{link}/activiteiten/{theirs.id}", data={**FORM, "title": "Overgenomen"}).status_code == 404
    assert [a.title for a in activities(other)] == ["Koffieochtend"]


def test_a_tampered_or_expired_link_changes_nothing(client, buurthuis, monkeypatch):
    link = link_for(buurthuis)
    # another first letter of the payload (the signature's last letter may carry only padding bits)
    tampered = client.post(re.sub(r"/controleren/e", "/controleren/f", link) + "/activiteiten", data=FORM)
    assert tampered.status_code == 400 and "Deze link klopt niet" in tampered.text
    real_time = itsdangerous.timed.time.time
    monkeypatch.setattr(itsdangerous.timed.time, "time", lambda: real_time() + 400 * 24 * 3600)
    expired = client.post(f"{link}/activiteiten", data=FORM)
    assert expired.status_code == 400 and "Deze link is verlopen" in expired.text
    assert activities(buurthuis) == []
