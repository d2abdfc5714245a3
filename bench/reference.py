"""The yardstick: SQLite FTS5 (bm25 with the site's field weights) + an R*Tree over the same documents.

Documents are the index's own (document_for), analysed with the index's own Dutch analyzer, so a query matches
the same documents as in Whoosh. A search returns what the site's search returns: the total, every facet count
and a page of 20 in the site's order (werkgebied, relevance band, distance, name), computed over every hit.
"""
import heapq
import math
import sqlite3

from rapidfuzz.distance import Levenshtein

from webapp import geo
from webapp.directory import areas
from webapp.directory.ranking import RELEVANCE_BAND
from webapp.search.analysis import STOP_WORDS, analyse, fold, plain_analyzer, words
from webapp.search.query import MAX_WORDS, _is_vocabulary
from webapp.search.schema import FIELD_BOOSTS

FIELDS = tuple(FIELD_BOOSTS)


class Reference:
    def __init__(self, path, analyzer, synonyms):
        self.db = sqlite3.connect(str(path), check_same_thread=False)
        self.analyzer, self.synonyms = analyzer, synonyms
        self._analysed = {}
        self.plain = plain_analyzer()

    def build(self, documents, open_ids):
        """documents: index documents (dicts); open_ids: the row ids open at the run's moment."""
        self.db.executescript(f"""
            CREATE TABLE docs(id INTEGER PRIMARY KEY, kind TEXT, row_id TEXT, name TEXT, themes TEXT, access TEXT,
                              gemeente TEXT, area TEXT, lat REAL, lon REAL, open INTEGER);
            CREATE INDEX docs_kind ON docs(kind);
            CREATE VIRTUAL TABLE fts USING fts5({", ".join(FIELDS)}, content='');
            CREATE VIRTUAL TABLE points USING rtree(id, min_lat, max_lat, min_lon, max_lon);
            CREATE TABLE spell(word TEXT, kind TEXT, freq INTEGER, PRIMARY KEY (word, kind)) WITHOUT ROWID;
        """)
        spelling = {}
        for number, doc in enumerate(documents, start=1):
            self.db.execute("INSERT INTO docs VALUES (?,?,?,?,?,?,?,?,?,?,?)", (
                number, doc["kind"], doc["row_id"], doc.get("title", ""), doc.get("themes", ""), doc.get("access"),
                doc.get("gemeente"), doc.get("area", ""), doc.get("lat"), doc.get("lon"),
                None if doc["row_id"] not in open_ids else open_ids[doc["row_id"]]))
            self.db.execute(f"INSERT INTO fts(rowid, {', '.join(FIELDS)}) VALUES (?,?,?,?,?,?)",
                            (number, *(self._tokens(doc.get(name) or "") for name in FIELDS)))
            if doc.get("lat") is not None:
                self.db.execute("INSERT INTO points VALUES (?,?,?,?,?)",
                                (number, doc["lat"], doc["lat"], doc["lon"], doc["lon"]))
            for token in self._plain(doc.get("spell") or ""):
                spelling[token, doc["kind"]] = spelling.get((token, doc["kind"]), 0) + 1
        self.db.executemany("INSERT INTO spell VALUES (?,?,?)", ((w, k, f) for (w, k), f in spelling.items()))
        self.db.commit()

    def _plain(self, text):
        return [token.text for token in self.plain(text)]

    def _tokens(self, text):
        found = self._analysed.get(text)
        if found is None:
            found = " ".join(term for terms in analyse(self.analyzer, text) for term in terms)
            if len(self._analysed) < 200_000:
                self._analysed[text] = found
        return found

    def match_expression(self, text):
        """The same terms the site's query asks for (synonym groups, compound parts), OR-ed."""
        text = " ".join(words(text)[:MAX_WORDS])
        wanted = set()
        for terms in analyse(self.analyzer, self.synonyms.rewrite_phrases(text)):
            if terms[0] in self.synonyms.expansions:
                wanted |= set(self.synonyms.expansions[terms[0]])
            else:
                wanted |= set().union(*(self.synonyms.expansions.get(term, {term}) for term in terms))
        return " OR ".join(f'"{term}"' for term in sorted(wanted))

    def suggest(self, kind, text):
        """'Bedoelde u ...?' by the site's rules: an unknown word becomes the most frequent word of this kind's
        documents within 2 edits that starts with the same letter."""
        text = " ".join(words(text)[:MAX_WORDS])
        phrases = {phrase for phrase, _name in self.synonyms.phrases}
        corrected = []
        for word in text.split():
            known = (word.isdigit() or len(word) < 3 or word in STOP_WORDS
                     or _is_vocabulary(self.analyzer, word, self.synonyms)
                     or any(f" {word} " in f" {phrase} " for phrase in phrases) or self._occurs(kind, word))
            corrected.append(word if known else self._nearest(kind, word))
        suggestion = " ".join(corrected)
        return suggestion if suggestion != fold(text) else None

    def _occurs(self, kind, word):
        return self.db.execute("SELECT 1 FROM spell WHERE word = ? AND kind = ?", (word, kind)).fetchone() is not None

    def _nearest(self, kind, word):
        rows = self.db.execute("SELECT word, sum(freq) FROM spell WHERE word >= ? AND word < ? GROUP BY word",
                               (word[0], chr(ord(word[0]) + 1))).fetchall()
        kinds = {w for (w,) in self.db.execute("SELECT word FROM spell WHERE word >= ? AND word < ? AND kind = ?",
                                               (word[0], chr(ord(word[0]) + 1), kind))}
        near = sorted((-freq, found) for found, freq in rows
                      if found != word and abs(len(found) - len(word)) <= 2
                      and Levenshtein.distance(found, word, score_cutoff=2) <= 2)
        return next((found for _freq, found in near[:8] if found in kinds), word)

    def hits(self, kind, text, box):
        """(rows, suggestion): the words' rows, else the rows of the suggestion when there is one."""
        found = self.rows(kind, text, box)
        if found or not text.strip() or (box is not None and self._matches(kind, text)):
            return found, None
        suggestion = self.suggest(kind, text)
        return (self.rows(kind, suggestion, box), suggestion) if suggestion else ([], None)

    def _matches(self, kind, text):
        sql = "SELECT 1 FROM fts CROSS JOIN docs d ON d.id = fts.rowid WHERE fts MATCH ? AND d.kind = ? LIMIT 1"
        expression = self.match_expression(text)
        return bool(expression) and self.db.execute(sql, (expression, kind)).fetchone() is not None

    def rows(self, kind, text, box):
        weights = ", ".join(str(boost) for boost in FIELD_BOOSTS.values())
        where, args = ["d.kind = ?"], [kind]
        if box is not None:
            where.append("d.id IN (SELECT id FROM points WHERE min_lat >= ? AND max_lat <= ? AND min_lon >= ? "
                         "AND max_lon <= ?)")
            args += [box[0], box[2], box[1], box[3]]
        if text:
            expression = self.match_expression(text)
            if not expression:
                return []
            # CROSS JOIN: the full-text match drives (SQLite would otherwise run it once per document of the kind)
            sql = (f"SELECT d.*, -bm25(fts, {weights}) FROM fts CROSS JOIN docs d ON d.id = fts.rowid "
                   f"WHERE fts MATCH ? AND {' AND '.join(where)}")
            return self.db.execute(sql, [expression, *args]).fetchall()
        return self.db.execute(f"SELECT d.*, 0.0 FROM docs d WHERE {' AND '.join(where)}", args).fetchall()

    def search_services(self, spec, per_page=20):
        """(total, facets, [row ids of the first page])."""
        place = geo.locate(spec["near"]) if spec.get("near") else None
        gemeente = geo.gemeente_of(place)
        radius = spec.get("radius_km")
        origin = (place.latitude, place.longitude) if place else None
        box = geo.bounding_box(origin, radius) if radius else None
        themes, access, open_now = set(spec.get("themes", ())), spec.get("access"), spec.get("open_now", False)
        hits = []
        for _id, _kind, row_id, name, theme_text, doc_access, doc_gemeente, area, lat, lon, is_open, score in \
                self.hits("service", spec.get("q", ""), box)[0]:
            distance = round(geo.distance_km(origin, (lat, lon)), 1) if origin and lat is not None else None
            if radius and (distance is None or distance > radius):
                continue
            in_area = areas.covers(set(area.split(",")), gemeente) if gemeente else None
            hits.append((row_id, name, set(filter(None, theme_text.split(","))), doc_access, doc_gemeente, distance,
                         is_open, score, in_area))
        facets = _facets(hits, themes, access, open_now)
        matching = [h for h in hits if themes <= h[2] and (not access or h[3] == access) and (h[6] or not open_now)]
        top = max((h[7] for h in matching), default=0.0) if spec.get("q", "").strip() else 0.0
        page = heapq.nsmallest(per_page, matching, key=_order_key(top, place is None))
        return len(matching), facets, [h[0] for h in page]

    def search_posts(self, spec, per_page=20):
        place = geo.locate(spec["near"]) if spec.get("near") else None
        radius = spec.get("radius_km")
        origin = (place.latitude, place.longitude) if place else None
        box = geo.bounding_box(origin, radius + 1) if radius else None
        hits, categories, kinds = [], {}, {}
        for kind in ("hulpvraag", "hulpaanbod"):
            for row in self.hits(kind, spec.get("q", ""), box)[0]:
                distance = _half_km(geo.distance_km(origin, (row[8], row[9]))) if origin and row[8] is not None \
                    else None
                if radius and (distance is None or distance > radius):
                    continue
                hits.append((row[2], row[10 + 1], distance))
                kinds[kind] = kinds.get(kind, 0) + 1
                for slug in filter(None, row[4].split(",")):
                    categories[slug] = categories.get(slug, 0) + 1
        top = max((h[1] for h in hits), default=0.0) if spec.get("q", "").strip() else 0.0
        key = _order_key(top, True)
        page = heapq.nsmallest(per_page, hits, key=lambda h: key((h[0], "", None, None, None, h[2], None, h[1], None)))
        return len(hits), {"categories": categories, "kinds": kinds}, [h[0] for h in page]


