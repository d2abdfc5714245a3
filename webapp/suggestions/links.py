"""Links from the suggestions pages to the board's public pages."""
from flask import url_for

from webapp.posts.vocab import REQUEST


def post_url(post):
    """The public page of a suggested post (the board's)."""
    endpoint = "board.show_request" if post.kind == REQUEST else "board.show_offer"
    return url_for(endpoint, post_id=post.id)
