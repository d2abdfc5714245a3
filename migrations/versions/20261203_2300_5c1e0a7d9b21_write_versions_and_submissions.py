"""versions on accounts, one-time submission tokens

Revision ID: 5c1e0a7d9b21
Revises: b298f1b33c93
Create Date: 2026-12-03 23:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '5c1e0a7d9b21'
down_revision = 'b298f1b33c93'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('submissions',
    sa.Column('token', sa.String(length=36), nullable=False),
    sa.Column('row_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('token', name=op.f('pk_submissions'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))


def downgrade():
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('version')
    op.drop_table('submissions')
