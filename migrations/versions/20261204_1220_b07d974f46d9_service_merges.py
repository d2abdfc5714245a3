"""service merges

Revision ID: b07d974f46d9
Revises: 11c77ba2a89b
Create Date: 2026-12-04 12:20:00

Two listings of one voorziening merged: the dropped one stays (archived, with its audit log) and its slug leads to
the kept one.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b07d974f46d9'
down_revision = '11c77ba2a89b'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('service_merges',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('kept_id', sa.String(length=36), nullable=False),
    sa.Column('dropped_id', sa.String(length=36), nullable=False),
    sa.Column('dropped_slug', sa.String(length=200), nullable=False),
    sa.Column('merged_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=254), nullable=False),
    sa.ForeignKeyConstraint(['dropped_id'], ['services.id'], name=op.f('fk_service_merges_dropped_id_services'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['kept_id'], ['services.id'], name=op.f('fk_service_merges_kept_id_services'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_merges')),
    sa.UniqueConstraint('dropped_id', name=op.f('uq_service_merges_dropped_id')),
    sa.UniqueConstraint('dropped_slug', name=op.f('uq_service_merges_dropped_slug'))
    )
    with op.batch_alter_table('service_merges', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_merges_kept_id'), ['kept_id'], unique=False)


def downgrade():
    op.drop_table('service_merges')
