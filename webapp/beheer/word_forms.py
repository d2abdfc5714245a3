"""Forms of the vocabulary page (/beheer/woorden): shape only; the rules live in directory/synonyms.py."""
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from webapp.beheer.forms import _strip
from webapp.forms import BaseForm, ChoiceField, OnceForm, VersionedForm

WORDS_LIMIT = 4000


class SynonymGroupForm(VersionedForm):
    words = TextAreaField(_l("Woorden die hetzelfde betekenen"), [Length(max=WORDS_LIMIT)], filters=[_strip])

    @classmethod
    def for_group(cls, group, **kwargs):
        return cls(data={"words": ", ".join(group.members[1:])}, **kwargs).show_version(group)


class NewGroupForm(OnceForm):
    name = StringField(_l("Naam van de groep (één woord)"),
                       [DataRequired(message=_l("Vul één woord in als naam van de groep.")), Length(max=60)],
                       filters=[_strip])
    words = TextAreaField(_l("Woorden die hetzelfde betekenen"), [Length(max=WORDS_LIMIT)], filters=[_strip])


class AddWordForm(BaseForm):
    """One click from the list of searches without results: the words, and the group they join."""

    word = HiddenField(validators=[DataRequired(), Length(max=200)])
    group = ChoiceField(_l("Groep"), validators=[DataRequired(message=_l("Kies een groep."))])
