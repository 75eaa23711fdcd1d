"""Pages of the contingent scheme: nominations."""

#: URL patterns of this part, collected by ``onderdak.contingent.urls``.
routes: list = []
