"""`flask --app wsgi privacy ...`: the commands of privacy; packages add theirs to privacy_group."""
from flask.cli import AppGroup

privacy_group = AppGroup("privacy", help="Privacy: openbare punten en bewaartermijnen.")
