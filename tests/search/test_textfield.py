"""The fast text field (search/textfield.py) and writers (search/parallel.py) index exactly what Whoosh's TEXT field
and writer do with the same analyzer."""
import unicodedata
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from whoosh import index as whoosh_index
from whoosh.fields import TEXT
from whoosh.filedb.filestore import FileStorage

from webapp.extensions import db
from webapp.posts.demo import load_voorelkaar_demo
from webapp.search import analysis, facts, parallel, schema as schema_module
from webapp.search.index import _build, meta_document
from webapp.search.rebuild import _searchable_rows
from webapp.search.registry import document_for
from webapp.search.schema import TEXT_FIELDS, build_schema
from webapp.search.textfield import FastText

ODD_TEXTS = ["", "   ", "e.g. 3.141 big-time under_score", "Coördinator FINANCIËN café Straße İstanbul ǅ",
             "schuldhulpverlening schuldhulpverlening de de en", "Ik kan mijn rekeningen niet betalen!",
             "vrijwilligerswerk, mantelzorgcafé; voedselbank 06-12345678 a b c", "x" * 300, "½ ² ﬁets ¹"]


@pytest.fixture
def documents(demo):
    load_voorelkaar_demo()
    with Session(db.engine) as session:
        found = [document_for(row) for row in _searchable_rows(session)]
    assert len({doc["kind"] for doc in found}) >= 3
    return found


def test_each_field_gives_the_terms_positions_and_weights_of_whoosh_text(documents):
    wordset = analysis.build_wordset(doc.get(name, "") for doc in documents for name in TEXT_FIELDS)
    schema = build_schema(wordset)
    fields = [name for name in schema.names() if isinstance(schema[name], FastText)]
    assert set(fields) == {*TEXT_FIELDS, "spell"}
    compared = 0
    for text in [doc[name] for doc in documents for name in fields if doc.get(name)] + ODD_TEXTS:
        for name in fields:
            field = schema[name]
            assert list(field.index(text)) == list(TEXT.index(field, text)), (name, text)
            compared += 1
    assert compared > 4000


def test_an_index_built_with_it_equals_one_built_with_whoosh_text(documents, tmp_path, monkeypatch):
    wordset = analysis.build_wordset(doc.get(name, "") for doc in documents for name in TEXT_FIELDS)
    fast = _index(tmp_path / "fast", build_schema(wordset), documents, procs=1)
    monkeypatch.setattr(schema_module, "FastText", TEXT)
    plain = _stock_index(tmp_path / "plain", build_schema(wordset), documents)
    assert not any(isinstance(field, FastText) for _name, field in plain.schema.items())
    _assert_same_index(fast, plain)


def test_segments_written_by_several_processes_hold_what_one_writer_writes(documents, tmp_path, monkeypatch):
    """Two processes, each spilling its postings to disk in runs (a tiny memory limit), against one writer."""
    wordset = analysis.build_wordset(doc.get(name, "") for doc in documents for name in TEXT_FIELDS)
    one = _index(tmp_path / "one", build_schema(wordset), documents, procs=1)
    several = _index(tmp_path / "several", build_schema(wordset), documents, procs=2, limitmb=0.05)
    assert len(several.reader().leaf_readers()) == 3  # two shares and the meta document
    _assert_same_index(several, one)


def test_a_pool_spilled_to_disk_in_chunks_gives_every_posting_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "CHUNK", 7)
    storage = FileStorage(str(tmp_path)).create()
    pool = parallel.ChunkedPostingPool(storage, None, limitmb=0.001)  # about 1 KB: a run every few postings
    postings = [(f"f{n % 3}", f"term{n % 17}".encode(), n, float(n % 5), bytes([n % 256]) * (n % 4) or None)
                for n in range(500)]
    for posting in postings:
        pool.add(posting)
    assert len(pool.runs) > 10
    assert list(pool.items()) == sorted(postings)


def _assert_same_index(fast, plain):
    with fast.reader() as one, plain.reader() as other:
        assert one.doc_count_all() == other.doc_count_all() > 100
        assert list(one.all_stored_fields()) == list(other.all_stored_fields())
        # The meta document has no facts; a segment holding only it has no column at all (as with MpWriter).
        assert _facts(fast) == _facts(plain)
        terms = list(one.all_terms())
        assert terms == list(other.all_terms())
        for fieldname, text in terms:
            info, expected = one.term_info(fieldname, text), other.term_info(fieldname, text)
            assert (info.weight(), info.doc_frequency(), info.min_length(), info.max_length(), info.max_weight()) \
                == (expected.weight(), expected.doc_frequency(), expected.min_length(), expected.max_length(),
                    expected.max_weight())
            assert list(one.postings(fieldname, text).all_items()) == list(other.postings(fieldname, text).all_items())
        for name in [*TEXT_FIELDS, "spell"]:
            assert one.field_length(name) == other.field_length(name)
            # (None for the meta document when its segment has no such field at all, as with MpWriter)
            assert [one.doc_field_length(n, name) or 0 for n in range(one.doc_count_all())] \
                == [other.doc_field_length(n, name) or 0 for n in range(other.doc_count_all())]


def test_the_fold_shortcut_for_plain_letters_matches_the_full_fold():
    for text in ["Hulp BIJ schulden", "Coördinator FINANCIËN", "Straße", "İ", "abc-DEF_1.5"]:
        full = "".join(ch for ch in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(ch))
        assert analysis.fold(text) == full


def _facts(ix):
    with ix.searcher() as searcher:
        found = list(facts.for_searcher(searcher))
    while found and found[-1] is None:
        found.pop()
    return found


def _stock_index(path, schema, documents):
    """Whoosh's own writer, one process."""
    path.mkdir()
    ix = whoosh_index.create_in(str(path), schema)
    with ix.writer() as writer:
        for document in [*documents, meta_document(0, "epoch")]:
            writer.add_document(**document)
    return ix


def _index(path: Path, schema, documents, **options):
    _build(path, schema, documents, meta_document(0, "epoch"), **options)
    return whoosh_index.open_dir(str(path))
