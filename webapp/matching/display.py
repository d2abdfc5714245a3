"""What the matching pages show of posts, people and messages: public text masked, first names only."""
from dataclasses import dataclass

from flask_babel import gettext as _

from webapp.matching import access
from webapp.text import mask_contact
from webapp.posts.vocab import CATEGORIES, KIND_LABELS


@dataclass(frozen=True)
class PostSummary:
    """The public face of a post: what anyone may see on the board, nothing more."""
    kind: str
    title: str
    description: str
    woonplaats: str | None
    categories: list


def post_summary(post):
    return PostSummary(kind=str(KIND_LABELS.get(post.kind, post.kind)), title=mask_contact(post.title),
                       description=mask_contact(post.description or ""), woonplaats=post.woonplaats,
                       categories=[str(CATEGORIES[slug]) for slug in post.category_list])


def first_name(user):
    if user is None or not user.display_name:
        return _("(account verwijderd)")
    return user.display_name.split()[0]


def author_label(match, message, viewer):
    """'U', the other side's first name with their part, or 'Coördinator'."""
    if message.author_id is not None and message.author_id == viewer.id:
        return _("U")
    if message.author_id is not None and message.author_id == match.helper_id:
        return _("%(name)s (helper)", name=first_name(match.helper))
    if message.author_id is not None and message.author_id == match.request.author_id:
        return _("%(name)s (vrager)", name=first_name(match.request.author))
    return _("Coördinator")


def other_side(match, viewer):
    """How the page names the people in it, from the viewer's side."""
    if access.is_asker(match, viewer):
        return _("%(name)s wil u helpen.", name=first_name(match.helper))
    if access.is_helper(match, viewer):
        return _("U helpt %(name)s.", name=first_name(match.request.author))
    return _("Vrager: %(asker)s. Helper: %(helper)s.", asker=first_name(match.request.author),
             helper=first_name(match.helper))
