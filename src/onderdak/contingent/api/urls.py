"""The scheme's API routes under ``/api/v1/`` (resource names in plural kebab-case)."""

from rest_framework.routers import SimpleRouter

from onderdak.contingent.api import (
    allocation,
    dwellings,
    nominations,
    placements,
    proposals,
    reports,
    years,
)

router = SimpleRouter()
for part in (years, nominations, dwellings, proposals, placements, reports, allocation):
    part.register(router)
urlpatterns = router.urls
