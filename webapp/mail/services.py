"""Queueing a mail in the caller's transaction."""
from flask import current_app
from flask_babel import force_locale, get_locale

from webapp.extensions import db
from webapp.i18n.services import html_lang_dir
from webapp.mail.models import OutboxMail
from webapp.models_base import new_uuid

QUEUED = "mail_queued_ids"  # session.info key: ids of the mails this transaction queued


def queue_mail(to_address, template, *, subject, essential=True, user=None, unsubscribe_url=None, language=None,
               **context):
    """Render templates/mail/<template>.txt and .html and add the mail to db.session; the caller commits.

    A mail that is not strictly needed (essential=False) needs `user` and the user's `unsubscribe_url`
    (accounts.unsubscribe.unsubscribe_url): it is not queued at all (None) when that user opted out, and
    otherwise carries that one-click link. The mail is written in `language` when the reader is the person asking
    for it (a confirmation link), else in the site's default language: a mail to someone else must not take the
    language of whoever caused it. So `subject` is a lazy string (`_l`), translated here.
    """
    if not essential:
        if user is None or not unsubscribe_url:
            raise ValueError("a non-essential mail needs the user and the unsubscribe link, for the opt-out")
        if user.mail_opt_out:
            return None
        context["unsubscribe_url"] = unsubscribe_url
    with force_locale(language or current_app.config["BABEL_DEFAULT_LOCALE"]):
        to_address, subject = _one_line(to_address), _one_line(subject)
        mail_lang, mail_dir = html_lang_dir(get_locale())
        context.update(user=user, subject=subject, mail_lang=mail_lang, mail_dir=mail_dir)
        mail = OutboxMail(
            id=new_uuid(), to_address=to_address, subject=subject, kind=template, essential=essential,
            text_body=_render(f"mail/{template}.txt", context), html_body=_render(f"mail/{template}.html", context),
        )
    db.session.add(mail)
    db.session.info.setdefault(QUEUED, set()).add(mail.id)
    return mail


def _render(name, context):
    """Straight from the Jinja environment (with `_()`), without the web pages' context processors: a mail
    needs no request (it may be queued from the CLI) and nothing of the visitor's session belongs in it."""
    return current_app.jinja_env.get_template(name).render(context)


def _one_line(value):
    """Header values: a line break would let text inject headers (the email package refuses them anyway)."""
    return " ".join(str(value).split())

