"""Pages of the framework module: project (filled in by its part)."""

routes: list = []
