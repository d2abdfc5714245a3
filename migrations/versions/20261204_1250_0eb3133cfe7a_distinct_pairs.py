"""distinct pairs

Revision ID: 0eb3133cfe7a
Revises: c3f8a61d2e94
Create Date: 2026-12-04 12:50:00

Pairs of listings a beheerder marked "geen dubbel": the "mogelijk dubbel" list leaves them out.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0eb3133cfe7a'
down_revision = 'c3f8a61d2e94'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('distinct_pairs',
    sa.Column('first_id', sa.String(length=36), nullable=False),
    sa.Column('second_id', sa.String(length=36), nullable=False),
    sa.Column('marked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=254), nullable=False),
    sa.ForeignKeyConstraint(['first_id'], ['services.id'], name=op.f('fk_distinct_pairs_first_id_services'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['second_id'], ['services.id'], name=op.f('fk_distinct_pairs_second_id_services'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('first_id', 'second_id', name=op.f('pk_distinct_pairs'))
    )


def downgrade():
    op.drop_table('distinct_pairs')
