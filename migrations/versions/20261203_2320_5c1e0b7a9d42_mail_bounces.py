"""mail bounces: an outbox mail refused for good, and the address it was for

Revision ID: 5c1e0b7a9d42
Revises: 7c1e5a9d3b20
Create Date: 2026-12-03 22:40:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '5c1e0b7a9d42'
down_revision = '7c1e5a9d3b20'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('outbox_mails', schema=None) as batch_op:
        batch_op.add_column(sa.Column('failed_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_bounced_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('email_bounced_at')
    with op.batch_alter_table('outbox_mails', schema=None) as batch_op:
        batch_op.drop_column('failed_at')
