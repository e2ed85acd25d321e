"""Reusable inputs and Qt helpers: the date edit, pickers, table-row editors, text and colours.

Imports the domain only; never window, browse, timeline or edit code.
"""
