"""A participant's status over time: the timeline widget, its canvas and its colours.

Imports only widgets and the domain; never browse, edit or window code.
"""
