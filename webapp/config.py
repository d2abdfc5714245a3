"""Settings: safe defaults, overridden by exactly the environment variables the README names."""
import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = ROOT / "instance"


def _database_url():
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{INSTANCE / 'buurtkaart.db'}"
    # Some hosts hand out postgres:// URLs; SQLAlchemy 2 wants an explicit driver.
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://"):]
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return url


def _local_secret_key():
    """Without SECRET_KEY: one random key kept in instance/, shared by this server's workers.

    Several servers must set SECRET_KEY themselves (the README says so).
    """
    path = INSTANCE / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        INSTANCE.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(32)
        try:
            with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as handle:
                handle.write(key)
        except FileExistsError:  # another worker was first
            return path.read_text().strip()
        return key


class Config:
    """Read once at start-up; create_app(config) overrides any key (tests do)."""

    SECRET_KEY = os.environ.get("SECRET_KEY") or _local_secret_key()
    SQLALCHEMY_DATABASE_URI = _database_url()
    SEARCH_INDEX_DIR = os.environ.get("SEARCH_INDEX_DIR") or str(INSTANCE / "index")
    GEOCODER = (os.environ.get("GEOCODER") or "offline").strip().lower()
    MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")

    # Mail: MAIL_BACKEND=file (the default) writes .eml files to instance/mail and shows them on /dev/mail;
    # MAIL_BACKEND=smtp sends through MAIL_SERVER.
    MAIL_BACKEND = (os.environ.get("MAIL_BACKEND") or "file").strip().lower()
    MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
    MAIL_PORT = int(os.environ.get("MAIL_PORT") or 25)
    MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
    MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
    MAIL_USE_TLS = (os.environ.get("MAIL_USE_TLS") or "").strip().lower() in ("1", "true", "ja", "yes")
    MAIL_FROM = os.environ.get("MAIL_FROM") or "Buurtkaart <noreply@buurtkaart.invalid>"
    MAIL_DIR = str(INSTANCE / "mail")

    GEOCODER_USER_AGENT = "buurtkaart (gemeente Meppel sociale kaart)"
    BABEL_DEFAULT_LOCALE = "nl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Amsterdam"
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_HTTPONLY = True
    JSON_SORT_KEYS = False
    API_PAGE_SIZE = 20

    # Request size (webapp/request_size.py): every form 2 MB, form fields held in memory 500 kB (Flask's
    # default), the beheer CSV import 8 MB (a 2 MB file, posted back percent-encoded to confirm it).
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    MAX_FORM_MEMORY_SIZE = 500_000
    IMPORT_MAX_CONTENT_LENGTH = 8 * 1024 * 1024
