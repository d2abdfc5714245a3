"""Which models are searchable: every mapped class with a `__search_kind__`."""
from webapp.extensions import db
from webapp.search import facts


def searchable_models():
    """{kind: model class}, found on the declarative registry, so search never imports a feature package."""
    return {
        mapper.class_.__search_kind__: mapper.class_
        for mapper in db.Model.registry.mappers
        if getattr(mapper.class_, "__search_kind__", None)
    }


def search_targets(obj):
    """The searchable rows a changed object belongs to: itself, or the parents it names."""
    if getattr(obj, "__search_kind__", None):
        return [obj]
    parents = getattr(obj, "search_parents", None)
    return [parent for parent in (parents() if parents else []) if parent is not None]


def document_for(row):
    """The index document of a searchable row: its own fields plus key, kind, id, version and the facts column
    (which also holds what is in no field, such as `hours` and `published`)."""
    fields = {key: value for key, value in row.search_document().items() if value is not None}
    kind = row.__search_kind__
    document = {**fields, "key": f"{kind}:{row.id}", "kind": kind, "row_id": row.id, "version": row.version}
    document["facts"] = facts.encode(document)
    for name in facts.ONLY_HERE:
        document.pop(name, None)
    return document
