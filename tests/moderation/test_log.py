"""The moderation log page: the coördinator's own gemeenten, newest first, in pages; `record` for other packages."""
from datetime import timedelta

from tests.factories import make_post
from webapp.extensions import db
from webapp.models_base import utcnow
from webapp.moderation import services
from webapp.moderation.models import ModerationAction
from webapp.moderation.queries import LOG_PAGE_SIZE


def test_record_keeps_who_what_and_why(app, accounts, pending):
    entry = services.record(accounts["coordinator"], "approve", "Meppel", post=pending, reason="Prima")
    db.session.commit()
    assert (entry.actor_id, entry.actor_name, entry.post_id, entry.reason) == (
        accounts["coordinator"].id, accounts["coordinator"].display_name, pending.id, "Prima")
    automatic = services.record(None, "expire", "Meppel", post=pending)
    assert automatic.actor_id is None and automatic.actor_name == "Buurtkaart (automatisch)"


def test_the_log_is_paged_newest_first_and_per_gemeente(client, login, accounts):
    post = make_post(author=accounts["inwoner"], title="Hondenuitlaatservice")
    start = utcnow() - timedelta(days=1)
    for number in range(LOG_PAGE_SIZE + 3):
        db.session.add(ModerationAction(gemeente="Meppel", actor_name="Coördinator", action="approve",
                                        created_at=start + timedelta(minutes=number), reason=f"reden-{number:03d}",
                                        post_id=post.id))
    db.session.add(ModerationAction(gemeente="Tynaarlo", actor_name="Elders", action="block", reason="reden-elders"))
    db.session.commit()
    login("coordinator")
    first = client.get("/coordinator/logboek").get_data(as_text=True)
    newest, oldest = f"reden-{LOG_PAGE_SIZE + 2:03d}", "reden-000"
    assert newest in first and oldest not in first and "reden-elders" not in first
    assert first.index(newest) < first.index(f"reden-{LOG_PAGE_SIZE + 1:03d}")
    assert "Bericht goedgekeurd" in first and "Hondenuitlaatservice" in first and "Pagina 1 van 2" in first
    second = client.get("/coordinator/logboek?pagina=2").get_data(as_text=True)
    assert oldest in second and newest not in second
    for page in ("99", "-1", "abc", "9" * 30, "²", "١", "2.0", " 2"):
        assert client.get(f"/coordinator/logboek?pagina={page}").status_code == 200
    login("coordinator_elders")
    elders = client.get("/coordinator/logboek").get_data(as_text=True)
    assert "reden-elders" in elders and newest not in elders and "Gebruiker geblokkeerd" in elders
