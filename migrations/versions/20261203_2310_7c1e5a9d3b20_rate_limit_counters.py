"""rate limit counters

Revision ID: 7c1e5a9d3b20
Revises: 5c1e0a7d9b21
Create Date: 2026-12-03 23:00:00

The limiter's counts on PostgreSQL (webapp/ratelimit/storage.py). On SQLite the limiter counts in a file of its
own; the table is made here too so the schema is the same everywhere.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7c1e5a9d3b20'
down_revision = '5c1e0a7d9b21'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('rate_limit_counters',
    sa.Column('key', sa.String(length=255), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('expires_at', sa.Float(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_rate_limit_counters'))
    )


def downgrade():
    op.drop_table('rate_limit_counters')
