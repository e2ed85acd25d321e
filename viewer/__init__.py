"""Accords Viewer: a cited reference of who takes part in international accords."""

__version__ = "0.1.0"