def _facets(hits, themes, access, open_now):
    counts = {"theme": {}, "access": {}, "gemeente": {}, "open_now": 0}
    for _row, _name, hit_themes, hit_access, hit_gemeente, _d, is_open, _s, _a in hits:
        themes_ok, access_ok = themes <= hit_themes, not access or hit_access == access
        open_ok = is_open or not open_now
        if access_ok and open_ok:
            for theme in hit_themes if themes_ok else ():
                counts["theme"][theme] = counts["theme"].get(theme, 0) + 1
        if themes_ok and open_ok and hit_access and (not access or hit_access == access):
            counts["access"][hit_access] = counts["access"].get(hit_access, 0) + 1
        if themes_ok and access_ok and open_ok and hit_gemeente:
            counts["gemeente"][hit_gemeente] = counts["gemeente"].get(hit_gemeente, 0) + 1
        if themes_ok and access_ok and is_open:
            counts["open_now"] += 1
    return counts


def _order_key(top, by_gemeente):
    def key(hit):
        row_id, name, _themes, _access, gemeente, distance, _open, score, in_area = hit
        part = (gemeente or "").casefold() if by_gemeente else (1 if in_area is False else 0)
        distance = math.inf if distance is None else distance
        band = (int((1 - score / top) / RELEVANCE_BAND), distance, -score) if top > 0 else (0, distance, 0.0)
        return (part, *band, name.casefold())
    return key


def _half_km(km):
    return max(0.5, round(km / 0.5) * 0.5)
