"""Retention: `flask --app wsgi privacy purge` (a daily timer) removes what is kept longer than its period.

The command sends `retention_purging` with `now` inside one write; every package that keeps personal data for a
limited time connects a receiver that removes or anonymises its own rows and returns [(what, how many)]. The
periods are settings (RETENTION_*_DAYS, see config.py and the README). This package removes the site's own log
files (LOG_DIR) itself.
"""
from datetime import timedelta
from pathlib import Path

from blinker import Namespace
from flask import current_app

from webapp.database import write_block
from webapp.models_base import utcnow

signals = Namespace()
retention_purging = signals.signal("retention-purging")


def cutoff(setting, now):
    """The moment before which what `setting` (e.g. RETENTION_MAIL_DAYS) keeps is due."""
    return now - timedelta(days=int(current_app.config[setting]))


def purge(now=None):
    """Everything past its period, removed in one write; [(what, how many)] in a fixed order."""
    now = now or utcnow()
    done = []
    with write_block():
        for _receiver, part in retention_purging.send(current_app._get_current_object(), now=now):
            done += part
    logs = remove_old_files(current_app.config.get("LOG_DIR"), cutoff("RETENTION_LOG_DAYS", now))
    done.append(("logbestanden", logs))
    return done


def remove_old_files(folder, before, pattern="*"):
    """Delete the files in `folder` (not below it) last written before `before`; how many."""
    if not folder or not Path(folder).is_dir():
        return 0
    removed = 0
    for path in Path(folder).glob(pattern):
        if path.is_file() and path.stat().st_mtime < before.timestamp():
            path.unlink(missing_ok=True)
            removed += 1
    return removed
