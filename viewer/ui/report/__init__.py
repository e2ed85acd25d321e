"""The accord report: a PDF of the overview on one date, with every claim and its sources.

Imports the overview (for its pictures and words), the timeline, the widgets and the
store's public API; never browse, edit or window code.
"""
