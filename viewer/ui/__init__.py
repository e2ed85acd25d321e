"""The Qt window, in rooms by what the code is for.

``window`` (main window, actions, navigator) over ``edit`` (editor, undo
commands, conflicts; ``edit.forms``, one form per kind) and ``browse`` (list
model, detail, citations, history), over ``timeline``, over ``widgets``
(reusable inputs and Qt helpers): each room imports only the rooms below it,
and the store only through ``viewer.store.api``. The contracts in
pyproject.toml keep all of this so.
"""
