"""The accord report: a PDF of the overview on one date, with every claim and its sources.

Imports the overview, the timeline, widgets, the domain and viewer.store.api;
never window, edit or browse code. Its command (``accords-viewer report``)
runs from viewer/app.py, since the command line imports no Qt.
"""
