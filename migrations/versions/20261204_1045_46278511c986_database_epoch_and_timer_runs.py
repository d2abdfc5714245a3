"""database epoch and timer runs

Revision ID: 46278511c986
Revises: 9b3e6f21c8d4
Create Date: 2026-12-04 10:45:00

database_epoch: one row whose id changes when the database is restored (webapp/epoch.py), so a search index of
another database rebuilds itself. timer_runs: the last run of each timer (webapp/ops), for /healthz.
"""
import uuid
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '46278511c986'
down_revision = '9b3e6f21c8d4'
branch_labels = None
depends_on = None


def upgrade():
    epoch = op.create_table(
        'database_epoch',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('epoch', sa.String(length=36), nullable=False),
        sa.Column('reason', sa.String(length=200), nullable=False),
        sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_database_epoch')),
    )
    op.bulk_insert(epoch, [{"id": 1, "epoch": str(uuid.uuid4()), "reason": "migration",
                            "started_at": datetime.now(timezone.utc)}])
    op.create_table(
        'timer_runs',
        sa.Column('name', sa.String(length=80), nullable=False),
        sa.Column('last_run_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('last_status', sa.Integer(), nullable=False),
        sa.Column('last_duration', sa.Float(), nullable=False),
        sa.Column('last_success_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('failures_in_a_row', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('name', name=op.f('pk_timer_runs')),
    )


def downgrade():
    op.drop_table('timer_runs')
    op.drop_table('database_epoch')
