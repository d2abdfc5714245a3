"""follow-up of a match: planned day, 'Hoe ging het?' and its reminder, the coördinator's note

Revision ID: 4d7a2c9e1f05
Revises: ce2f2949fef1
Create Date: 2026-12-04 11:50:00

Matches confirmed before this have no planned day: they may be answered at once and get no follow-up mail.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '4d7a2c9e1f05'
down_revision = 'ce2f2949fef1'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("matches") as batch_op:
        batch_op.add_column(sa.Column("planned_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("follow_up_sent_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("reminder_sent_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("coordinator_note", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("coordinator_note_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_matches_planned_on"), ["planned_on"], unique=False)


def downgrade():
    with op.batch_alter_table("matches") as batch_op:
        batch_op.drop_index(batch_op.f("ix_matches_planned_on"))
        for column in ("coordinator_note_at", "coordinator_note", "reminder_sent_at", "follow_up_sent_at",
                       "planned_on"):
            batch_op.drop_column(column)
