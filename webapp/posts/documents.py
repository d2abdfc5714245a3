"""What a post contributes to the search index: public text only (masked), and only the public point."""
from datetime import timezone

from webapp.text import mask_contact
from webapp.posts.vocab import CATEGORIES


def post_document(post):
    title = mask_contact(post.title)
    body = mask_contact(post.description or "")
    tags = " ".join(str(CATEGORIES[slug]) for slug in post.category_list)
    place = " ".join(filter(None, [post.woonplaats, post.gemeente]))
    point = post.public_point
    return {
        "title": title,
        "tags": tags,
        "summary": "",
        "body": body,
        "place": place,
        "spell": " ".join([title, tags, body, place]),
        "themes": post.categories,
        "gemeente": post.gemeente,
        "lat": point[0] if point else None,
        "lon": point[1] if point else None,
        "precision": "raster",
        "published": sortable_moment(post.published_at),  # the board's order among equals, from the index
    }


def sortable_moment(moment):
    """A moment as text that sorts in time order: UTC, every digit always there; "" for none."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")

