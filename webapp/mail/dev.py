"""/dev/mail: the .eml files of the file backend, so a newcomer on the demo site can follow a mailed link.

Registered only in demo mode with MAIL_BACKEND=file, and it answers only requests from this computer (the
loopback address): the mails hold reset and confirmation links. Content is shown as escaped text.
"""
import re
from datetime import datetime, timezone
from email import policy
from email.parser import BytesParser
from email.utils import parsedate_to_datetime
from pathlib import Path

from ipaddress import ip_address

from flask import Blueprint, abort, current_app, render_template, request
from flask_babel import format_datetime

bp = Blueprint("mail_dev", __name__)
NAME = re.compile(r"^[0-9A-Za-z_-]+\.eml$")
LINK = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")  # a full stop after a link is not part of it
SHOWN = 200
FORWARDING_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")


@bp.before_request
def _this_computer_only():
    """404, as if it did not exist, for anyone but a browser on the machine the demo runs on.

    A request that came through a proxy the site was not told about (PROXY_COUNT 0) is never "this computer",
    even though its address is the proxy's loopback one: a demo put behind nginx shows nobody the mails.
    """
    forwarded = any(name in request.headers for name in FORWARDING_HEADERS)
    if forwarded and not current_app.config["PROXY_COUNT"]:
        abort(404)
    try:
        loopback = ip_address(request.remote_addr or "").is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        abort(404)


@bp.route("/dev/mail")
def index():
    folder = Path(current_app.config["MAIL_DIR"])
    paths = sorted(folder.glob("*.eml"), reverse=True)[:SHOWN] if folder.is_dir() else []
    return render_template("mail_dev/index.html", mails=[_read(path, headers_only=True) for path in paths])


@bp.route("/dev/mail/<name>")
def show(name):
    path = Path(current_app.config["MAIL_DIR"]) / name
    if not NAME.match(name) or not path.is_file():
        abort(404)
    mail = _read(path)
    body = mail["message"].get_body(preferencelist=("plain",))
    text = body.get_content().replace("\r\n", "\n").strip() if body else ""
    paragraphs = [[_pieces(line) for line in block.split("\n")] for block in re.split(r"\n\s*\n", text)]
    return render_template("mail_dev/show.html", mail=mail, paragraphs=paragraphs)


def _read(path, headers_only=False):
    with path.open("rb") as handle:
        message = BytesParser(policy=policy.default).parse(handle, headersonly=headers_only)
    sent = (parsedate_to_datetime(message["Date"]) if message["Date"]
            else datetime.fromtimestamp(path.stat().st_mtime, timezone.utc))
    return {"name": path.name, "to": message["To"], "subject": message["Subject"],
            "time": format_datetime(sent, "d MMMM y, HH:mm:ss"), "message": message}


def _pieces(line):
    """'Klik op https://x/y.' -> [('Klik op ', False), ('https://x/y', True), ('.', False)]."""
    pieces, start = [], 0
    for match in LINK.finditer(line):
        pieces += [(line[start:match.start()], False), (match.group(), True)]
        start = match.end()
    return pieces + [(line[start:], False)]
