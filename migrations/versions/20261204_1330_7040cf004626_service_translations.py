"""service translations

Revision ID: 7040cf004626
Revises: 0eb3133cfe7a
Create Date: 2026-12-04 13:30:00

A voorziening's name, summary and description in another language, entered in beheer.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '7040cf004626'
down_revision = '0eb3133cfe7a'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('service_translations',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('service_id', sa.String(length=36), nullable=False),
    sa.Column('language', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_service_translations_service_id_services'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_translations')),
    sa.UniqueConstraint('service_id', 'language', name=op.f('uq_service_translations_service_id'))
    )
    op.create_index(op.f('ix_service_translations_service_id'), 'service_translations', ['service_id'], unique=False)


def downgrade():
    op.drop_index(op.f('ix_service_translations_service_id'), table_name='service_translations')
    op.drop_table('service_translations')
