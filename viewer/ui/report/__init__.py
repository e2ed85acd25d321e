"""The accord report: a PDF of the overview on one date, with every claim and its sources."""
