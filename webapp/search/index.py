"""One index folder on disk: created, rebuilt by swapping folders, and read through one searcher per worker.

Opening a searcher per request cut throughput 9x (../shared/notes), so each thread keeps one until the index
changes.
"""
import fcntl
import os
import shutil
import threading
import uuid
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.query import Term

from webapp.search.analysis import shipped_compound_parts
from webapp.search.schema import META_KEY, build_schema


class SearchIndex:
    def __init__(self, path):
        self.path = Path(path)
        self._ix = None
        self._inode = None
        self._local = threading.local()

    def open(self):
        """The Whoosh index, created empty when missing and reopened when `reindex` swapped the folder."""
        inode = self._current_inode()
        if inode is None:
            self.create_empty()
            inode = self._current_inode()
        if self._ix is None or inode != self._inode:
            self._ix = whoosh_index.open_dir(str(self.path))
            self._inode = inode
        return self._ix

    def searcher(self):
        ix = self.open()
        searcher = getattr(self._local, "searcher", None)
        generation = ix.latest_generation()
        # Not searcher.refresh(): it reuses segment readers and then misses new deletions in them.
        if searcher is None or self._local.ix is not ix or self._local.generation != generation:
            if searcher is not None:
                searcher.close()
            searcher = ix.searcher()
            self._local.searcher, self._local.ix, self._local.generation = searcher, ix, generation
        return searcher

    def close(self):
        """Close this thread's searcher (tests and shutdown; a worker otherwise keeps it)."""
        searcher = getattr(self._local, "searcher", None)
        if searcher is not None:
            searcher.close()
        self._local.searcher = None

    def meta(self):
        """(position in the index log, index id) as stored in the index itself."""
        # Not searcher.document(): it can hand back a deleted copy of the document.
        hits = self.searcher().search(Term("key", META_KEY), limit=1)
        fields = hits[0].fields() if hits else {}
        return fields.get("position", 0), fields.get("index_id")

    def create_empty(self):
        with self._folder_lock():
            if not self.path.exists():
                self._build(self.path, build_schema(shipped_compound_parts()), [], position=0)

    def rebuild(self, wordset, documents, position):
        """Build a complete new index beside the old one, then swap the folders in."""
        fresh = self.path.with_name(f"{self.path.name}.new-{uuid.uuid4().hex[:8]}")
        self._build(fresh, build_schema(wordset), documents, position)
        with self._folder_lock():
            old = self.path.with_name(f"{self.path.name}.old-{uuid.uuid4().hex[:8]}")
            if self.path.exists():
                os.rename(self.path, old)
            os.rename(fresh, self.path)
            shutil.rmtree(old, ignore_errors=True)

    @staticmethod
    def _build(path, schema, documents, position):
        path.mkdir(parents=True)
        ix = whoosh_index.create_in(str(path), schema)
        writer = ix.writer()
        for document in documents:
            writer.add_document(**document)
        writer.add_document(**meta_document(position, str(uuid.uuid4())))
        writer.commit()

    def _current_inode(self):
        """Identifies the folder now at `path`; None while there is no complete index there."""
        try:
            return os.stat(self.path).st_ino if any(self.path.glob("_MAIN_*.toc")) else None
        except FileNotFoundError:
            return None

    @contextmanager
    def _folder_lock(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name(f".{self.path.name}.lock"), "w") as lock_file:
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)


def meta_document(position, index_id):
    return {"key": META_KEY, "kind": META_KEY, "position": position, "index_id": index_id}
