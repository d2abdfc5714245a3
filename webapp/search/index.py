"""One index folder on disk: built beside and swapped in, written under Whoosh's lock, read by one searcher
per worker thread (opening one per request cut throughput 9x, ../shared/notes) until the index changes."""
import fcntl
import os
import shutil
import threading
import uuid
from collections import namedtuple
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import LockError
from whoosh.query import Term
from whoosh.util.filelock import try_for

from webapp.search import parallel
from webapp.search.analysis import shipped_compound_parts
from webapp.search.schema import META_KEY, SCHEMA_VERSION, build_schema

SWAP_LOCK_TIMEOUT = 60  # seconds a rebuild waits for a running applier before it swaps the folders
Meta = namedtuple("Meta", "position schema_version epoch")
PROCS_FROM = 5000  # documents; fewer are written by one process (starting more costs more than it saves)
MAX_PROCS = 4
# Postings a writer process keeps in memory (Whoosh's estimate of their size) before it spills a sorted run to disk:
# spilling cost the writers 25 % more CPU at 60,000 documents, where each of two processes held about 200 MB of
# postings (RSS); 200,000 documents should still fit, in about 700 MB a process (extrapolated, not measured).
LIMIT_MB = 1024


class SearchIndex:
    schema_version = SCHEMA_VERSION

    def __init__(self, path):
        self.path = Path(path)
        self._ix = None
        self._inode = None
        self._local = threading.local()

    def open(self):
        """The Whoosh index, created empty when missing and reopened when `reindex` swapped the folder."""
        inode = self._current_inode()
        if inode is None:
            self.rebuild(shipped_compound_parts(), [], position=0, epoch="", only_if_missing=True)
            inode = self._current_inode()
        if self._ix is None or inode != self._inode:
            self._ix = whoosh_index.open_dir(str(self.path))
            self._inode = inode
        return self._ix

    @contextmanager
    def writer(self, lock_timeout):
        """Whoosh's writer for the folder now at `path`, or None when the lock stays busy.

        The folder is checked again once the lock is held: a rebuild may have swapped it in the meantime,
        and a writer on the old folder would commit files into the new one.
        """
        writer = self._locked_writer(lock_timeout)
        if writer is not None and self._current_inode() != self._inode:
            writer.cancel()
            writer = self._locked_writer(lock_timeout)
        try:
            yield writer
        except BaseException:
            if writer is not None and not writer.is_closed:
                writer.cancel()
            raise
        if writer is not None and not writer.is_closed:
            writer.cancel()

    def _locked_writer(self, lock_timeout):
        try:
            return self.open().writer(timeout=lock_timeout)
        except LockError:
            return None

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
            self._local.meta = None
        return searcher

    def close(self):
        """Close this thread's searcher (tests and shutdown; a worker otherwise keeps it)."""
        searcher = getattr(self._local, "searcher", None)
        if searcher is not None:
            searcher.close()
        self._local.searcher = self._local.meta = None

    def meta(self):
        """Meta(position in the index log, schema version, database epoch) as committed in the index itself.

        A new empty index has epoch "": it takes the epoch of the database it first follows.
        """
        searcher = self.searcher()
        read = getattr(self._local, "meta", None)  # (searcher, Meta): a searcher sees one committed generation
        if read is not None and read[0] is searcher:
            return read[1]
        # Not searcher.document(): it can hand back a deleted copy of the document.
        hits = searcher.search(Term("key", META_KEY), limit=1)
        fields = hits[0].fields() if hits else {}
        meta = Meta(fields.get("position", 0), fields.get("schema_version"), fields.get("epoch", ""))
        self._local.meta = (searcher, meta)
        return meta

    @contextmanager
    def rebuild_lock(self):
        """Held by the one process that rebuilds this folder; yields False (at once) when another holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_name(f".{self.path.name}.rebuild.lock"), "w") as lock_file:
            try:
                fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)

    def rebuild(self, wordset, documents, position, epoch, only_if_missing=False):
        """Build a complete new index beside the live one, then swap it in while holding the live one's lock."""
        fresh = self.path.with_name(f"{self.path.name}.new-{uuid.uuid4().hex[:8]}")
        try:
            _build(fresh, build_schema(wordset), documents, meta_document(position, epoch))
            with self._folder_lock():
                if only_if_missing and self._current_inode() is not None:
                    return
                self._swap_in(fresh)
        finally:
            shutil.rmtree(fresh, ignore_errors=True)

    def _swap_in(self, fresh):
        lock = self._live_write_lock()  # held across the renames: no applier commits mid-swap
        old = self.path.with_name(f"{self.path.name}.old-{uuid.uuid4().hex[:8]}")
        try:
            if self.path.exists():
                os.rename(self.path, old)
            os.rename(fresh, self.path)
        finally:
            if lock is not None:
                lock.release()  # by file descriptor: the folder it was taken in has moved
            shutil.rmtree(old, ignore_errors=True)

    def _live_write_lock(self):
        if self._current_inode() is None:
            return None
        lock = whoosh_index.open_dir(str(self.path)).lock("WRITELOCK")  # the lock every Whoosh writer takes
        if not try_for(lock.acquire, SWAP_LOCK_TIMEOUT, 0.1):
            raise LockError(f"the search index at {self.path} stayed locked for {SWAP_LOCK_TIMEOUT} s")
        return lock

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


def _build(path, schema, documents, meta, procs=None, limitmb=LIMIT_MB):
    path.mkdir(parents=True)
    ix = whoosh_index.create_in(str(path), schema)
    # Analysis is most of a rebuild: above a few thousand documents one writer process per core, each leaving
    # its own segment (a search reads several segments as fast as one).
    if procs is None:
        procs = min(os.cpu_count() or 1, MAX_PROCS) if len(documents) >= PROCS_FROM else 1
    if procs > 1:
        parallel.write_segments(ix, documents, meta, procs, limitmb)
        return
    writer = parallel.FastSegmentWriter(ix, limitmb=limitmb)
    for document in documents:
        writer.add_document(**document)
    writer.add_document(**meta)
    writer.commit()


def meta_document(position, epoch):
    return {"key": META_KEY, "kind": META_KEY, "position": position, "schema_version": SCHEMA_VERSION,
            "epoch": epoch}
