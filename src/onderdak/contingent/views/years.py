"""Pages of the contingent scheme: years."""

#: URL patterns of this part, collected by ``onderdak.contingent.urls``.
routes: list = []
