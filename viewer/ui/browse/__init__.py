"""Reading records: the paged list model, the detail and citations panes, history, links.

Imports the timeline and widgets rooms and the store's public API; never window or edit code.
"""
