"""/voor-elkaar/meldingen: a resident's subscriptions; the stop link in every alert mail works without login."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import login_required
from flask_wtf import FlaskForm

from webapp.accounts import acting
from webapp.alerts import bp, services
from webapp.alerts.forms import SubscribeForm
from webapp.alerts.models import AlertSubscription
from webapp.errors import RuleViolation
from webapp.extensions import csrf, db
from webapp.posts.vocab import CATEGORIES


@bp.route("/voor-elkaar/meldingen", methods=["GET", "POST"])
@login_required
def index():
    user = acting.effective_user()
    form = SubscribeForm()
    status = 200
    if form.validate_on_submit():
        try:
            services.subscribe(user, form.kind.data, form.place.data, form.radius_km.data, form.categories.data,
                               form.frequency.data)
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        else:
            flash(_("U krijgt nu een mail over nieuwe berichten bij u in de buurt."), "success")
            return redirect(url_for("alerts.index"))
    if form.errors or form.form_errors:
        status = 400
    return render_template("alerts/index.html", form=form, subscriptions=services.mine(user), categories=CATEGORIES,
                           action_form=FlaskForm()), status


@bp.route("/voor-elkaar/meldingen/<subscription_id>/stoppen", methods=["POST"])
@login_required
def stop(subscription_id):
    subscription = db.session.get(AlertSubscription, subscription_id[:36])
    if subscription is None or subscription.user_id != acting.effective_user().id:
        abort(404)
    if not FlaskForm().validate_on_submit():
        abort(400)
    services.stop(subscription)
    flash(_("Deze melding is gestopt."), "success")
    return redirect(url_for("alerts.index"))


@bp.route("/voor-elkaar/meldingen/uit/<token>", methods=["GET", "POST"])
@csrf.exempt  # a mail program's one-click POST carries no CSRF token: the signed token is the proof
def stop_by_link(token):
    """GET shows a button (mail scanners open links); POST stops the subscription, from it or a mail program."""
    subscription = services.read_stop_token(token[:1000])
    if subscription is None:
        return render_template("alerts/stopped.html", found=False), 404
    if request.method == "GET":
        return render_template("alerts/stop_confirm.html", token=token)
    services.stop(subscription)
    return render_template("alerts/stopped.html", found=True)
