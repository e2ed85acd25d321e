"""Alembic migrations of the Accords Viewer schema, run by :mod:`viewer.store.database`."""
