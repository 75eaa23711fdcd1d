"""The import jobs' API routes under ``/api/v1/`` (``imports``)."""

from rest_framework.routers import SimpleRouter

from onderdak.imports.api import jobs

router = SimpleRouter()
jobs.register(router)
urlpatterns = router.urls
