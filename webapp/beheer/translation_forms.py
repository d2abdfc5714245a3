"""The form for one language's texts of a voorziening: shape only; the rules live in directory/translations.py."""
from flask_babel import lazy_gettext as _l
from wtforms import TextAreaField
from wtforms.validators import Length, Optional

from webapp.beheer.forms import _text
from webapp.directory.translations import TranslationData
from webapp.forms import VersionedForm


def _strip_text(value):
    return value.strip() if isinstance(value, str) else ""


class TranslationForm(VersionedForm):
    name = _text(_l("Naam"), 200)
    summary = TextAreaField(_l("Korte omschrijving (één zin)"), [Optional(), Length(max=300)], filters=[_strip_text])
    description = TextAreaField(_l("Beschrijving"), [Optional(), Length(max=3000)], filters=[_strip_text])

    def __init__(self, *args, prefix="", **kwargs):
        super().__init__(*args, prefix=prefix, **kwargs)
        for name in ("name", "summary", "description"):  # the text typed in is in that language
            self[name].render_kw = {"lang": prefix.rstrip("-"), "dir": "auto"}

    @classmethod
    def for_translation(cls, language, row, **kwargs):
        """The form of one language, its fields named '<language>-name' (several forms on one page)."""
        if row is None:
            form = cls(prefix=language, **kwargs)
            form.version.data = "0"  # no translation yet: one entered meanwhile by someone else is a conflict
            return form
        data = {"name": row.name, "summary": row.summary, "description": row.description}
        return cls(prefix=language, data=data, **kwargs).show_version(row)

    def to_data(self):
        return TranslationData(name=self.name.data or "", summary=self.summary.data or "",
                               description=self.description.data or "")
