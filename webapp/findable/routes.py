"""robots.txt and sitemap.xml, derived from the routes and the database (nothing to keep up by hand)."""
from flask import current_app, render_template

from webapp.findable import bp, sitemap
from webapp.site import absolute_url


@bp.route("/robots.txt")
def robots():
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in sitemap.disallowed_paths()), "",
             f"Sitemap: {absolute_url('findable.sitemap_xml')}", ""]
    return current_app.response_class("\n".join(lines), mimetype="text/plain")


@bp.route("/sitemap.xml")
def sitemap_xml():
    body = render_template("findable/sitemap.xml", entries=sitemap.entries())
    return current_app.response_class(body, mimetype="application/xml")
