"""Changing records: the record editor, its undo commands and the conflict dialog.

Imports the forms, widgets and the store's public API; never browse or window code.
"""
