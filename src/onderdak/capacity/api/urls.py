"""The capacity module's API routes under ``/api/v1/`` (resource names in plural kebab-case)."""

from rest_framework.routers import SimpleRouter

from onderdak.capacity.api import facilities, plans, scenarios

router = SimpleRouter()
for part in (facilities, plans, scenarios):
    part.register(router)
urlpatterns = router.urls
