"""the helper agrees to a match; who acted for whom (four eyes)

Revision ID: 9b3e6f21c8d4
Revises: e5a19c3b7d42
Create Date: 2026-12-04 10:40:00

matches.helper_agreed_at: the helper said yes (at once when they reacted themselves). Existing matches that a
helper started, or that got past the proposal, count as agreed. acted_for: a coördinator acted for an (intake)
account at least once; such a coördinator does not approve its posts nor confirm its matches.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '9b3e6f21c8d4'
down_revision = 'e5a19c3b7d42'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("matches") as batch_op:
        batch_op.add_column(sa.Column("helper_agreed_at", sa.DateTime(timezone=True), nullable=True))
    matches = sa.table("matches", sa.column("helper_agreed_at", sa.DateTime(timezone=True)),
                       sa.column("created_at", sa.DateTime(timezone=True)), sa.column("started_by", sa.String),
                       sa.column("status", sa.String))
    op.execute(matches.update().where(sa.or_(matches.c.started_by == "helper", matches.c.status != "voorgesteld"))
               .values(helper_agreed_at=matches.c.created_at))
    op.create_table(
        "acted_for",
        sa.Column("coordinator_id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("first_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["coordinator_id"], ["users.id"], name=op.f("fk_acted_for_coordinator_id_users"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_acted_for_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("coordinator_id", "user_id", name=op.f("pk_acted_for")),
    )


def downgrade():
    op.drop_table("acted_for")
    with op.batch_alter_table("matches") as batch_op:
        batch_op.drop_column("helper_agreed_at")
