"""Pages of the framework module: frameworks (filled in by its part)."""

routes: list = []
