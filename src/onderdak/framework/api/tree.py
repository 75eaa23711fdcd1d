"""API of the framework module: tree (filled in by its part)."""


def register(router) -> None:
    """Adds this part's viewsets to the module's router."""
