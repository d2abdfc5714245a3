"""Beheer of a voorziening's activities (/beheer/voorzieningen/<id>/activiteiten): its gemeente's beheerders."""
from flask import abort, url_for
from flask_babel import gettext as _

from webapp.accounts.decorators import require_gemeente, role_required
from webapp.agenda import activity_pages, bp
from webapp.directory.models import Service
from webapp.extensions import db

PREFIX = "/beheer/voorzieningen/<service_id>/activiteiten"


@bp.route(PREFIX, methods=["GET", "POST"])
@role_required("beheerder")
def manage(service_id):
    service = _my_service(service_id)
    return activity_pages.manage(service, _pages(service))


@bp.route(PREFIX + "/<activity_id>", methods=["GET", "POST"])
@role_required("beheerder")
def edit(service_id, activity_id):
    service = _my_service(service_id)
    return activity_pages.edit(service, activity_pages.activity_of(service, activity_id), _pages(service))


@bp.route(PREFIX + "/<activity_id>/verwijderen", methods=["POST"])
@role_required("beheerder")
def delete(service_id, activity_id):
    service = _my_service(service_id)
    return activity_pages.delete(activity_pages.activity_of(service, activity_id), _pages(service))


def _pages(service):
    return activity_pages.Pages("agenda.", {"service_id": service.id},
                                url_for("beheer.edit_service", service_id=service.id),
                                _("Terug naar %(name)s", name=service.name))


def _my_service(service_id):
    service = db.session.get(Service, service_id[:36])
    if service is None:
        abort(404)
    require_gemeente(service.gemeente)
    return service

