"""Writing a new index with one process per core: each writes one segment from its own share of the documents.

Like Whoosh's MpWriter with multisegment=True, but the processes are forked with the documents already in memory
(MpWriter pickles every document to a file and back, 15 % of a reindex's CPU), each takes a contiguous share (the
index's document order is the order given), a segment's postings that do not fit in memory are spilled in large
marshalled chunks (Whoosh pickles each posting on its own: a third of writing a segment), and a document's field
lengths are read once, not once per posting.
"""
import gc
import marshal
import multiprocessing

from whoosh.writing import PostingPool, SegmentWriter

CHUNK = 20_000  # postings per marshalled block of a spilled run


def write_segments(ix, documents, meta, procs, limitmb):
    """Every document into `ix` (a new, empty index), `procs` processes each writing a segment, then `meta`."""
    writer = FastSegmentWriter(ix, limitmb=limitmb)  # holds the index's lock; writes the last segment
    try:
        segments = _child_segments(ix, documents, procs, limitmb)
        writer.add_document(**meta)
        segments.append(writer._finalize_segment())
        writer._commit_toc(segments)
        writer._finish()
    except BaseException:
        writer.cancel()
        raise


def _child_segments(ix, documents, procs, limitmb):
    context = multiprocessing.get_context("fork")  # the children read `documents` from the parent's memory
    size = -(-len(documents) // procs)
    children = []
    for start in range(0, len(documents), size):
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(target=_write_share, args=(ix, documents, start, start + size, limitmb, sender))
        child.start()
        sender.close()
        children.append((child, receiver))
    results = []
    for child, receiver in children:
        try:
            results.append(receiver.recv())
        except EOFError:
            results.append(RuntimeError(f"index writer process {child.pid} ended without a segment"))
        child.join()
    failed = [result for result in results if isinstance(result, BaseException)]
    if failed:
        raise failed[0]
    return results


def _write_share(ix, documents, start, stop, limitmb, sender):
    gc.freeze()  # the parent's objects (documents, loaded rows): a collection here would walk and copy them all
    try:
        writer = FastSegmentWriter(ix, _lk=False, limitmb=limitmb)
        for number in range(start, min(stop, len(documents))):
            writer.add_document(**documents[number])
        sender.send(writer._finalize_segment())
    except BaseException as error:  # noqa: BLE001 (reported to the parent, which raises it)
        sender.send(RuntimeError(f"writing a segment failed: {error!r}"))
    finally:
        sender.close()


class FastSegmentWriter(SegmentWriter):
    def __init__(self, ix, limitmb=128, **kwargs):
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self.pool = ChunkedPostingPool(self._tempstorage, self.newsegment, limitmb=limitmb)

    def _flush_segment(self):
        """Whoosh's, with each field's lengths read once per document, not once per posting (for every term's
        shortest and longest document)."""
        self.perdocwriter.close()
        lengths = self.per_document_reader() if self.codec.length_stats else None
        by_field = None if lengths is None else _LengthsByField(lengths)
        self.fieldwriter.add_postings(self.schema, by_field, self.pool.iter_postings())
        self.fieldwriter.close()
        if lengths is not None:
            lengths.close()


class _LengthsByField:
    def __init__(self, reader):
        self._reader = reader
        self._fields = {}

    def doc_field_length(self, docnum, fieldname):
        lengths = self._fields.get(fieldname)
        if lengths is None:
            read = self._reader.doc_field_length
            lengths = self._fields[fieldname] = [read(n, fieldname) for n in range(self._reader.doc_count_all())]
        return lengths[docnum]


class ChunkedPostingPool(PostingPool):
    """Whoosh's pool of postings, with runs written as marshalled lists of CHUNK postings, not one pickle each,
    and a cheaper guess of a posting's memory (it only decides when a run is spilled, never what is written)."""

    def add(self, item):
        # item = (fieldname, term bytes, docnum, weight, value bytes or None); Whoosh's guess, without its type checks
        self.currentsize += 150 + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def _write_run(self, f, items):
        chunk = []
        for item in items:
            chunk.append(item)
            if len(chunk) >= CHUNK:
                marshal.dump(chunk, f)
                chunk = []
        if chunk:
            marshal.dump(chunk, f)
        f.close()

    def _read_run(self, path):
        f = self._open_run(path)
        try:
            while True:
                try:
                    chunk = marshal.load(f)
                except EOFError:
                    return
                yield from chunk
        finally:
            f.close()
            self._remove_run(path)
