"""blocking within one gemeente

Revision ID: b85e3d1f6a27
Revises: b07d974f46d9
Create Date: 2026-12-04 12:30:00

gemeente_blocks: a coördinator blocked a resident in one gemeente (posts there offline, no new posts or reactions
there); the account works elsewhere. A site-wide block stays users.active = false.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b85e3d1f6a27'
down_revision = 'b07d974f46d9'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "gemeente_blocks",
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("gemeente", sa.String(length=100), nullable=False),
        sa.Column("blocked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("blocked_by_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_gemeente_blocks_user_id_users"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["blocked_by_id"], ["users.id"], name=op.f("fk_gemeente_blocks_blocked_by_id_users"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("user_id", "gemeente", name=op.f("pk_gemeente_blocks")),
    )


def downgrade():
    op.drop_table("gemeente_blocks")
