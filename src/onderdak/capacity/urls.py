"""``/capaciteit/``: each part of the module adds its pages through its module's ``routes``."""

from onderdak.capacity.views import facilities, plans, scenarios

app_name = "capacity"
urlpatterns = [
    *facilities.routes,
    *plans.routes,
    *scenarios.routes,
]
