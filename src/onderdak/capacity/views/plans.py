"""Capacity pages: plans (filled in by its part)."""

routes: list = []
