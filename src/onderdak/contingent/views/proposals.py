"""Pages of the contingent scheme: proposals."""

#: URL patterns of this part, collected by ``onderdak.contingent.urls``.
routes: list = []
