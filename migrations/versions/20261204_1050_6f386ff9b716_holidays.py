"""holidays

Revision ID: 6f386ff9b716
Revises: 46278511c986
Create Date: 2026-12-04 10:50:00

Public holidays close a voorziening unless it is open on holidays (services.open_on_holidays); a gemeente may count
Bevrijdingsdag every year (gemeente_contacts.liberation_day_every_year), not only in lustrum years.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '6f386ff9b716'
down_revision = '46278511c986'
branch_labels = None
depends_on = None


def upgrade():
    # Plain ADD COLUMN, never a batch recreate: on SQLite that drops and copies `services`, and with foreign keys
    # on, the drop cascades to its schedules, locations and werkgebieden.
    op.add_column('services', sa.Column('open_on_holidays', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.add_column('gemeente_contacts', sa.Column('liberation_day_every_year', sa.Boolean(), nullable=False,
                                                 server_default=sa.false()))


def downgrade():
    op.drop_column('gemeente_contacts', 'liberation_day_every_year')
    op.drop_column('services', 'open_on_holidays')
