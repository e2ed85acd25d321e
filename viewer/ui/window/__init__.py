"""The main window and what frames it: actions, menus, the navigator, Back/Forward.

May import every other room of ``viewer.ui`` and the store's public API
(``viewer.store.api``); nothing in ``viewer.ui`` imports it.
"""
