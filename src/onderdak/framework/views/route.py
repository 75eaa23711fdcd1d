"""Pages of the framework module: route (filled in by its part)."""

routes: list = []
