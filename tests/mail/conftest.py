"""Mail fixtures: an app whose MAIL_DIR is a temp folder, a real SMTP server on 127.0.0.1, and a user."""
import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from webapp.accounts.models import User
from webapp.extensions import db


class SmtpServer:
    """aiosmtpd on a free port of 127.0.0.1 that keeps what it receives; it can be stopped and started again."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.received, self.logins, self.controller = [], [], None
        self.refused = {}  # address -> the answer to RCPT TO, e.g. "550 5.1.1 Mailbox unknown"

    async def handle_RCPT(self, _server, _session, envelope, address, _options):
        if address in self.refused:
            return self.refused[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, _server, _session, envelope):
        message = message_from_bytes(envelope.original_content, policy=policy.default)
        self.received.append((envelope.mail_from, envelope.rcpt_tos, message))
        return "250 OK"

    def start(self, login=None):
        """`login=(user, password)`: require AUTH LOGIN/PLAIN with exactly these (plain text, only in tests)."""
        options = {"authenticator": self._authenticator(login), "auth_require_tls": False} if login else {}
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port, **options)
        self.controller.start()

    def stop(self):
        if self.controller:
            self.controller.stop()
            self.controller = None

    def _authenticator(self, expected):
        def check(_server, _session, _envelope, _mechanism, auth_data):
            given = (auth_data.login.decode(), auth_data.password.decode())
            self.logins.append(given)
            return AuthResult(success=given == expected, handled=False)  # aiosmtpd answers 535 itself
        return check


@pytest.fixture
def smtp():
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def app(app, request, tmp_path):
    """The usual app, with mail written to tmp_path/mail; a test that uses `smtp` sends through it."""
    app.config["MAIL_DIR"] = str(tmp_path / "mail")
    if "smtp" in request.fixturenames:
        app.config.update(MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=request.getfixturevalue("smtp").port,
                          MAIL_FROM="Buurtkaart Meppel <noreply@buurtkaart.test>")
    return app


@pytest.fixture
def user(app):
    resident = User(email="joke@example.nl", display_name="Joke", role="inwoner")
    db.session.add(resident)
    db.session.commit()
    return resident


@pytest.fixture
def mail_dir(app, tmp_path):
    return tmp_path / "mail"
