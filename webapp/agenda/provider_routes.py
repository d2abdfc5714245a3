"""The provider keeps its own activities from the signed link of a reminder (/controleren/<token>/activiteiten),
without an account: the link names the voorziening, as for checking its details (providers/tokens.py)."""
from flask import render_template, url_for
from flask_babel import gettext as _

from webapp.agenda import activity_pages, bp
from webapp.errors import RuleViolation
from webapp.providers.tokens import read_token

PREFIX = "/controleren/<token>/activiteiten"


class LinkProblem(Exception):
    """The link is tampered, expired, or its voorziening left the kaart: the page says which."""


@bp.errorhandler(LinkProblem)
def link_problem(error):
    return render_template("providers/link_problem.html", message=str(error)), 400


@bp.route(PREFIX, methods=["GET", "POST"])
def provider_manage(token):
    service = _service_of(token)
    return activity_pages.manage(service, _pages(service, token))


@bp.route(PREFIX + "/<activity_id>", methods=["GET", "POST"])
def provider_edit(token, activity_id):
    service = _service_of(token)
    return activity_pages.edit(service, activity_pages.activity_of(service, activity_id), _pages(service, token))


@bp.route(PREFIX + "/<activity_id>/verwijderen", methods=["POST"])
def provider_delete(token, activity_id):
    service = _service_of(token)
    return activity_pages.delete(activity_pages.activity_of(service, activity_id), _pages(service, token))


def _service_of(token):
    try:
        return read_token(token[:500]).service
    except RuleViolation as violation:
        raise LinkProblem(violation.reasons[0][1]) from None



def _pages(service, token):
    return activity_pages.Pages("agenda.provider_", {"token": token}, url_for("providers.check", token=token),
                                _("Terug naar de gegevens van %(name)s", name=service.name), audience="aanbieder")
