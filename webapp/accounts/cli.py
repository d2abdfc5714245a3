"""`flask accounts create EMAIL --role ... --gemeente ...`."""
import os
import sys

import click
from flask.cli import AppGroup

from webapp.accounts.models import ROLES
from webapp.accounts.services import create_account
from webapp.errors import RuleViolation

accounts_group = AppGroup("accounts", help="Accounts beheren.")
PASSWORD_ENV = "BUURTKAART_PASSWORD"


@accounts_group.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(ROLES), required=True)
@click.option("--gemeente", "gemeenten", multiple=True, required=True, help="Herhaal voor meer gemeenten.")
@click.option("--name", "display_name", default=None)
def create_command(email, role, gemeenten, display_name):
    """Create an account; the password comes from $BUURTKAART_PASSWORD or is asked for."""
    password = os.environ.get(PASSWORD_ENV) or click.prompt("Wachtwoord", hide_input=True,
                                                            confirmation_prompt="Nog een keer")
    try:
        user = create_account(email, password, role, gemeenten, display_name)
    except RuleViolation as violation:
        for _field, message in violation.reasons:
            click.echo(message, err=True)
        sys.exit(1)
    click.echo(f"Account gemaakt: {user.email} ({user.role}, {', '.join(user.gemeenten)}).")
