"""districts (wijken and buurten)

Revision ID: ef88302811da
Revises: 6f386ff9b716
Create Date: 2026-12-04 11:00:00

A gemeente's own wijken and buurten: a name and its PC6 postcodes, entered in beheer. Nothing is filled in:
no wijk data is shipped.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ef88302811da'
down_revision = '6f386ff9b716'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('districts',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('gemeente', sa.String(length=100), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('name_key', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_districts')),
    sa.UniqueConstraint('gemeente', 'name_key', name=op.f('uq_districts_gemeente'))
    )
    with op.batch_alter_table('districts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_districts_gemeente'), ['gemeente'], unique=False)
        batch_op.create_index(batch_op.f('ix_districts_name_key'), ['name_key'], unique=False)
    op.create_table('district_postcodes',
    sa.Column('district_id', sa.String(length=36), nullable=False),
    sa.Column('postcode', sa.String(length=6), nullable=False),
    sa.ForeignKeyConstraint(['district_id'], ['districts.id'], name=op.f('fk_district_postcodes_district_id_districts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('district_id', 'postcode', name=op.f('pk_district_postcodes'))
    )
    with op.batch_alter_table('district_postcodes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_district_postcodes_postcode'), ['postcode'], unique=False)


def downgrade():
    with op.batch_alter_table('district_postcodes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_district_postcodes_postcode'))
    op.drop_table('district_postcodes')
    with op.batch_alter_table('districts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_districts_name_key'))
        batch_op.drop_index(batch_op.f('ix_districts_gemeente'))
    op.drop_table('districts')
