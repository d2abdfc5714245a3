"""synonym groups

Revision ID: b7d41e9c2a60
Revises: a3f0c2d4e5b6
Create Date: 2026-12-03 23:50:00

The vocabulary of the search, kept by beheerders (webapp/search/vocabulary.py), and its audit log; seeded with
the groups of data/search/synonyms.txt as they are at upgrade time (afterwards the database counts).
"""
import unicodedata
import uuid
from datetime import datetime, timezone
from pathlib import Path

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b7d41e9c2a60'
down_revision = 'a3f0c2d4e5b6'
branch_labels = None
depends_on = None

SHIPPED = Path(__file__).resolve().parents[2] / "data" / "search" / "synonyms.txt"


def _fold(text):
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def _shipped_groups():
    if not SHIPPED.exists():
        return []
    groups = []
    for line in SHIPPED.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            words = list(dict.fromkeys(w for w in (_fold(part) for part in line.split(",")) if w))
            if words:
                groups.append(words)
    return groups


def upgrade():
    groups = op.create_table('synonym_groups',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('words', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_synonym_groups')),
    sa.UniqueConstraint('name', name=op.f('uq_synonym_groups_name'))
    )
    op.create_table('synonym_group_changes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.String(length=36), nullable=True),
    sa.Column('actor', sa.String(length=254), nullable=False),
    sa.Column('group_id', sa.String(length=36), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['group_id'], ['synonym_groups.id'], name=op.f('fk_synonym_group_changes_group_id_synonym_groups'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_synonym_group_changes_user_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_synonym_group_changes'))
    )
    with op.batch_alter_table('synonym_group_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_synonym_group_changes_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_synonym_group_changes_group_id'), ['group_id'], unique=False)
    now = datetime.now(timezone.utc)
    op.bulk_insert(groups, [
        {"id": str(uuid.uuid4()), "name": name, "words": ", ".join(others), "version": 1,
         "created_at": now, "updated_at": now}
        for name, *others in _shipped_groups()])


def downgrade():
    with op.batch_alter_table('synonym_group_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_synonym_group_changes_group_id'))
        batch_op.drop_index(batch_op.f('ix_synonym_group_changes_at'))
    op.drop_table('synonym_group_changes')
    op.drop_table('synonym_groups')
