"""A kaart location as an HSDS location: address, point, wheelchair access."""
from webapp.directory.vocab import NO, YES
from webapp.opendata.ids import compact, derived

ACCESSIBILITY = {YES: "Rolstoeltoegankelijk", NO: "Niet rolstoeltoegankelijk"}  # onbekend: nothing is said
COUNTRY = "NL"


def location(row, remote_only=False):
    """Online or by phone only: a virtual location, without a point, its address (if any) for post only."""
    return compact({
        "id": row.id,
        "location_type": "virtual" if remote_only else "physical",
        "name": row.name,
        "latitude": None if remote_only else row.latitude,
        "longitude": None if remote_only else row.longitude,
        "addresses": addresses(row, "postal" if remote_only else "physical"),
        "accessibility": accessibility(row),
    })


def addresses(row, kind="physical"):
    """What is known of where it is: the street and woonplaats may be unknown (""), the gemeente (region) is always
    there. The province is not stored, so state_province stays empty rather than guessed."""
    return [{"id": derived("address", row.id), "location_id": row.id, "address_1": row.address or "",
             "city": row.woonplaats or "", "region": row.gemeente, "state_province": "",
             "postal_code": row.postcode or "", "country": COUNTRY, "address_type": kind}]


def accessibility(row):
    text = ACCESSIBILITY.get(row.wheelchair_access)
    if text is None:
        return []
    return [{"id": derived("accessibility", row.id), "location_id": row.id, "description": text,
             "details": "rolstoel"}]
