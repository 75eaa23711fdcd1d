"""Pages of the contingent scheme: dwellings."""

#: URL patterns of this part, collected by ``onderdak.contingent.urls``.
routes: list = []
