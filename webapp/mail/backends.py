"""Where a built message goes: .eml files in MAIL_DIR (the default, shown on /dev/mail) or an SMTP server.

`backend.connect()` gives a connection with `send(message)` and `close()`; one is used for a whole batch.
"""
import os
import smtplib
import ssl
from datetime import datetime, timezone
from pathlib import Path

SMTP_TIMEOUT = 10  # seconds per connect/command: a slow server delays the request that queued, never fails it


def for_app(app):
    if app.config["MAIL_BACKEND"] == "smtp":
        return SmtpBackend(app.config)
    if app.config["MAIL_BACKEND"] == "file":
        return FileBackend(app.config["MAIL_DIR"])
    raise ValueError(f"MAIL_BACKEND must be 'file' or 'smtp', not {app.config['MAIL_BACKEND']!r}")


class FileBackend:
    """RFC 5322 .eml files named so that sorting the names sorts by time written."""

    def __init__(self, folder):
        self.folder = Path(folder)

    def connect(self):
        self.folder.mkdir(parents=True, exist_ok=True)
        return self

    def send(self, message):
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
        outbox_id = message["Message-ID"].strip("<>").partition("@")[0]  # the Message-ID is the outbox id
        path = self.folder / f"{stamp}-{outbox_id}.eml"
        partial = path.with_suffix(".part")
        partial.write_bytes(message.as_bytes())
        os.replace(partial, path)  # /dev/mail never sees half a file

    def close(self):
        pass


class SmtpBackend:
    def __init__(self, config):
        self.config = config

    def connect(self):
        config = self.config
        if not config["MAIL_SERVER"]:
            raise RuntimeError("MAIL_BACKEND is smtp but MAIL_SERVER is not set")
        timeout = config.get("MAIL_TIMEOUT", SMTP_TIMEOUT)  # not a README setting: tests shorten it
        connection = smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=timeout)
        try:
            if config["MAIL_USE_TLS"]:
                connection.starttls(context=ssl.create_default_context())
            if config["MAIL_USERNAME"]:
                connection.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
        except BaseException:
            connection.close()
            raise
        return SmtpConnection(connection)


class SmtpConnection:
    def __init__(self, smtp):
        self.smtp = smtp

    def send(self, message):
        self.smtp.send_message(message)

    def close(self):
        try:
            self.smtp.quit()
        except (smtplib.SMTPException, OSError):
            self.smtp.close()
