"""`flask --app wsgi moderation block-everywhere EMAIL --reden "..."`: a site-wide block, from the command line."""
import sys

import click
from flask.cli import AppGroup
from sqlalchemy import select

from webapp.accounts.models import User
from webapp.errors import RuleViolation
from webapp.extensions import db
from webapp.moderation.blocking import block_everywhere

moderation_group = AppGroup("moderation", help="Voor elkaar: moderatie.")


@moderation_group.command("block-everywhere")
@click.argument("email")
@click.option("--reden", "reason", required=True, help="Waarom; staat in het logboek van elke gemeente.")
def block_everywhere_command(email, reason):
    """End an inwoner's account on the whole site: logged out everywhere, every post offline."""
    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        click.echo("Geen account met dit e-mailadres.", err=True)
        sys.exit(1)
    try:
        posts = block_everywhere(user, None, reason)
    except RuleViolation as violation:
        for _field, message in violation.reasons:
            click.echo(message, err=True)
        sys.exit(1)
    click.echo(f"Overal geblokkeerd: {user.email}. Berichten offline: {len(posts)}.")
