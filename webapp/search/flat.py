"""Every match of a query with Whoosh's own score, computed a posting list at a time instead of a document at a time.

Whoosh's matchers walk a tree of Python objects for every document (is_active, id, next, score at every level):
81 % of a text search at 10,000 voorzieningen (../shared/notes, bench/). Here the same matcher tree Whoosh builds
for a segment is evaluated bottom-up with numpy: a term's postings are read block by block into two arrays
(document numbers, scores), then each node of the tree combines its children's arrays the way its matcher would (a
union adds, a DisjunctionMax takes the larger, a boost multiplies). The tree is Whoosh's own and numpy's float64
operations are IEEE's, done in the same order, so every score equals Whoosh's exactly, its quirks included (see
_larger): the ranking rules stay as they were (tests/search/test_flat.py; bench's brute force compares the first
pages).

Matchers this module does not know raise Unsupported; the caller then scores that segment the ordinary way.
"""
import threading
from collections import OrderedDict

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.matching import NullMatcher
from whoosh.matching.combo import ArrayUnionMatcher
from whoosh.matching.binary import DisjunctionMaxMatcher, UnionMatcher
from whoosh.matching.wrappers import FilterMatcher, WrappingMatcher
from whoosh.scoring import BM25FScorer
from whoosh.util.numeric import byte_to_length

_lengths = {}  # {(segment id, doc count, field): float64 array of lengths by document (nan: none kept)}
MAX_LENGTHS = 256
_UNREAD = object()
_postings_read = OrderedDict()  # {(segment id, doc count, term): (documents, weights)}, least recently used first
MAX_POSTINGS = 2_000_000  # postings kept decoded per process (8 bytes each): the common words' lists
MIN_KEPT = 128  # a shorter list is one block, cheap to decode again: not kept (an entry costs ~600 bytes besides)
ENTRY_COST = 80  # postings charged for an entry besides its own (the key, two array headers, the dict's node)
_kept = [0]  # postings charged for _postings_read
_kept_lock = threading.Lock()  # a gunicorn worker's threads share the kept lists
EMPTY = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


class Unsupported(Exception):
    """A matcher this module cannot evaluate; score the segment with Whoosh's matchers."""


def scores(leaf, query):
    """(document numbers within the leaf's segment, ascending; their scores) of every document `query` matches
    there, as two numpy arrays."""
    matcher = query.matcher(leaf, leaf.context())
    _rewind(matcher)
    return _evaluate(matcher, leaf.reader())


def documents(leaf, term):
    """The document numbers (in the leaf's segment, ascending) where a Term query matches, its list kept as any."""
    matcher = term.matcher(leaf, leaf.context())
    if type(matcher) is W3LeafMatcher:
        return _postings(matcher, leaf.reader())[0]
    return np.fromiter(matcher.all_ids(), dtype=np.int64)


def warm_up(searcher, fields):
    """Read the lengths of `fields` of every segment (a worker's first search would otherwise)."""
    for leaf, _offset in searcher.leaf_searchers():
        for field in fields:
            _field_lengths(leaf.reader(), field)


def _evaluate(matcher, reader):
    kind = type(matcher)
    if kind is W3LeafMatcher:
        return _scored(matcher.scorer, reader, matcher._term, _postings(matcher, reader))
    if kind is UnionMatcher:
        return _union(_evaluate(matcher.a, reader), _evaluate(matcher.b, reader), reader.doc_count_all())
    if kind is DisjunctionMaxMatcher and not matcher.tiebreak:
        return _larger(_evaluate(matcher.a, reader), _evaluate(matcher.b, reader), reader.doc_count_all())
    if kind is WrappingMatcher:
        ids, found = _evaluate(matcher.child, reader)
        return ids, found * matcher.boost
    if kind is FilterMatcher:
        ids, found = _evaluate(matcher.child, reader)
        keep = np.isin(ids, np.fromiter(matcher._ids, dtype=np.int64), invert=bool(matcher._exclude))
        return ids[keep], found[keep]
    if kind is ArrayUnionMatcher:  # Whoosh's Or in a segment of at most 5,000 documents
        return _array_union(matcher, reader)
    if kind is type(NullMatcher):
        return EMPTY
    raise Unsupported(kind.__name__)


def _rewind(matcher):
    """Every leaf back at its first posting: an ArrayUnionMatcher reads its first part when it is made."""
    kind = type(matcher)
    if kind in (W3LeafMatcher, type(NullMatcher)):
        matcher.reset()
    elif kind in (UnionMatcher, DisjunctionMaxMatcher):
        _rewind(matcher.a)
        _rewind(matcher.b)
    elif kind in (WrappingMatcher, FilterMatcher):
        _rewind(matcher.child)
    elif kind is ArrayUnionMatcher:
        for child in matcher._submatchers:
            _rewind(child)
    else:
        raise Unsupported(kind.__name__)


def _union(a, b, size):
    """UnionMatcher.score: a + b where both match, else the one that does (a + b == b + a exactly)."""
    if len(a[0]) + len(b[0]) > size // 64:  # many: added up in an array of the segment's size
        merged = np.zeros(size)
        merged[a[0]] = a[1]
        merged[b[0]] += b[1]  # 0.0 + a + b == a + b; 0.0 + b == b
        ids = _union_ids(a[0], b[0], size)
        return ids, merged[ids]
    ids = _union_ids(a[0], b[0], size)
    merged = np.zeros(len(ids))
    merged[np.searchsorted(ids, a[0])] = a[1]
    merged[np.searchsorted(ids, b[0])] += b[1]
    return ids, merged


