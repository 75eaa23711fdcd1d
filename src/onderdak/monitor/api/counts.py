"""Monitor API: counts (filled in by its part)."""


def register(router) -> None:
    """Adds this part's viewsets to the monitor's router."""
