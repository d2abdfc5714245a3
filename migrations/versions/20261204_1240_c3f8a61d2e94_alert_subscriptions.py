"""alert subscriptions: mails about new approved posts near a place

Revision ID: c3f8a61d2e94
Revises: b85e3d1f6a27
Create Date: 2026-12-04 12:40:00
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'c3f8a61d2e94'
down_revision = 'b85e3d1f6a27'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "alert_subscriptions",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("place_text", sa.String(length=200), nullable=False),
        sa.Column("latitude", sa.Float(), nullable=False),
        sa.Column("longitude", sa.Float(), nullable=False),
        sa.Column("radius_km", sa.Integer(), nullable=False),
        sa.Column("categories", sa.String(length=400), nullable=False),
        sa.Column("frequency", sa.String(length=10), nullable=False),
        sa.Column("last_digest_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_alert_subscriptions_user_id_users"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_alert_subscriptions")),
    )
    with op.batch_alter_table("alert_subscriptions") as batch_op:
        batch_op.create_index(batch_op.f("ix_alert_subscriptions_user_id"), ["user_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_alert_subscriptions_kind"), ["kind"], unique=False)


def downgrade():
    op.drop_table("alert_subscriptions")
