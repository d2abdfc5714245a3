"""Hypothesis sends every route of the site bad input, as every role: never a 5xx, and a refused POST saves nothing.

`ROUTES` says, per endpoint, which WTForms form its POST reads (its fields are derived from the class) and which
query parameters its GET reads; a new route without an entry fails `test_every_route_has_a_strategy`.
Every example logs in as the role, fills the URL arguments with the world's ids or junk, and sends form fields
and query parameters that are valid choices, plausible values or junk (unicode, control characters, long
strings, huge numbers, blanks). A POST answered with 4xx, or with the form again and its errors, must leave a
checksum of every row of every table unchanged.

FUZZ_EXAMPLES (default 3) sets the examples per route and role; the default keeps a database round under 90 s
with two workers (README, "Tests").
"""
import hashlib
import io
import os
from dataclasses import dataclass
from typing import Callable

import pytest
from flask import current_app
from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import select
from wtforms import (BooleanField, DateField, FieldList, FileField, FormField, IntegerField, RadioField, SelectField,
                     SelectMultipleField, SubmitField, TimeField)

from tests.conftest import PASSWORD, ROLE_ACCOUNTS
from tests.route_map import argument_values, build, make_larger_world
from webapp.accounts import forms as accounts_forms
from webapp.alerts import forms as alerts_forms
from webapp.agenda.forms import ActivityForm, AgendaSearchForm
from webapp.beheer.district_forms import DistrictForm, DistrictImportForm
from webapp.beheer.forms import HoursForm, MergeForm, ServiceForm
from webapp.beheer.gemeente_forms import GemeenteContactForm
from webapp.beheer.import_forms import ConfirmImportForm, ImportForm
from webapp.beheer.translation_forms import TranslationForm
from webapp.beheer.word_forms import AddWordForm, NewGroupForm, SynonymGroupForm
from webapp.board.forms import BoardSearchForm
from webapp.dashboard.forms import DashboardForm
from webapp.directory.forms import SearchForm
from webapp.extensions import db
from webapp.matching import forms as matching_forms
from webapp.moderation import forms as moderation_forms
from webapp.posts.forms import OfferForm, RequestForm
from webapp.providers import forms as providers_forms
from webapp.suggestions.forms import ReferralForm

ROLES = [None, "inwoner", "coordinator", "beheerder", "beheerder_elders"]
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "3"))
API_SERVICES = ("q", "near", "radius_km", "theme", "access", "gemeente", "open_now", "language", "page")
API_POSTS = ("q", "near", "radius_km", "categorie", "gemeente", "page")
HSDS_LIST = ("search", "page", "per_page", "format")
HSDS_SERVICES = (*HSDS_LIST, "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "minimal", "full",
                 "postcode", "proximity")


@dataclass(frozen=True)
class Route:
    forms: tuple = ()  # the form classes whose fields a POST sends
    query: tuple = ()  # form classes or parameter names a GET sends
    prefix: Callable | None = None  # URL arguments -> the prefix of the form's field names


