"""post consent and coordinator-only vragen

Revision ID: 581902237255
Revises: 4d7a2c9e1f05
Create Date: 2026-12-04 12:00:00

A vraag placed for someone else records who agreed and when (consent_name, consent_at); a vraag can be seen by
the coördinatoren only (coordinator_only): never on the board, the map, the API or the index.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '581902237255'
down_revision = '4d7a2c9e1f05'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('consent_name', sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column('consent_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('coordinator_only', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('posts', schema=None) as batch_op:
        batch_op.drop_column('coordinator_only')
        batch_op.drop_column('consent_at')
        batch_op.drop_column('consent_name')
