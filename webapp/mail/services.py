"""Queueing a mail in the caller's transaction, and the signed one-click unsubscribe link."""
from flask import current_app
from itsdangerous import BadData, URLSafeTimedSerializer

from webapp.database import begin_write
from webapp.extensions import db
from webapp.mail.models import OutboxMail
from webapp.models_base import new_uuid
from webapp.site import absolute_url

QUEUED = "mail_queued_ids"  # session.info key: ids of the mails this transaction queued
UNSUBSCRIBE_SALT = "unsubscribe"
UNSUBSCRIBE_MAX_AGE = 365 * 24 * 3600  # a link in an old mail should still work


def queue_mail(to_address, template, *, subject, essential=True, user=None, **context):
    """Render templates/mail/<template>.txt and .html and add the mail to db.session; the caller commits.

    A mail that is not strictly needed (essential=False) needs `user`: it is not queued at all (None) when
    that user opted out, and otherwise carries a one-click unsubscribe link. `subject` is already translated.
    """
    if not essential:
        if user is None:
            raise ValueError("a non-essential mail needs the user, for the opt-out and the unsubscribe link")
        if user.mail_opt_out:
            return None
        context["unsubscribe_url"] = absolute_url("mail.unsubscribe", token=unsubscribe_token(user.id))
    to_address, subject = _one_line(to_address), _one_line(subject)
    context.update(user=user, subject=subject)
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


def _serializer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=UNSUBSCRIBE_SALT)


def unsubscribe_token(user_id):
    return _serializer().dumps(user_id)


def read_unsubscribe_token(token):
    """The user id in an unsubscribe token, or None for a bad or old one."""
    try:
        return _serializer().loads(token, max_age=UNSUBSCRIBE_MAX_AGE)
    except BadData:
        return None


def opt_out(token):
    """Stop the mails that are not strictly needed for the user in the token; False for a bad or old token."""
    from webapp.accounts.models import User  # here, not at the top: accounts imports this package
    user_id = read_unsubscribe_token(token)
    if user_id is None:
        return False
    begin_write(db.session)
    user = db.session.get(User, user_id)
    if user is not None and not user.mail_opt_out:  # a deleted account gets no mail at all
        user.mail_opt_out = True
    db.session.commit()
    return True
