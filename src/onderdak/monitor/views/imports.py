"""Monitor pages: imports (filled in by its part)."""

routes: list = []
