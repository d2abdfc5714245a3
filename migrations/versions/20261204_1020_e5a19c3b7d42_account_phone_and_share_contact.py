"""account phone numbers in E.164 and what a confirmed match shares

Revision ID: e5a19c3b7d42
Revises: b7d41e9c2a60
Create Date: 2026-12-04 10:20:00

users.share_contact: "telefoon", "e-mail" or "beide" (the default). Phone numbers typed before they were checked
are rewritten to E.164 when they are valid numbers; anything else is left as it was typed.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e5a19c3b7d42'
down_revision = 'b7d41e9c2a60'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("share_contact", sa.String(length=10), nullable=False, server_default="beide"))
    _normalise_phones()


def _normalise_phones():
    import phonenumbers
    users = sa.table("users", sa.column("id", sa.String), sa.column("phone", sa.String))
    connection = op.get_bind()
    for user_id, phone in connection.execute(sa.select(users.c.id, users.c.phone).where(users.c.phone.isnot(None))):
        try:
            number = phonenumbers.parse(phone, "NL")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            connection.execute(users.update().where(users.c.id == user_id).values(phone=e164))


def downgrade():
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_column("share_contact")
