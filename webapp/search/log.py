"""Bookkeeping of the index log: its head, what was pruned, and where every index stands."""
import socket
import uuid

from sqlalchemy import delete, func, select

from webapp.database import begin_write
from webapp.models_base import utcnow
from webapp.search.models import IndexLog, IndexLogFloor, SearchIndexState


def head(session):
    """The newest log id, also after pruning emptied the log."""
    newest = session.execute(select(func.coalesce(func.max(IndexLog.id), 0))).scalar_one()
    return max(newest, floor(session))


def floor(session):
    """Every log id at or below this number has been pruned."""
    row = session.get(IndexLogFloor, 1)
    return row.pruned_through if row else 0


def index_identity(path):
    """One id per server and folder, kept across rebuilds, so a reindex does not leave a stale row behind."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"buurtkaart-index://{socket.gethostname()}{path}"))


def record_position(session, path, position):
    """Tell the database where this index stands, so pruning never removes rows it still needs."""
    session.rollback()
    begin_write(session)
    index_id = index_identity(path)
    state = session.get(SearchIndexState, index_id) or SearchIndexState(id=index_id)
    state.location = f"{socket.gethostname()}:{path}"[:500]
    state.position = position
    state.updated_at = utcnow()
    session.add(state)
    session.commit()


def prune(session):
    """Delete the log rows every known index has applied. A retired server's row must be deleted by hand
    (README), or it holds the log back."""
    begin_write(session)
    positions = session.scalars(select(SearchIndexState.position)).all()
    if not positions:
        session.rollback()
        return 0
    through = min(positions)
    row = session.get(IndexLogFloor, 1) or IndexLogFloor(id=1, pruned_through=0)
    row.pruned_through = max(row.pruned_through, through)
    session.add(row)
    deleted = session.execute(delete(IndexLog).where(IndexLog.id <= through)).rowcount
    session.commit()
    return deleted
