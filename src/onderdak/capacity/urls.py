"""``/capaciteit/``: each part of the module adds its pages through its module's ``routes``."""

from onderdak.capacity.views import (
    calibration,
    facilities,
    optimisation,
    overview,
    plans,
    runs,
    scenarios,
)

app_name = "capacity"
urlpatterns = [
    *overview.routes,
    *facilities.routes,
    *plans.routes,
    *scenarios.routes,
    *runs.routes,
    *optimisation.routes,
    *calibration.routes,
]
