"""Plain records, enums, dates and validation. Imports neither Qt nor SQLAlchemy."""
