"""The agenda for residents: /agenda with words, place and period, its feed, and a voorziening's feed."""
from flask import abort, current_app, render_template, request
from flask_babel import gettext as _

from webapp.agenda import bp, calendar, services
from webapp.agenda.forms import AgendaSearchForm
from webapp.directory import services as directory, translations
from webapp.errors import RuleViolation


@bp.route("/agenda")
def index():
    form, results = _run_search()
    services = [occurrence.activity.service for occurrence in results.occurrences] if results else []
    return render_template("agenda/index.html", form=form, results=results,
                           service_texts=translations.texts_for_page(services))


@bp.route("/agenda.ics")
def search_feed():
    _form, results = _run_search()
    return _ics(results.activities if results else [], _("Buurtkaart agenda"))


@bp.route("/voorzieningen/<slug>/agenda.ics")
def service_feed(slug):
    service = directory.get_service_by_slug(slug[:200])
    if service is None:
        abort(404)
    return _ics(services.activities_of(service), service.name)


def service_section(service):
    """The agenda's section on a voorziening's page (directory.signals.service_page_showing); None without any."""
    upcoming = services.upcoming_for_service(service)
    if not upcoming:
        return None
    return "agenda/_service_section.html", {"occurrences": upcoming, "service": service}


def _run_search():
    form = AgendaSearchForm(request.args)
    results = None
    if form.validate():
        try:
            results = services.search_activities(form.to_query())
        except RuleViolation as violation:
            form.plaats.errors = [message for _field, message in violation.reasons]
    return form, results


def _ics(activities, name):
    response = current_app.response_class(calendar.feed(activities, name), mimetype="text/calendar")
    response.headers["Content-Disposition"] = 'inline; filename="agenda.ics"'
    return response
