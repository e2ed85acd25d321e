"""The accord at a glance: the overview of who took part on any date (table, map, timeline).

Imports the timeline's colours and bands, the widgets and the store's public API;
never browse, edit or window code. The window puts the overview in its place.
"""
