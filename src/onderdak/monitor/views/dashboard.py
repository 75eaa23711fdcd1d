"""Monitor pages: dashboard (filled in by its part)."""

routes: list = []