ROUTES = {
    "accounts.unsubscribe": Route(),
    "board.mine": Route(),
    "accounts.account": Route((accounts_forms.DetailsForm,)),
    "accounts.act_for": Route(),
    "accounts.change_email": Route((accounts_forms.ChangeEmailForm,)),
    "accounts.change_password": Route((accounts_forms.ChangePasswordForm,)),
    "accounts.confirm_email": Route(),
    "accounts.confirm_email_change": Route(),
    "accounts.delete_account": Route((accounts_forms.DeleteAccountForm,)),
    "accounts.download_data": Route(),
    "accounts.forgot_password": Route((accounts_forms.EmailForm,)),
    "accounts.intake_accounts": Route((accounts_forms.IntakeForm,)),
    "accounts.login": Route((accounts_forms.LoginForm,), query=("next",)),
    "accounts.logout": Route(),
    "accounts.register": Route((accounts_forms.RegisterForm,)),
    "accounts.reset_password": Route((accounts_forms.NewPasswordForm,)),
    "accounts.stop_acting": Route(),
    "agenda.delete": Route(),
    "agenda.edit": Route((ActivityForm,)),
    "agenda.index": Route(query=(AgendaSearchForm,)),
    "agenda.manage": Route((ActivityForm,)),
    "agenda.provider_delete": Route(),
    "agenda.provider_edit": Route((ActivityForm,)),
    "agenda.provider_manage": Route((ActivityForm,)),
    "agenda.search_feed": Route(query=(AgendaSearchForm,)),
    "agenda.service_feed": Route(),
    "api.list_offers": Route(query=API_POSTS),
    "api.list_requests": Route(query=API_POSTS),
    "api.list_services": Route(query=API_SERVICES),
    "api.request_suggestions": Route(query=("page",)),
    "api.show_offer": Route(),
    "api.show_request": Route(),
    "api.show_service": Route(),
    "ops.healthz": Route(),
    "ops.metrics_page": Route(),
    "opendata.hsds_root": Route(),
    "opendata.openapi_document": Route(),
    "opendata.hsds_services": Route(query=HSDS_SERVICES),
    "opendata.hsds_service": Route(),
    "opendata.hsds_service_at_locations": Route(query=HSDS_SERVICES),
    "opendata.hsds_service_at_location": Route(),
    "opendata.hsds_organizations": Route(query=(*HSDS_LIST, "full", "full_service")),
    "opendata.hsds_organization": Route(query=("full_service",)),
    "opendata.hsds_taxonomies": Route(query=HSDS_LIST),
    "opendata.hsds_taxonomy": Route(),
    "opendata.hsds_taxonomy_terms": Route(query=(*HSDS_LIST, "taxonomy_id", "top_only", "parent_id")),
    "opendata.hsds_taxonomy_term": Route(),
    "beheer.add_missed_word": Route((AddWordForm,)),
    "beheer.delete_district": Route(),
    "beheer.districts": Route((DistrictForm,)),
    "beheer.import_districts": Route((DistrictImportForm,)),
    "beheer.archive": Route(),
    "beheer.confirm_import": Route((ConfirmImportForm,)),
    "beheer.edit_gemeente_contact": Route((GemeenteContactForm,)),
    "beheer.edit_hours": Route((HoursForm,)),
    "beheer.edit_service": Route((ServiceForm,)),
    "beheer.edit_words": Route((SynonymGroupForm,)),
    "beheer.new_words": Route((NewGroupForm,)),
    "beheer.export_csv": Route(),
    "beheer.import_csv": Route((ImportForm,)),
    "beheer.index": Route(query=("zoek",)),
    "beheer.likely_duplicates": Route(),
    "beheer.merge": Route((MergeForm,)),
    "beheer.not_duplicates": Route(),
    "beheer.new_service": Route((ServiceForm,)),
    "beheer.restore": Route(),
    "beheer.to_check": Route(),
    "beheer.translations_page": Route(),
    "beheer.save_translation": Route((TranslationForm,), prefix=lambda args: f"{args['language'][:8]}-"),
    "beheer.words": Route(),
    "board.index": Route(query=(BoardSearchForm,)),
    "board.markers": Route(query=(BoardSearchForm,)),
    "board.show_offer": Route(),
    "board.show_request": Route(),
    "dashboard.export": Route(query=(DashboardForm, "tabel")),
    "dashboard.index": Route(query=(DashboardForm, "tabel")),
    "directory.worry": Route(),
    "directory.worry_index": Route(),
    "directory.home": Route(),
    "directory.markers": Route(query=(SearchForm,)),
    "directory.search": Route(query=(SearchForm,)),
    "directory.show": Route(),
    "directory.theme": Route(query=(SearchForm,)),
    "findable.robots": Route(),
    "findable.search_handout": Route(query=(SearchForm,)),
    "findable.service_handout": Route(),
    "findable.sitemap_xml": Route(),
    "i18n.switch": Route(query=("terug",)),
    "mail_dev.index": Route(),
    "mail_dev.show": Route(),
    "matching.accept": Route(),
    "matching.agree": Route(),
    "matching.cancel": Route((matching_forms.CancelForm,)),
    "matching.complete": Route((matching_forms.CompleteForm,)),
    "matching.confirm": Route(),
    "matching.conversation": Route((matching_forms.MessageForm,)),
    "matching.coordinator_matches": Route(),
    "matching.propose": Route((matching_forms.ProposeForm,)),
    "matching.react_to_offer": Route((matching_forms.ReactToOfferForm,)),
    "matching.react_to_request": Route((matching_forms.ReactForm,)),
    "matching.withdraw": Route(),
    "matching.how_did_it_go": Route((matching_forms.CompleteForm,)),
    "matching.follow_up_list": Route(),
    "matching.note": Route((matching_forms.NoteForm,)),
    "workbench.index": Route(),
    "alerts.index": Route((alerts_forms.SubscribeForm,)),
    "alerts.stop": Route(),
    "alerts.stop_by_link": Route(),
    "moderation.approve": Route(),
    "moderation.block_user": Route((moderation_forms.BlockForm,), prefix=lambda args: f"blok-{args['user_id'][:8]}-"),
    "moderation.handle_report": Route((moderation_forms.HandleReportForm,),
                                      prefix=lambda args: f"melding-{args['report_id'][:8]}-"),
    "moderation.log": Route(query=("pagina",)),
    "moderation.queue": Route(),
    "moderation.reject": Route((moderation_forms.RejectForm,)),
    "moderation.report": Route((moderation_forms.ReportForm,)),
    "moderation.report_thanks": Route(),
    "moderation.reports": Route(),
    "moderation.review": Route(),
    "pages.cookies": Route(),
    "providers.check": Route((providers_forms.CheckForm,)),
    "providers.checked": Route(query=("wat",)),
    "providers.handle": Route((providers_forms.HandleForm,), prefix=lambda args: f"melding-{args['suggestion_id'][:8]}-"),
    "providers.queue": Route(),
    "providers.report": Route((providers_forms.ReportForm,)),
    "providers.send_link": Route((providers_forms.SendLinkForm,)),
    "pages.over_deze_gegevens": Route(),
    "pages.privacy": Route(),
    "pages.toegankelijkheid": Route(),
    "posts.edit": Route((RequestForm, OfferForm)),
    "posts.new_offer": Route((OfferForm,)),
    "posts.new_request": Route((RequestForm,)),
    "posts.renew": Route(),
    "posts.show_own": Route(query=("intrekken",)),
    "posts.submit": Route(),
    "posts.withdraw": Route(),
    "static": Route(),
    "assets.built": Route(),
    "suggestions.for_offer": Route(),
    "suggestions.for_request": Route(),
    "suggestions.refer": Route((ReferralForm,)),
}

