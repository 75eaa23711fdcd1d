"""``/contingent/``: each part of the scheme adds its pages through its module's ``routes``."""

from onderdak.contingent.views import (
    allocation,
    dwellings,
    nominations,
    placements,
    proposals,
    reports,
    years,
)

app_name = "contingent"
urlpatterns = [
    *reports.routes,
    *years.routes,
    *nominations.routes,
    *dwellings.routes,
    *proposals.routes,
    *placements.routes,
    *allocation.routes,
]
