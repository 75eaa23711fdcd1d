"""Pages of the framework module: documents (filled in by its part)."""

routes: list = []
