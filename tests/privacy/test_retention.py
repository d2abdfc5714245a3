"""`flask privacy purge`: what is past its period goes, what is not stays."""
import os
from datetime import timedelta
from pathlib import Path

from sqlalchemy import func, select, update

from tests.factories import make_post
from webapp.directory.missed import record_missed_search
from webapp.directory.models import MissedSearch
from webapp.extensions import db
from webapp.geo.models import GeocodeCache
from webapp.mail.models import OutboxMail
from webapp.matching import services
from webapp.matching.models import COMPLETED, PROPOSED, Match, Message
from webapp.models_base import utcnow
from webapp.posts.models import Post
from webapp.posts.vocab import DONE

OLD = timedelta(days=400)


def _age_files(folder, pattern, when):
    for path in Path(folder).glob(pattern):
        os.utime(path, (when.timestamp(), when.timestamp()))


def _count(model, *where):
    return db.session.scalar(select(func.count()).select_from(model).where(*where))


def test_purge_removes_what_is_past_its_period_and_keeps_the_rest(app, runner, people, make_match, vraag, tmp_path):
    app.config["LOG_DIR"] = str(tmp_path / "logs")
    old_match = make_match(COMPLETED)
    long_ago = utcnow() - OLD
    db.session.execute(update(Match).where(Match.id == old_match.id).values(completed_at=long_ago))
    db.session.execute(update(Post).where(Post.id == vraag.id).values(status=DONE, closed_at=long_ago))
    db.session.execute(update(OutboxMail).values(sent_at=long_ago))
    db.session.commit()
    _age_files(app.config["MAIL_DIR"], "*.eml", long_ago)
    record_missed_search("xyzzy oud", now=long_ago)
    fresh_vraag = make_post("hulpvraag", author=people["asker"], title="Nog open")
    fresh_match = services.react_to_request(fresh_vraag, people["helper"], "Ik help graag, bel 0612345678")
    record_missed_search("xyzzy nieuw")
    db.session.add_all([GeocodeCache(query_key=key, provider="nominatim", address=key, latitude=52.7, longitude=6.2,
                                     precision="adres", created_at=when)
                        for key, when in (("hoofdstraat 5 meppel", long_ago), ("kerkplein 1 meppel", utcnow()))])
    db.session.commit()
    logs = Path(app.config["LOG_DIR"])
    logs.mkdir(parents=True, exist_ok=True)
    (logs / "access.log.15").write_text("old line\n")
    (logs / "access.log").write_text("new line\n")
    _age_files(logs, "access.log.15", utcnow() - timedelta(days=15))
    fresh_mails = _count(OutboxMail, OutboxMail.sent_at > long_ago)
    fresh_files = len([p for p in Path(app.config["MAIL_DIR"]).glob("*.eml")
                       if p.stat().st_mtime > long_ago.timestamp() + 60])

    result = runner.invoke(args=["privacy", "purge"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    assert _count(Message, Message.match_id == old_match.id) == 0
    assert _count(Message, Message.match_id == fresh_match.id) == 1 and fresh_match.status == PROPOSED
    old_post, new_post = db.session.get(Post, vraag.id), db.session.get(Post, fresh_vraag.id)
    assert (old_post.author_id, old_post.description, old_post.place_text) == (None, "", None)
    assert old_post.exact_point == old_post.public_point and old_post.categories == "boodschappen"
    assert new_post.author_id == people["asker"].id and new_post.place_text == "7941 AB"
    assert _count(OutboxMail, OutboxMail.sent_at <= long_ago) == 0
    assert _count(OutboxMail) == fresh_mails > 0
    assert len(list(Path(app.config["MAIL_DIR"]).glob("*.eml"))) == fresh_files > 0
    assert [row.text for row in db.session.scalars(select(MissedSearch))] == ["xyzzy nieuw"]
    assert sorted(path.name for path in logs.iterdir()) == ["access.log"]
    assert [row.query_key for row in db.session.scalars(select(GeocodeCache))] == ["kerkplein 1 meppel"]
    assert "berichten in oude gesprekken: 1" in result.output and "logbestanden: 1" in result.output
    again = runner.invoke(args=["privacy", "purge"])
    assert "berichten in oude gesprekken: 0" in again.output and "gesloten berichten geanonimiseerd: 0" in again.output


def test_the_periods_are_settings(app, runner, people, make_match):
    match = make_match(COMPLETED)
    db.session.execute(update(Match).where(Match.id == match.id).values(completed_at=utcnow() - timedelta(days=10)))
    db.session.commit()
    runner.invoke(args=["privacy", "purge"])
    assert _count(Message, Message.match_id == match.id) == 1  # 180 days by default
    app.config["RETENTION_CONVERSATIONS_DAYS"] = 7
    runner.invoke(args=["privacy", "purge"])
    assert _count(Message, Message.match_id == match.id) == 0
