"""Capacity pages: facilities (filled in by its part)."""

routes: list = []
