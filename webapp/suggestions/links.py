"""Links to pages of other packages that may not be built yet: the endpoint when it exists, else a fallback."""
from flask import url_for
from werkzeug.routing import BuildError

PROPOSE_URL = "/coordinator/koppelingen/voorstellen"  # matching.propose, as agreed in the endpoint map


def optional_url(endpoint, fallback=None, **values):
    try:
        return url_for(endpoint, **values)
    except BuildError:
        return fallback


def propose_url():
    return optional_url("matching.propose", PROPOSE_URL)


def post_url(post):
    """The public page of a suggested post (the board's), if the board is there."""
    endpoint = "board.show_request" if post.kind == "hulpvraag" else "board.show_offer"
    return optional_url(endpoint, post_id=post.id)
