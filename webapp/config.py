"""Settings: safe defaults, overridden by exactly the environment variables the README names."""
import os
import secrets
from datetime import timedelta
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


def _flag(name):
    return (os.environ.get(name) or "").strip().lower() in ("1", "true", "ja", "yes", "on")


def _site_url(demo):
    """SITE_URL (BUURTKAART_SITE_URL is its old name); in demo mode this computer's own address by default."""
    url = (os.environ.get("SITE_URL") or os.environ.get("BUURTKAART_SITE_URL") or "").strip()
    if not url and demo:
        url = f"http://127.0.0.1:{os.environ.get('PORT') or 8000}"
    return url.rstrip("/")


def local_secret_key(instance):
    """Without SECRET_KEY: one random key kept in the instance folder, shared by this server's workers.

    create_app asks for it (importing this module writes nothing). Several servers must set SECRET_KEY
    themselves (the README says so).
    """
    path = Path(instance) / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_hex(32)
        try:
            with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as handle:
                handle.write(key)
        except FileExistsError:  # another worker was first
            return path.read_text().strip()
        return key


class Config:
    """Read once at start-up; create_app(config) overrides any key (tests do)."""

    # Demo mode (scripts/run.sh sets it): example accounts, /dev/mail for this computer, a banner on every page.
    DEMO = _flag("BUURTKAART_DEMO")
    # The one address of the site: every link in a mail and every absolute URL comes from it, never from a request.
    SITE_URL = _site_url(DEMO)
    PROXY_COUNT = int(os.environ.get("PROXY_COUNT") or 0)  # reverse proxies in front (nginx: 1); 0 = none
    SECRET_KEY = os.environ.get("SECRET_KEY")  # None: create_app uses local_secret_key(instance/)
    SQLALCHEMY_DATABASE_URI = _database_url()
    SEARCH_INDEX_DIR = os.environ.get("SEARCH_INDEX_DIR") or str(INSTANCE / "index")
    # Where `flask assets build` writes the hashed, compressed static files and their manifest (webapp/assets).
    ASSETS_DIR = os.environ.get("ASSETS_DIR") or str(ROOT / "static" / "dist")
    SEARCH_APPLY = (os.environ.get("SEARCH_APPLY") or "background").strip().lower()  # or "inline"
    # Search pages kept per worker for visitors without a session (webapp/pagecache): seconds (0 = off), pages.
    PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS") or 10)
    PAGE_CACHE_ENTRIES = int(os.environ.get("PAGE_CACHE_ENTRIES") or 300)
    GEOCODER = (os.environ.get("GEOCODER") or "offline").strip().lower()
    MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")

    # Mail: MAIL_BACKEND=smtp (the default outside demo mode) sends through MAIL_SERVER; MAIL_BACKEND=file (the
    # demo's default) writes .eml files to instance/mail, shown on /dev/mail in demo mode only.
    MAIL_BACKEND = (os.environ.get("MAIL_BACKEND") or ("file" if DEMO else "smtp")).strip().lower()
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
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "webapp" / "translations")  # one catalog per language, see README
    # The languages a voorziening's texts may be translated into in beheer (webapp/directory/translations.py),
    # whatever catalogs the interface has; a reader sees a translation when the page is in its language.
    CONTENT_LANGUAGES = tuple(code.strip() for code in (os.environ.get("CONTENT_LANGUAGES") or "en,ar").split(",")
                              if code.strip())
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    # Sessions end after this long without a request (webapp/accounts/sessions.py), and at logout everywhere.
    STAFF_IDLE_TIMEOUT = timedelta(hours=8)  # coördinatoren and beheerders
    RESIDENT_IDLE_TIMEOUT = timedelta(days=30)
    PERMANENT_SESSION_LIFETIME = timedelta(days=30)  # the signed cookie itself is refused after this
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_HTTPONLY = True
    # Limits (Flask-Limiter; README "Grenzen"). Counts live in Redis when RATELIMIT_STORAGE_URI is set, else in
    # a SQLite file of their own (RATELIMIT_SQLITE_PATH) or, on PostgreSQL, in the rate_limit_counters table.
    RATELIMIT_ENABLED = (os.environ.get("RATELIMIT_ENABLED") or "1").strip().lower() not in ("0", "false", "nee", "no")
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "")
    RATELIMIT_SQLITE_PATH = os.environ.get("RATELIMIT_SQLITE_PATH") or str(INSTANCE / "ratelimit.db")
    RATELIMIT_LOGIN_ACCOUNT = os.environ.get("RATELIMIT_LOGIN_ACCOUNT") or "10 per 15 minutes"
    RATELIMIT_LOGIN_ADDRESS = os.environ.get("RATELIMIT_LOGIN_ADDRESS") or "50 per hour"
    RATELIMIT_RESET_MAIL = os.environ.get("RATELIMIT_RESET_MAIL") or "3 per hour"
    RATELIMIT_SIGNUP_MAIL = os.environ.get("RATELIMIT_SIGNUP_MAIL") or "3 per hour"  # registration mails per recipient
    RATELIMIT_REGISTER = os.environ.get("RATELIMIT_REGISTER") or "5 per hour"
    RATELIMIT_POSTS = os.environ.get("RATELIMIT_POSTS") or "5 per day"
    RATELIMIT_MESSAGES = os.environ.get("RATELIMIT_MESSAGES") or "30 per hour"
    RATELIMIT_REPORTS = os.environ.get("RATELIMIT_REPORTS") or "5 per hour"
    RATELIMIT_REPORTS_PER_POST = os.environ.get("RATELIMIT_REPORTS_PER_POST") or "3 per day"
    RATELIMIT_API = os.environ.get("RATELIMIT_API") or "120 per minute"
    RATELIMIT_LISTING_REPORTS = os.environ.get("RATELIMIT_LISTING_REPORTS") or "5 per hour"  # "Klopt er iets niet?"

    # Providers keep their listing right (webapp/providers): a listing not checked for this many days is stale;
    # its contact gets a signed link valid LISTING_LINK_DAYS, at most one reminder per LISTING_REMINDER_EVERY_DAYS.
    LISTING_CHECK_AFTER_DAYS = int(os.environ.get("LISTING_CHECK_AFTER_DAYS") or 365)
    LISTING_REMINDER_EVERY_DAYS = int(os.environ.get("LISTING_REMINDER_EVERY_DAYS") or 90)
    LISTING_LINK_DAYS = int(os.environ.get("LISTING_LINK_DAYS") or 30)

    # The licence of the open data (/api/v1/hsds/, the HSDS export): the gemeente decides; CC0 until it has.
    OPEN_DATA_LICENCE_NAME = os.environ.get("OPEN_DATA_LICENCE_NAME") or "CC0 1.0"
    OPEN_DATA_LICENCE_URL = (os.environ.get("OPEN_DATA_LICENCE_URL")
                             or "https://creativecommons.org/publicdomain/zero/1.0/")

    # Privacy (webapp/privacy, webapp/geo/density.py): a post's public point stands for at least this many addresses.
    PRIVACY_K = int(os.environ.get("PRIVACY_K") or 50)
    # Retention (`flask privacy purge`, daily): days after which what each keeps is removed or anonymised.
    RETENTION_LOG_DAYS = int(os.environ.get("RETENTION_LOG_DAYS") or 14)  # files in LOG_DIR (the access log)
    LOG_DIR = os.environ.get("LOG_DIR") or str(INSTANCE / "logs")
    RETENTION_MAIL_DAYS = int(os.environ.get("RETENTION_MAIL_DAYS") or 30)  # sent or refused mails, mail files
    RETENTION_CONVERSATIONS_DAYS = int(os.environ.get("RETENTION_CONVERSATIONS_DAYS") or 180)  # after it ended
    RETENTION_CLOSED_POSTS_DAYS = int(os.environ.get("RETENTION_CLOSED_POSTS_DAYS") or 365)  # after closing
    RETENTION_MISSED_SEARCH_DAYS = int(os.environ.get("RETENTION_MISSED_SEARCH_DAYS") or 365)  # since last seen
    RETENTION_GEOCODE_CACHE_DAYS = int(os.environ.get("RETENTION_GEOCODE_CACHE_DAYS") or 90)  # Nominatim's answers
    # Handled corrections and "Klopt er iets niet?" remarks (what was taken over is in the audit log); reminders.
    RETENTION_LISTING_SUGGESTIONS_DAYS = int(os.environ.get("RETENTION_LISTING_SUGGESTIONS_DAYS") or 365)

    # Operations (webapp/ops): who may read /metrics (addresses or networks, after PROXY_COUNT), when /healthz says
    # "degraded": index behind by more than this many seconds, a timer without success for so many minutes.
    METRICS_ALLOWED_IPS = os.environ.get("METRICS_ALLOWED_IPS") or "127.0.0.1,::1"
    HEALTH_INDEX_LAG_SECONDS = float(os.environ.get("HEALTH_INDEX_LAG_SECONDS") or 60)
    # "name=minutes" for a timer, a bare number for every other one.
    TIMER_MAX_AGE_MINUTES = os.environ.get("TIMER_MAX_AGE_MINUTES") or "mail-send-pending=15,1500"

    # Request size (webapp/request_size.py): every form 2 MB, form fields held in memory 500 kB (Flask's
    # default), the beheer CSV import 8 MB (a 2 MB file, posted back percent-encoded to confirm it).
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    MAX_FORM_MEMORY_SIZE = 500_000
    IMPORT_MAX_CONTENT_LENGTH = 8 * 1024 * 1024
