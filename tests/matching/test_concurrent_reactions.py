"""Two reactions at once by the same helper on the same vraag make one conversation, never a 500.

On PostgreSQL both requests can see 'no conversation yet' and both insert; the unique (vraag, helper) constraint
refuses the second, which then carries on with the first one's conversation. SQLite lets one writer at a time
read-then-insert (BEGIN IMMEDIATE), so the race is only possible, and only tested, on PostgreSQL.
"""
import threading

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSWORD, PG_URL, ROLE_ACCOUNTS
from webapp.extensions import db
from webapp.matching import services
from webapp.matching.models import Match, Message

pytestmark = pytest.mark.skipif(not PG_URL, reason="PostgreSQL only: SQLite serialises the writers")


def logged_in_client(app):
    client = app.test_client()
    response = client.post("/inloggen", data={"email": ROLE_ACCOUNTS["inwoner_b"][0], "password": PASSWORD})
    assert response.status_code == 302
    return client


def both_see_no_match_first(monkeypatch):
    """Hold each request after its first look for a conversation until the other has looked too."""
    barrier, seen = threading.Barrier(2, timeout=20), threading.local()
    original = services._existing

    def existing(vraag, helper):
        found = original(vraag, helper)
        if not getattr(seen, "once", False):
            seen.once = True
            barrier.wait()
        return found
    monkeypatch.setattr(services, "_existing", existing)


def post_at_once(app, url, messages):
    clients = [logged_in_client(app) for _message in messages]
    responses = [None] * len(messages)

    def react(index):
        responses[index] = clients[index].post(url, data={"message": messages[index]})
    threads = [threading.Thread(target=react, args=(index,)) for index in range(len(messages))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return responses


@pytest.mark.parametrize("messages, stored", [(["Ik kan helpen."] * 2, 1),
                                              (["Ik kan helpen.", "Ook op woensdag."], 2)])
def test_two_reactions_at_once_give_one_conversation(app, people, vraag, monkeypatch, messages, stored):
    both_see_no_match_first(monkeypatch)
    responses = post_at_once(app, f"/voor-elkaar/hulpvragen/{vraag.id}/reageren", messages)
    assert [response.status_code for response in responses] == [302, 302]
    db.session.expire_all()
    [match] = db.session.scalars(select(Match)).all()
    assert {response.headers["Location"] for response in responses} == {f"/voor-elkaar/mijn/gesprekken/{match.id}"}
    assert db.session.scalar(select(func.count()).select_from(Message)) == stored
