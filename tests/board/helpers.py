"""Posts the board and API tests share: open ones in Meppel, Nijeveen and Rogat, and one of each closed status."""
from datetime import timedelta

from tests.factories import make_post
from webapp.models_base import utcnow
from webapp.posts.vocab import CONCEPT, EXPIRED, OFFER, PENDING, REJECTED, REQUEST, WITHDRAWN

NOT_OPEN = (CONCEPT, PENDING, REJECTED, WITHDRAWN, EXPIRED)


def board_posts():
    """{name: Post}; published a day apart, the Meppel vraag newest."""
    now = utcnow()
    return {
        "vraag_meppel": make_post(REQUEST, place="7941 AB", title="Boodschappen voor mijn moeder",
                                  categories="boodschappen", now=now),
        "vraag_nijeveen": make_post(REQUEST, place="Nijeveen", title="Wie helpt bij het snoeien van de heg?",
                                    categories="tuin", now=now - timedelta(days=1)),
        "aanbod_rogat": make_post(OFFER, place="Rogat", title="Ik rijd u naar de dokter",
                                  categories="vervoer-en-begeleiding", availability="di-ochtend",
                                  now=now - timedelta(days=2)),
        "aanbod_meppel": make_post(OFFER, place="7942 JE", title="Ik doe graag boodschappen",
                                   categories="boodschappen,computer-en-telefoon", now=now - timedelta(days=3)),
    }


def closed_posts(title="Boodschappen die niemand mag zien"):
    """One vraag and one aanbod in every status but open, all with the same words."""
    return [make_post(kind, status=status, title=title, categories="boodschappen")
            for kind in (REQUEST, OFFER) for status in NOT_OPEN]


def kind_path(post):
    """The URL part of a post's kind, on the board and in the API."""
    return "hulpvragen" if post.kind == REQUEST else "hulpaanbod"
