"""Every route of the app with its URL arguments filled in, shared by the privacy test and the fuzz test.

`make_world` stores two residents' posts, their conversation and a report (plus a voorziening and an intake
account); `argument_values` gives, per URL argument name, the ids of that world to put in a path.
A route with an argument this module does not know fails both tests until it is added here.
"""
from datetime import date, time
from urllib.parse import quote

from sqlalchemy import select

from tests.factories import make_post, make_service
from webapp.accounts.intake import create_intake_account
from webapp.extensions import db
from webapp.matching.models import Match, Message
from webapp.moderation.models import AbuseReport
from webapp.opendata.ids import TAXONOMY_ID, theme_id
from webapp.agenda.models import Activity
from webapp.providers.models import ListingReminder, ListingSuggestion
from webapp.providers.tokens import make_token
from webapp.search.vocabulary import SynonymGroup

ASKER_PHONE, HELPER_PHONE, CONTACT_PHONE = "0522-987654", "06-11223344", "06-55667788"
CONTACT_EMAIL = "dochter.privacy@example.org"


def make_world(accounts):
    asker, helper = accounts["inwoner"], accounts["inwoner_b"]
    asker.phone, helper.phone = ASKER_PHONE, HELPER_PHONE
    request = make_post("hulpvraag", author=asker, place="Torenvalk 12, Meppel", title="Boodschappen gezocht",
                        description=f"Bel mij op {ASKER_PHONE}", behalf_name="Mevrouw Geheim",
                        behalf_relation="familie", contact_choice="hulpvrager", contact_name="Dochter Geheim",
                        contact_phone=CONTACT_PHONE, contact_email=CONTACT_EMAIL)
    offer = make_post("hulpaanbod", author=helper, place="Albert Toriedreef 5, Meppel", title="Ik doe boodschappen",
                      description=f"Mail naar {helper.email}", categories="boodschappen", availability="za-ochtend")
    match = Match(request=request, offer=offer, helper=helper, gemeente="Meppel", started_by="helper")
    match.messages.append(Message(author=helper, body=f"Ik kan helpen, bel {HELPER_PHONE}"))
    report = AbuseReport(post=request, gemeente="Meppel", reporter=helper, reason="test")
    db.session.add_all([match, report])
    db.session.commit()
    return {"asker": asker, "helper": helper, "request": request, "offer": offer, "match": match, "report": report}


def make_larger_world(accounts):
    """make_world, plus what the other routes act on: a concept, a voorziening, an intake account."""
    world = make_world(accounts)
    world["concept"] = make_post("hulpvraag", author=accounts["inwoner"], status="concept", title="Nog een concept")
    world["service"] = make_service("Buurthuis De Fuzz", gemeente="Meppel")
    world["suggestion"] = ListingSuggestion(service_id=world["service"].id, source="bezoeker", note="Verhuisd.",
                                            service_version=world["service"].version)
    world["reminder"] = ListingReminder(service_id=world["service"].id, to_address="info@fuzz.example")
    world["activity"] = Activity(service_id=world["service"].id, title="Koffieochtend", starts_on=date(2026, 1, 5),
                                 start_time=time(10))
    db.session.add_all([world["suggestion"], world["reminder"], world["activity"]])
    db.session.commit()
    world["intake"] = create_intake_account(accounts["coordinator"], "Mevrouw Telefoon", "7941 AB", "0522 000 000",
                                            "Meppel")
    return world


def argument_values(world):
    """{URL argument: [values]}: real ids of the world, and a made-up value that must give a Dutch 404."""
    values = {
        "post_id": [world["request"].id, world["offer"].id],
        "match_id": [world["match"].id],
        "subscription_id": ["onbekend"],
        "report_id": [world["report"].id],
        "user_id": [world["asker"].id, world["helper"].id],
        "service_id": ["onbekend"],
        "district_id": ["onbekend"],
        "activity_id": ["onbekend"],
        "slug": ["onbekend"],
        "token": ["onbekend"],
        "name": ["onbekend"],
        "gemeente": ["onbekend", "meppel"],
        "group_id": ["onbekend", *db.session.scalars(select(SynonymGroup.id).order_by(SynonymGroup.name).limit(1))],
        "link_id": ["onbekend"],
        "organization_id": ["onbekend"],
        "taxonomy_id": ["onbekend", TAXONOMY_ID],
        "term_id": ["onbekend", theme_id("wonen")],
        "suggestion_id": ["onbekend"],
        "keep_id": ["onbekend"],
        "drop_id": ["onbekend"],
        "first_id": ["onbekend"],
        "second_id": ["onbekend"],
        "code": ["en", "ar", "nl", "onbekend"],
        "language": ["en", "onbekend"],
        "filename": ["css/site.css", "onbekend.css"],  # /static/dist/<filename>: nothing built in tests, so 404s
    }
    if "service" in world:
        values["service_id"].insert(0, world["service"].id)
        values["slug"].insert(0, world["service"].slug)
        values["post_id"].append(world["concept"].id)
        values["user_id"].append(world["intake"].id)
        values["link_id"].insert(0, world["service"].locations[0].id)
        values["suggestion_id"].insert(0, world["suggestion"].id)
        values["keep_id"].insert(0, world["service"].id)
        values["drop_id"].insert(0, world["service"].id)
        values["first_id"].insert(0, world["service"].id)
        values["second_id"].insert(0, world["service"].id)
        values["token"].insert(0, make_token(world["reminder"]))  # the provider's link (other tokens refuse it)
        values["activity_id"].insert(0, world["activity"].id)
    return values


def rules(app, method, skipped=()):
    return [rule for rule in app.url_map.iter_rules() if method in rule.methods and rule.endpoint not in skipped]


def build(rule, args):
    """The rule's path with `args` ({name: raw text}) put in, each percent-encoded."""
    path = rule.rule
    for name, value in args.items():
        if name:
            path = path.replace(f"<{name}>", quote(value, safe="")).replace(f"<path:{name}>", quote(value, safe="/"))
    return path
