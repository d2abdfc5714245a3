"""Stable uuids for what the kaart stores without a row of its own (a phone number, a language, a theme)."""
import uuid
from datetime import timezone

NAMESPACE = uuid.UUID("5f1d6a3e-6b1c-4f0e-9d55-8c1b2a7e4b10")  # Buurtkaart's own; never change it
TAXONOMY_ID = str(uuid.uuid5(NAMESPACE, "taxonomy:themes"))


def derived(kind, *parts):
    """The same uuid for the same thing on every request and every export: uuid5(kind:parts)."""
    return str(uuid.uuid5(NAMESPACE, ":".join([kind, *map(str, parts)])))


def theme_id(slug):
    return derived("theme", slug)


def timestamp(moment):
    """HSDS date-time: UTC with milliseconds ("2026-12-04T10:30:45.123Z"); SQLite keeps no zone, it was UTC."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def compact(mapping):
    """Without the keys whose value nobody knows (None): HSDS fields are typed, null is not a string."""
    return {key: value for key, value in mapping.items() if value is not None}
