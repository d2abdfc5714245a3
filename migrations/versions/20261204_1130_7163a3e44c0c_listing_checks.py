"""listing checks

Revision ID: 7163a3e44c0c
Revises: ef88302811da
Create Date: 2026-12-04 11:30:00

Providers keep their listing right: the reminders with their signed link (listing_reminders) and the beheer queue
of corrections and remarks (listing_suggestions).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7163a3e44c0c'
down_revision = 'ef88302811da'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('listing_reminders',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('service_id', sa.String(length=36), nullable=False),
    sa.Column('to_address', sa.String(length=254), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('by_hand', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('actor', sa.String(length=254), nullable=True),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_listing_reminders_service_id_services'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_listing_reminders'))
    )
    with op.batch_alter_table('listing_reminders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_listing_reminders_sent_at'), ['sent_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_listing_reminders_service_id'), ['service_id'], unique=False)

    op.create_table('listing_suggestions',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('service_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('reminder_id', sa.String(length=36), nullable=True),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('contact_email', sa.String(length=254), nullable=True),
    sa.Column('service_version', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('handled_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('handled_by', sa.String(length=254), nullable=True),
    sa.Column('accepted', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['reminder_id'], ['listing_reminders.id'], name=op.f('fk_listing_suggestions_reminder_id_listing_reminders'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_listing_suggestions_service_id_services'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_listing_suggestions'))
    )
    with op.batch_alter_table('listing_suggestions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_listing_suggestions_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_listing_suggestions_service_id'), ['service_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_listing_suggestions_status'), ['status'], unique=False)


def downgrade():
    op.drop_table('listing_suggestions')
    op.drop_table('listing_reminders')
