"""Forms for a hulpvraag and a hulpaanbod: shape only; the rules live in rules.py."""
from flask_babel import lazy_gettext as _l
from wtforms import (BooleanField, DateField, IntegerField, RadioField, SelectField, SelectMultipleField, StringField,
                     SubmitField, TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from webapp.forms import CheckboxList, ChoiceField, OnceForm, VersionedForm
from webapp.models_base import utcnow
from webapp.posts import publishing
from webapp.posts.data import OfferData, RequestData
from webapp.posts.vocab import (CATEGORIES, CONTACT_MINE, CONTACT_THEIRS, DAY_PARTS, RELATIONS, SLOTS, WEEKDAYS,
                                WHEN_FLEXIBLE, WHEN_LABELS)

SELF, OTHER = "zelf", "ander"


def _text(label, limit, required=None):
    first = DataRequired(required) if required else Optional()
    return StringField(label, [first, Length(max=limit)], filters=[_strip])


def _strip(value):
    return (value.strip() or None) if isinstance(value, str) else value


class PostForm(VersionedForm, OnceForm):
    title = _text(_l("Titel"), 120, required=_l("Vul een titel in."))
    description = TextAreaField(_l("Beschrijving"), [DataRequired(_l("Vul een beschrijving in.")), Length(max=2000)],
                                filters=[_strip])
    place = _text(_l("Postcode of adres"), 200, required=_l("Vul een postcode of adres in."))
    save = SubmitField(_l("Opslaan als concept"))
    send = SubmitField(_l("Versturen ter controle"))

    @classmethod
    def for_post(cls, post, **kwargs):
        """The form as the author last wrote it: an edit that waits for review shows its own values."""
        values = {name: publishing.pending_value(post, name) for name in publishing.EDITABLE_FIELDS}
        values["place"] = values["place_text"]
        return cls(data=cls.initial(values), **kwargs).show_version(post)


class RequestForm(PostForm):
    category = SelectField(_l("Onderwerp"), [DataRequired(_l("Kies een onderwerp."))],
                           choices=[("", _l("Kies een onderwerp"))] + list(CATEGORIES.items()))
    when_kind = RadioField(_l("Wanneer heeft u hulp nodig?"), choices=list(WHEN_LABELS.items()), default=WHEN_FLEXIBLE)
    date_from = DateField(_l("Datum (of eerste dag)"), [Optional()])
    date_until = DateField(_l("Laatste dag (bij een periode)"), [Optional()])
    when_note = _text(_l("Toelichting over het moment"), 200)
    for_whom = RadioField(_l("Voor wie is de hulp?"), default=SELF,
                          choices=[(SELF, _l("Voor mezelf")), (OTHER, _l("Voor iemand anders"))])
    behalf_name = _text(_l("Naam van degene die hulp nodig heeft"), 100)
    behalf_relation = ChoiceField(_l("Wie bent u voor deze persoon?"), [Optional()],
                                  choices=[("", _l("Kies"))] + list(RELATIONS.items()))
    contact_choice = RadioField(_l("Wiens gegevens krijgt de helper?"), default=CONTACT_MINE, choices=[
        (CONTACT_MINE, _l("Mijn gegevens")), (CONTACT_THEIRS, _l("De gegevens van degene die hulp nodig heeft"))])
    contact_name = _text(_l("Naam voor het contact"), 100)
    contact_phone = _text(_l("Telefoon"), 40)
    contact_email = _text(_l("E-mail"), 254)
    consent = BooleanField(_l("Deze persoon weet van deze hulpvraag en vindt het goed dat ik die plaats."))
    coordinator_only = BooleanField(_l("Alleen de coördinator ziet mijn vraag (niet op de website)"))

    @staticmethod
    def initial(values):
        values["category"] = values["categories"]
        values["consent"] = bool(values.get("consent_at"))
        values["for_whom"] = OTHER if values["behalf_name"] else SELF
        values["contact_choice"] = values["contact_choice"] or CONTACT_MINE
        return values

    def to_data(self):
        return RequestData(
            title=self.title.data or "", description=self.description.data or "", category=self.category.data,
            when_kind=self.when_kind.data, place=self.place.data or "", date_from=self.date_from.data,
            date_until=self.date_until.data, when_note=self.when_note.data, for_other=self.for_whom.data == OTHER,
            behalf_name=self.behalf_name.data, behalf_relation=self.behalf_relation.data or None,
            contact_choice=self.contact_choice.data, contact_name=self.contact_name.data,
            contact_phone=self.contact_phone.data, contact_email=self.contact_email.data,
            consent_at=utcnow() if self.consent.data and self.for_whom.data == OTHER else None,
            coordinator_only=bool(self.coordinator_only.data))


class OfferForm(PostForm):
    categories = CheckboxList(_l("Waar kunt u bij helpen?"), [Optional()], choices=list(CATEGORIES.items()),
                              validate_choice=False)
    # The grid of days x parts of the day is drawn by the template; the rules check every value.
    availability = SelectMultipleField(_l("Wanneer kunt u helpen?"), [Optional()], validate_choice=False,
                                       choices=[(slot, slot) for slot in SLOTS])
    travel_km = IntegerField(_l("Hoe ver wilt u reizen (km)?"), [InputRequired(_l("Vul in hoeveel kilometer."))])

    @staticmethod
    def initial(values):
        values["categories"] = [slug for slug in (values["categories"] or "").split(",") if slug]
        values["availability"] = [slot for slot in (values["availability"] or "").split(",") if slot]
        return values

    def to_data(self):
        return OfferData(title=self.title.data or "", description=self.description.data or "",
                         categories=tuple(self.categories.data or ()), availability=tuple(self.availability.data or ()),
                         travel_km=self.travel_km.data, place=self.place.data or "")


FORMS = {RequestData.kind: RequestForm, OfferData.kind: OfferForm}
GRID = [(day, day_label, [(f"{day}-{part}", part_label) for part, part_label in DAY_PARTS.items()])
        for day, day_label in WEEKDAYS.items()]
