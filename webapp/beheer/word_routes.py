"""The kaart's vocabulary (/beheer/woorden): beheerders keep the synonym groups up, every change audited."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from webapp.accounts.decorators import role_required
from webapp.beheer import bp
from webapp.beheer.word_forms import AddWordForm, NewGroupForm, SynonymGroupForm
from webapp.database import StaleVersion
from webapp.directory import synonyms
from webapp.errors import RuleViolation
from webapp.forms import differences


@bp.route("/woorden")
@role_required("beheerder")
def words():
    return render_template("beheer/words.html", groups=synonyms.all_groups(), changes=synonyms.recent_changes(),
                           actions=synonyms.ACTIONS, field_labels=synonyms.FIELD_LABELS)


@bp.route("/woorden/nieuw", methods=["GET", "POST"])
@role_required("beheerder")
def new_words():
    form = NewGroupForm()
    if form.validate_on_submit():
        try:
            group = synonyms.create_group(current_user._get_current_object(), form.name.data, form.words.data or "",
                                          submission=form.submission.data)
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        else:
            flash(_("De groep ‘%(group)s’ is gemaakt. Het zoeken gebruikt de woorden meteen.", group=group.name),
                  "success")
            return redirect(url_for("beheer.words"))
    return render_template("beheer/words_new.html", form=form), 400 if form.errors else 200


@bp.route("/woorden/<group_id>", methods=["GET", "POST"])
@role_required("beheerder")
def edit_words(group_id):
    group = synonyms.group_by_id(group_id) or abort(404)
    form = SynonymGroupForm.for_group(group) if request.method == "GET" else SynonymGroupForm()
    if form.validate_on_submit():
        try:
            changes = synonyms.save_group(current_user._get_current_object(), group.id, form.words.data or "",
                                          seen_version=form.seen_version())
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        except StaleVersion as stale:
            conflict = differences(SynonymGroupForm.for_group(stale.row, formdata=None), form)
            return _edit_page(form.show_version(stale.row), stale.row, conflict), 409
        else:
            flash(_("Opgeslagen: %(count)d wijziging(en). Het zoeken gebruikt de woorden meteen.",
                    count=len(changes)), "success")
            return redirect(url_for("beheer.words"))
    return _edit_page(form, group), 400 if form.errors else 200


@bp.post("/woorden/toevoegen")
@role_required("beheerder")
def add_missed_word():
    """From the dashboard's list of searches without results: the words join the chosen group."""
    form = AddWordForm()
    form.group.choices = [(group.id, group.name) for group in synonyms.all_groups()]
    if form.validate_on_submit():
        try:
            synonyms.add_word(current_user._get_current_object(), form.group.data, form.word.data)
        except RuleViolation as violation:
            form.populate_errors(violation.reasons)
        else:
            flash(_("‘%(word)s’ hoort nu bij de groep ‘%(group)s’.", word=form.word.data,
                    group=dict(form.group.choices)[form.group.data]), "success")
            return redirect(url_for("dashboard.index", _anchor="zoekopdrachten"))
    return render_template("beheer/word_refused.html", form=form), 400


def _edit_page(form, group, conflict=None):
    return render_template("beheer/words_edit.html", form=form, group=group, conflict=conflict,
                           changes=[c for c in synonyms.recent_changes(200) if c.group_id == group.id],
                           actions=synonyms.ACTIONS, field_labels=synonyms.FIELD_LABELS)