# Values that get past the first checks, so the services behind the forms are reached too.
PLAUSIBLE = {
    "email": ["inwoner@example.org", "nieuw@example.org", "NULL"],
    "password": [PASSWORD, "een-ander-lang-wachtwoord"], "current": [PASSWORD],
    "postcode": ["7941 AB", "7941ab", "9999 ZZ"], "place": ["7941 AB", "Meppel", "Torenvalk 12, Meppel"],
    "plaats": ["Meppel", "7941"], "near": ["Meppel"], "bij": ["52.6956,6.1944"], "q": ["schulden", "boodschappen"],
    "woonplaats": ["Meppel"], "address": ["Torenvalk 12"], "gemeente": ["Meppel", "Tynaarlo"],
    "phone": ["0522 123 456"], "contact_phone": ["0522 123 456"], "contact_email": ["dochter@example.org"],
    "display_name": ["Jan"], "name": ["Buurthuis"], "title": ["Boodschappen"], "description": ["Hulp bij boodschappen"],
    "message": ["Ik kan helpen."], "reason": ["Dit hoort hier niet."], "note": ["Toelichting"],
    "availability": ["ma-ochtend", "za-middag"], "travel_km": ["5", "0", "101"], "privacy": ["y"],
    "date_from": ["2030-01-01", "2020-01-01"], "date_until": ["2030-01-02"], "van": ["2026-01-01"], "tot": ["2026-12-31"],
    "website": ["https://example.org"], "csv_text": ["naam;gemeente\nBuurthuis;Meppel\n"],
    "pagina": ["1", "2"], "page": ["1"], "radius_km": ["5"], "next": ["/account", "https://evil.example/"],
    "outcome": ["gegrond", "ongegrond"], "back": ["controle", "meldingen"], "intrekken": ["1"], "tabel": ["categorie"],
    "save": ["1"], "send": ["1"],
}
SPECIALS = st.sampled_from([
    "", " ", "\t\r\n", "\u00a0", "NULL", "None", "0", "-1", "9" * 400, "1e309", "NaN", "²", "١٢", "a@b",
    "2026-02-30", "24:61", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "\u202e", "\x00",
    "\x1b[31m", "İ", "👍🏽"])
