"""CSV import and export of voorzieningen (built in the CSV work)."""
