"""The monitor's API routes under ``/api/v1/`` (resource names in plural kebab-case)."""

from rest_framework.routers import SimpleRouter

from onderdak.monitor.api import counts, dashboard, indicators

router = SimpleRouter()
for part in (counts, dashboard, indicators):
    part.register(router)
urlpatterns = router.urls
