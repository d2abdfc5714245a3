"""One OS process of the index-sync tests: N mixed writes (create, update, delete) on voorzieningen.

Run as: python writer_process.py DATABASE_URL INDEX_DIR SEED WRITES
"""
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import select  # noqa: E402

from tests.conftest import make_app  # noqa: E402
from tests.factories import make_service  # noqa: E402
from webapp.database import begin_write  # noqa: E402
from webapp.directory.models import Service  # noqa: E402
from webapp.extensions import db  # noqa: E402


def main(database_url, index_dir, seed, writes):
    rng = random.Random(seed)
    app = make_app(database_url, index_dir)
    with app.app_context():
        for number in range(writes):
            write_once(rng, seed, number)


def write_once(rng, seed, number):
    begin_write(db.session)
    mine = db.session.scalars(select(Service).where(Service.slug.like(f"p{seed}-%"))).all()
    action = rng.choice(["create", "create", "update", "delete"]) if mine else "create"
    if action == "create":
        make_service(f"p{seed} dienst {number}", slug=f"p{seed}-{number}", description=f"schuldhulp {seed}",
                     commit=False)
    elif action == "update":
        rng.choice(mine).summary = f"bijgewerkt {number}"
    else:
        db.session.delete(rng.choice(mine))
    db.session.commit()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
