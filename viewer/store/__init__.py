"""Schema, engine, migrations, queries, search, import and export. Imports no Qt."""
