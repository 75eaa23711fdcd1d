"""Pages of the contingent scheme: reports."""

#: URL patterns of this part, collected by ``onderdak.contingent.urls``.
routes: list = []
