"""The search benchmark (`bench/run`): Buurtkaart beside a SQLite FTS5 reference over the same synthetic data."""