BLANKS = st.text(st.sampled_from(" \t\r\n\u00a0\u2003\u3000"), max_size=3)
JUNK = st.one_of(
    BLANKS,
    SPECIALS,
    st.text(max_size=12),  # any unicode, control characters included
    st.builds(lambda char, size: char * size, st.characters(), st.integers(250, 6000)),
    st.integers(-10**40, 10**40).map(str),
    st.integers(300, 5000).map(lambda size: "9" * size),
)


def _spoiled(good):
    """A good value made bad: blanks around it, or it repeated many times."""
    return st.builds(lambda value, pad: pad + value + pad if pad else value * 300, good, BLANKS)


def test_every_route_has_a_strategy(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints - set(ROUTES) == set(), "add these endpoints to ROUTES"
    assert set(ROUTES) - endpoints == set(), "these endpoints are gone: remove them from ROUTES"


@pytest.fixture
def world(app, accounts):
    return make_larger_world(accounts)


@pytest.mark.parametrize("endpoint", sorted(ROUTES))
def test_bad_input_never_gives_a_5xx_and_a_refused_post_saves_nothing(app, client, world, endpoint):
    rules = [rule for rule in app.url_map.iter_rules() if rule.endpoint == endpoint]
    if not rules:
        pytest.skip(f"{endpoint} is not registered with this configuration")
    values = {**argument_values(world), "filename": ["css/site.css", "onbekend.js"]}
    ids = [row.id for row in world.values()]
    _fuzz(client, rules, ROUTES[endpoint], values, ids)


def _fuzz(client, rules, route, values, ids):
    sent = []

    @settings(max_examples=EXAMPLES * len(ROLES), derandomize=True, database=None, deadline=None,
              print_blob=False, suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def one_request(data):
        role = ROLES[len(sent) % len(ROLES)]  # every role in turn, each with its own examples
        sent.append(role)
        _log_in(client, role)
        rule = data.draw(st.sampled_from(rules), label="rule")
        args = {name: data.draw(st.sampled_from(values[name]) | JUNK.filter(bool), label=name)
                for name in rule.arguments}
        path = build(rule, args)
        method = data.draw(st.sampled_from(sorted(rule.methods & {"GET", "POST"})), label="method")
        if method == "GET":
            query = data.draw(_fields(route.query, "", ids), label="query")
            response = client.get(path, query_string=query)
        else:
            prefix = route.prefix(args) if route.prefix else ""
            form = data.draw(_fields(route.forms, prefix, ids), label="form")
            before = checksum()
            response = client.post(path, data=form, content_type="multipart/form-data")
            if _refused(response):
                assert checksum() == before, f"a refused POST {path} ({response.status_code}) changed the database"
        response.close()  # a file from static/ stays open until then
        assert response.status_code < 500, f"{method} {path} as {role or 'anonymous'}"
    one_request()


def _log_in(client, role):
    client.post("/uitloggen")
    if role is not None:
        # An earlier example may have deleted, blocked or re-passworded the account: then it goes on anonymous.
        client.post("/inloggen", data={"email": ROLE_ACCOUNTS[role][0], "password": PASSWORD})


def _refused(response):
    return response.status_code >= 400 or (response.status_code == 200 and b"utrecht-alert--error" in response.data)


def _fields(sources, prefix, ids):
    """A strategy for {name: value(s)}: every field of the form classes (and every named parameter) left out or
    given a good value, then one or two of them given junk (a form with junk everywhere would only ever
    test its first check), and maybe one made-up field added."""
    good, junk = {}, {}
    for source in sources:
        if isinstance(source, str):
            good[source] = _text_value(source, ids)
            junk[source] = JUNK | _spoiled(good[source])
        else:
            for field in _form_fields(source, prefix):
                good[field.name], junk[field.name] = _value(field, ids)
    return _filled(good, junk)


@st.composite
def _filled(draw, good, junk):
    values = draw(st.fixed_dictionaries({}, optional=good))
    if junk:
        for name in draw(st.lists(st.sampled_from(sorted(junk)), max_size=2, unique=True)):
            values[name] = draw(junk[name])
    values.update(draw(st.dictionaries(st.sampled_from(["x", "q", "id", "\u00e9", "a" * 300]), JUNK, max_size=1)))
    return values


def _form_fields(form_class, prefix):
    with current_app.test_request_context():
        return list(_leaves(form_class(formdata=None, prefix=prefix, meta={"csrf": False})))


def _leaves(fields):
    for field in fields:
        if isinstance(field, FieldList):
            for entry in field.entries:
                yield from _leaves([entry])
        elif isinstance(field, FormField):
            yield from _leaves(field.form)
        else:
            yield field


def _value(field, ids):
    """(good, junk) strategies for one field, after its type and its choices."""
    if isinstance(field, FileField):
        name = st.sampled_from(["voorzieningen.csv", "plaatje.png", "", "a" * 300 + ".csv"])
        good = st.builds(lambda name: (io.BytesIO(b"naam;gemeente\nBuurthuis;Meppel\n"), name), name)
        junk = st.builds(lambda data, name: (io.BytesIO(data), name),
                         st.sampled_from([b"\xff\xfe\x00", b"", b"naam\n" + b";" * 5000]) | st.binary(max_size=200), name)
        return good, junk
    good = _text_value(field.short_name, ids)
    choices = getattr(field, "choices", None)
    if isinstance(field, (SelectField, RadioField, SelectMultipleField)) and choices:
        pairs = choices.items() if isinstance(choices, dict) else choices
        good = st.sampled_from([str(pair[0]) for pair in pairs])
    elif isinstance(field, BooleanField):
        good = st.sampled_from(["y", "ja"])
    elif isinstance(field, DateField):
        good = st.dates().map(str)
    elif isinstance(field, TimeField):
        good = st.times().map(lambda moment: moment.strftime("%H:%M"))
    elif isinstance(field, IntegerField):
        good = st.integers(-5, 200).map(str)
    elif isinstance(field, SubmitField):
        good = st.just("1")
    junk = JUNK | _spoiled(good) if not isinstance(field, SubmitField) else JUNK
    if isinstance(field, SelectMultipleField):
        return st.lists(good, max_size=3), st.lists(good | junk, min_size=1, max_size=3)
    return good, junk


def _text_value(name, ids):
    plausible = PLAUSIBLE.get(name, [])
    if name.endswith("_id"):
        plausible = plausible + ids
    return st.sampled_from(plausible) if plausible else st.text(max_size=20)


NOT_SITE_DATA = {"rate_limit_counters"}  # the limiter counts refused attempts on purpose (PostgreSQL keeps them here)


def checksum():
    """A hash of every row of every table of the site's data, each table ordered by its primary key."""
    db.session.rollback()  # read what is committed, not what an aborted request left in the session
    digest = hashlib.sha256()
    for table in db.metadata.sorted_tables:
        if table.name in NOT_SITE_DATA:
            continue
        rows = db.session.execute(select(table).order_by(*table.primary_key.columns)).all()
        digest.update(f"{table.name}:{rows!r}".encode())
    return digest.hexdigest()
