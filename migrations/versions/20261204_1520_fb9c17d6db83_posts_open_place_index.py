"""posts: an index for open posts in a box

Revision ID: fb9c17d6db83
Revises: 7040cf004626
Create Date: 2026-12-04 15:20:00

Suggestions read the open aanbod in a box around a vraag (webapp/suggestions/candidates.py): with the index the
database reads the box's band of latitude from the index alone (it holds every column the query needs), not every
open post.
"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'fb9c17d6db83'
down_revision = '7040cf004626'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_posts_open_place', 'posts', ['kind', 'status', 'latitude', 'longitude', 'travel_km', 'coordinator_only', 'author_id', 'id'], unique=False)


def downgrade():
    op.drop_index('ix_posts_open_place', table_name='posts')
