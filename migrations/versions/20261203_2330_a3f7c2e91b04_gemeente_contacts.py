"""gemeente contacts

Revision ID: a3f7c2e91b04
Revises: 5c1e0b7a9d42
Create Date: 2026-12-03 23:30:00

Each gemeente's way in for questions (webapp/directory/gemeente_contacts.py) and its audit log.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a3f7c2e91b04'
down_revision = '5c1e0b7a9d42'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('gemeente_contacts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('gemeente', sa.String(length=100), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('phone_source', sa.String(length=200), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('opening_hours', sa.Text(), nullable=True),
    sa.Column('website', sa.String(length=300), nullable=True),
    sa.Column('website_source', sa.String(length=200), nullable=True),
    sa.Column('last_checked_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('demo_fingerprint', sa.String(length=64), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gemeente_contacts')),
    sa.UniqueConstraint('gemeente', name=op.f('uq_gemeente_contacts_gemeente'))
    )
    op.create_table('gemeente_contact_changes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('actor', sa.String(length=254), nullable=False),
    sa.Column('contact_id', sa.String(length=36), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['gemeente_contacts.id'], name=op.f('fk_gemeente_contact_changes_contact_id_gemeente_contacts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_gemeente_contact_changes_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_gemeente_contact_changes'))
    )
    with op.batch_alter_table('gemeente_contact_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_gemeente_contact_changes_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_gemeente_contact_changes_contact_id'), ['contact_id'], unique=False)


def downgrade():
    with op.batch_alter_table('gemeente_contact_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_gemeente_contact_changes_contact_id'))
        batch_op.drop_index(batch_op.f('ix_gemeente_contact_changes_at'))
    op.drop_table('gemeente_contact_changes')
    op.drop_table('gemeente_contacts')
