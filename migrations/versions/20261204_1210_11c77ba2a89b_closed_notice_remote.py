"""closed, notice, remote only

Revision ID: 11c77ba2a89b
Revises: 581902237255
Create Date: 2026-12-04 12:10:00

"Tijdelijk gesloten" with an end date and a note, a short notice with an end date, and voorzieningen online or by
phone only (no point on the map). Plain ADD COLUMN: a batch recreate of services would cascade to its children.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '11c77ba2a89b'
down_revision = '581902237255'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('services', sa.Column('closed_until', sa.Date(), nullable=True))
    op.add_column('services', sa.Column('closed_note', sa.String(length=300), nullable=True))
    op.add_column('services', sa.Column('notice', sa.String(length=200), nullable=True))
    op.add_column('services', sa.Column('notice_until', sa.Date(), nullable=True))
    op.add_column('services', sa.Column('remote_only', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    for column in ('remote_only', 'notice_until', 'notice', 'closed_note', 'closed_until'):
        op.drop_column('services', column)
