"""Pages of the framework module: participation (filled in by its part)."""

routes: list = []
