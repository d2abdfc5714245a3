"""service areas

Revision ID: a3f0c2d4e5b6
Revises: a3f7c2e91b04
Create Date: 2026-12-03 23:30:00

Who a voorziening is for (HSDS 3.0 service_area, one row per gemeente or "heel Nederland"). Every existing
voorziening gets its own gemeente, which is all anybody knew of it: no other area is assumed.
"""
import uuid

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'a3f0c2d4e5b6'
down_revision = 'a3f7c2e91b04'
branch_labels = None
depends_on = None


def upgrade():
    areas = op.create_table('service_areas',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('service_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['service_id'], ['services.id'], name=op.f('fk_service_areas_service_id_services'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_areas'))
    )
    with op.batch_alter_table('service_areas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_areas_service_id'), ['service_id'], unique=False)
    services = op.get_bind().execute(sa.text("SELECT id, gemeente FROM services")).all()
    if services:
        op.bulk_insert(areas, [{"id": str(uuid.uuid4()), "service_id": service_id, "name": gemeente}
                               for service_id, gemeente in services])


def downgrade():
    with op.batch_alter_table('service_areas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_areas_service_id'))
    op.drop_table('service_areas')
