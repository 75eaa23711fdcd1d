"""Pages of the contingent scheme: placements."""

#: URL patterns of this part, collected by ``onderdak.contingent.urls``.
routes: list = []
