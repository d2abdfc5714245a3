"""How precise a point is, most precise first."""
ADRES = "adres"
STRAAT = "straat"
POSTCODE = "postcode"
WOONPLAATS = "woonplaats"
GEMEENTE = "gemeente"
PRECISIONS = (ADRES, STRAAT, POSTCODE, WOONPLAATS, GEMEENTE)
