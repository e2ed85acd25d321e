"""The Qt window, in rooms by what the code is for.

``window`` (main window, actions, navigator) over ``edit`` (editor, undo
commands, conflicts; ``edit.forms``, one form per kind) and ``browse`` (list
model, detail, citations, history), over ``timeline``, over ``widgets``
(reusable inputs and Qt helpers). The store is reached only through
``viewer.store.api``; the contracts in pyproject.toml keep all of this so.
"""
