"""One-page handouts to print: a voorziening, or a result list, for a resident without internet."""
from flask import abort, render_template, request
from flask_babel import gettext as _

from webapp.directory import gemeente_contacts, services
from webapp.directory.translations import texts_for_page
from webapp.directory.hours import local_now
from webapp.directory.routes import run_search
from webapp.findable import bp
from webapp.findable.qr import qr_svg
from webapp.site import absolute_url


@bp.route("/voorzieningen/<slug>/afdrukken")
def service_handout(slug):
    service = services.get_service_by_slug(slug[:200])
    if service is None:
        abort(404)
    return _handout("findable/service_handout.html", absolute_url("directory.show", slug=service.slug),
                    service=service, texts=texts_for_page([service])[service.id],
                    gemeente_contact=gemeente_contacts.contact_for(service.gemeente))


@bp.route("/zoeken/afdrukken")
def search_handout():
    form, results = run_search()
    return _handout("findable/search_handout.html", absolute_url("directory.search", **request.args.to_dict(flat=False)),
                    form=form, results=results,
                    texts=texts_for_page(item.service for item in results.items) if results else {},
                    way_in=gemeente_contacts.for_dead_end(form.gemeente.data, results.place if results else None))


def _handout(template, page_url, **context):
    """The handout with its QR code to `page_url` (the page on SITE_URL) and the day it was printed."""
    return render_template(template, page_url=page_url, qr=qr_svg(page_url, _("QR-code naar %(url)s", url=page_url)),
                           today=local_now().date(), **context)