def _union_ids(a, b, size):
    """The sorted union of two sorted arrays of distinct document numbers below `size`: marked in an array of the
    segment's size when they are many (numpy's union1d hashes: a third of a search at 100,000), else sorted."""
    if len(a) + len(b) > size // 64:
        marked = np.zeros(size, dtype=bool)
        marked[a] = True
        marked[b] = True
        return np.flatnonzero(marked)
    joined = np.concatenate((a, b))
    joined.sort()
    return joined[np.concatenate(([True], joined[1:] != joined[:-1]))] if len(joined) else joined


def _array_union(matcher, reader):
    """ArrayUnionMatcher.score: 0 plus each child's score times the boost, the children in order."""
    children = [_evaluate(child, reader) for child in matcher._submatchers]
    ids = EMPTY[0]
    for child_ids, _found in children:
        ids = _union_ids(ids, child_ids, reader.doc_count_all())
    merged = np.zeros(len(ids))
    for child_ids, found in children:
        merged[np.searchsorted(ids, child_ids)] += found * matcher._boost
    keep = merged > 0  # as its _find_next skips
    return ids[keep], merged[keep]


def _larger(a, b, size):
    """DisjunctionMaxMatcher.score as Whoosh computes it: the larger of both children's current scores. A child
    that does not match this document stands at its next match (the union advances the lower id), and unlike
    UnionMatcher.score Whoosh does not compare the ids here, so that next match's score takes part too; a child
    past its last match takes no part."""
    ids = _union_ids(a[0], b[0], size)
    return ids, np.maximum(_current(a, ids), _current(b, ids))


def _current(child, ids):
    """The score of `child`'s first match at or after each of `ids` (-inf after its last)."""
    child_ids, found = child
    at = np.searchsorted(child_ids, ids)
    return np.append(found, -np.inf)[at]


def _postings(matcher, reader):
    """(documents, weights) of every posting of an on-disk posting list. Decoding them (unpickling and
    decompressing each block) was a third of a search at 10,000, so the longer lists read are kept, least recently
    used out first; a segment's postings never change (a write adds a segment, a deletion is in the kind filter)."""
    key = (reader.segment().segment_id(), reader.doc_count_all(), matcher._term)
    with _kept_lock:
        found = _postings_read.get(key)
        if found is not None:
            _postings_read.move_to_end(key)
    if found is None:
        found = _decoded(matcher)  # outside the lock: another thread may decode the same list meanwhile
        if len(found[0]) >= MIN_KEPT:
            _keep(key, found)
    return found[0].astype(np.int64), found[1].astype(np.float64)


def _keep(key, found):
    with _kept_lock:
        if key in _postings_read:
            return
        _postings_read[key] = found
        _kept[0] += len(found[0]) + ENTRY_COST
        while _kept[0] > MAX_POSTINGS and len(_postings_read) > 1:
            _kept[0] -= len(_postings_read.popitem(last=False)[1][0]) + ENTRY_COST


def _decoded(matcher):
    """(documents as int32, weights as float32: how the index stores them) of a posting list, a block at a time."""
    ids, weights = [], []
    while matcher.is_active():
        if matcher._data is None:
            matcher._read_data()
        block_ids = np.asarray(matcher._data[0], dtype=np.int64)
        ids.append((block_ids if matcher._byteids else np.cumsum(block_ids)).astype(np.int32))  # as delta_decode
        matcher._read_weights()
        weights.append(np.asarray(matcher._weights, dtype=np.float32))  # array("f") in the index
        matcher._next_block()
    if not ids:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)
    return np.concatenate(ids), np.concatenate(weights)


def _scored(scorer, reader, term, postings):
    """BM25FScorer.score of every posting (the same idf, average length, lengths and formula as whoosh.scoring.bm25,
    each operation in its order)."""
    if type(scorer) is not BM25FScorer or not term:
        raise Unsupported(type(scorer).__name__)
    ids, tf = postings
    lengths = _field_lengths(reader, term[0])
    fl = lengths[ids] if lengths is not None else np.ones(len(ids))
    idf, avgfl, b, k1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
    return ids, idf * ((tf * (k1 + 1)) / (tf + k1 * ((1 - b) + b * fl / avgfl)))


def _field_lengths(reader, field):
    """The length of `field` of every document of the segment, as reader.doc_field_length(docnum, field, 1) gives
    it; None when the segment keeps no lengths for the field (then every length is 1)."""
    key = (reader.segment().segment_id(), reader.doc_count_all(), field)
    found = _lengths.get(key, _UNREAD)  # one read: another thread may clear the dict in between
    if found is _UNREAD:
        if len(_lengths) >= MAX_LENGTHS:
            _lengths.clear()
        column = reader._perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN)  # as doc_field_length reads it
        found = _lengths[key] = None if column is None else np.array(
            [byte_to_length(value) if value else np.nan for value in column], dtype=np.float64)
    return found
