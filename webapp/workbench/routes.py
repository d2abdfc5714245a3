"""/coordinator: where a coördinator lands after logging in."""
from flask import render_template
from flask_login import current_user

from webapp.accounts.decorators import role_required
from webapp.workbench import bp, services


@bp.route("/coordinator")
@role_required("coordinator")
def index():
    return render_template("workbench/index.html", work=services.work_for(current_user))
