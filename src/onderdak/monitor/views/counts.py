"""Monitor pages: counts (filled in by its part)."""

routes: list = []
