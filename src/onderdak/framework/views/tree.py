"""Pages of the framework module: tree (filled in by its part)."""

routes: list = []
