"""Two people save the same post at once: the second gets a Dutch 409 and nothing of theirs is saved."""
from sqlalchemy import event, update

from tests.factories import make_post
from webapp.extensions import db
from webapp.posts.models import Post


def test_a_save_on_a_changed_version_is_a_dutch_409(app, client, login):
    author = login("inwoner")
    post = make_post("hulpvraag", author=author, status="concept", title="Eerste versie")
    form = client.get(f"/voor-elkaar/mijn/{post.id}/bewerken")
    assert form.status_code == 200

    # Someone else saves between this request loading the post and flushing its own change.
    def bump_version_behind_its_back(*_args):
        db.session.execute(update(Post).where(Post.id == post.id).values(version=Post.version + 1)
                           .execution_options(synchronize_session=False))
    event.listen(db.session, "before_flush", bump_version_behind_its_back, once=True)
    response = client.post(f"/voor-elkaar/mijn/{post.id}/bewerken", data={
        "title": "Tweede versie", "description": "Boodschappen", "category": "boodschappen",
        "when_kind": "flexibel", "place": "7941 AB", "for_whom": "zelf", "contact_choice": "mijn", "save": "1"})
    assert response.status_code == 409
    assert "Iemand anders heeft dit net tegelijk met u gewijzigd." in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Post, post.id).title == "Eerste versie"
