"""The edit forms: the dialog base, the services it is given, and one form per record kind.

Imports widgets and the domain only: a form takes a record and returns one, and never
reaches the store, the editor or the window.
"""
