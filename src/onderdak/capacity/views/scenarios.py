"""Capacity pages: scenarios (filled in by its part)."""

routes: list = []
