"""Mail: an outbox table filled in the same transaction as its cause, sent after the commit with retries.

The account flows call `queue_mail(...)` and commit; `flask --app wsgi mail send-pending` on a timer is the
backstop for mails that could not be sent straight after their commit.
"""
import logging

from webapp.mail import cli, dev, hooks
from webapp.mail.outbox import send_pending  # noqa: F401  (public interface)
from webapp.mail.services import queue_mail  # noqa: F401  (public interface)

log = logging.getLogger(__name__)


def init_app(app):
    from webapp.mail.erasure import erase_mails
    from webapp.mail.retention import purge_mails
    from webapp.privacy.erasure import account_erasing
    from webapp.privacy.retention import retention_purging

    hooks.register()
    account_erasing.connect(erase_mails)  # signals are process-wide; connecting again is a no-op
    retention_purging.connect(purge_mails)
    app.cli.add_command(cli.mail_group)
    if app.config["DEMO"] and app.config["MAIL_BACKEND"] == "file":
        app.register_blueprint(dev.bp)  # demo mode only, and then for this computer only
    elif app.config["MAIL_BACKEND"] == "file" and not app.testing:
        log.warning("MAIL_BACKEND=file outside demo mode: mails are written to %s and not sent.",
                    app.config["MAIL_DIR"])
