"""CSV import and export of voorzieningen: read and check a file, plan what each row does, apply the plan.

No request code here. The format (explained to beheerders on /beheer/import):
- UTF-8 with a BOM and `;` between the cells: what Dutch Excel opens directly and saves as "CSV UTF-8".
  On import a `,` or a tab works too, and the BOM may be missing.
- The first row names the columns (`id` and COLUMNS). Only `naam` is required. A column left out of the file
  keeps what is stored (a new voorziening gets the default); an empty cell empties the field.
- `themas` and `doelgroepen` hold several values separated by `|`; `laatst_gecontroleerd` is YYYY-MM-DD;
  `werkgebied` holds gemeenten separated by commas, or "heel Nederland" (the own gemeente is always in it).
- A row with an `id` changes that voorziening; a row without one makes a new voorziening.
Exporting and importing the same file changes nothing.
"""
from webapp.beheer.csv_io.cells import (  # noqa: F401  (the package's interface)
    CHANGED, MAX_WRITES, NEW, REFUSED, STATUS_LABELS, UNCHANGED)
from webapp.beheer.csv_io.export import current_data, export_csv, exportable_services  # noqa: F401
from webapp.beheer.csv_io.planning import (  # noqa: F401
    apply_import, count_statuses, plan_digest, plan_import, too_many_writes, writes)
from webapp.beheer.csv_io.reading import decode_upload, read_rows  # noqa: F401
