"""Resident-facing pages of the sociale kaart."""
from flask import render_template

from webapp.directory import bp


@bp.route("/")
def home():
    return render_template("directory/home.html")
