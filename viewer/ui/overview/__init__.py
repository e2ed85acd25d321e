"""The accord at a glance: the overview of who took part on any date (table, map, timeline)."""
