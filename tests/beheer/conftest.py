"""The role accounts and `login` fixture live in tests/conftest.py (voor elkaar tests use them too)."""
