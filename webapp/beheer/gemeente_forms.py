"""The form for a gemeente's way in: shape only; the rules live in directory/gemeente_contacts.py."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, TextAreaField
from wtforms.validators import Length, Optional, Regexp

from webapp.beheer.forms import WEBSITE, _strip, _text
from webapp.directory.gemeente_contacts import ContactData
from webapp.forms import VersionedForm

# The national 14 + netnummer form ("14 0522") as well as an ordinary number.
PHONE = r"^(14 ?0[0-9]{2,3}|\+?[0-9][0-9 ()-]{8,18}[0-9])$"


class GemeenteContactForm(VersionedForm):
    name = _text(_l("Naam"), 200, required=True)
    phone = _text(_l("Telefoon"), 40, Regexp(PHONE, message=_l("Vul een telefoonnummer in, zoals 14 0522 of 0522 123 456.")))
    phone_source = _text(_l("Bron van het telefoonnummer"), 200)
    address = _text(_l("Adres (bezoekadres)"), 300)
    opening_hours = TextAreaField(_l("Openingstijden"), [Optional(), Length(max=1000)], filters=[_strip])
    website = _text(_l("Website"), 300, *WEBSITE)
    website_source = _text(_l("Bron van de website"), 200)
    last_checked_on = DateField(_l("Laatst gecontroleerd"), [Optional()])
    liberation_day_every_year = BooleanField(_l("Bevrijdingsdag (5 mei) is elk jaar een vrije dag"))

    @classmethod
    def for_contact(cls, contact, **kwargs):
        if contact is None:
            form = cls(**kwargs)
            form.version.data = "0"  # no row yet: one made meanwhile by someone else is a conflict
            return form
        data = {name: getattr(contact, name) for name in ContactData.__dataclass_fields__}
        return cls(data=data, **kwargs).show_version(contact)

    def to_data(self):
        return ContactData(**{name: getattr(self, name).data for name in ContactData.__dataclass_fields__})
