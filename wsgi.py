"""Entry point for gunicorn (`gunicorn wsgi:app`) and the flask CLI (`flask --app wsgi ...`)."""
import sys

from webapp import create_app
from webapp.site import ConfigurationError

try:
    app = create_app()
except ConfigurationError as error:  # a missing setting: say which, in Dutch, without a traceback
    sys.exit(f"Buurtkaart start niet. {error}")
