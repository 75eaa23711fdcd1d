"""The framework module's API routes under ``/api/v1/`` (resource names in plural kebab-case)."""

from rest_framework.routers import SimpleRouter

from onderdak.framework.api import participation, project, route, tree

router = SimpleRouter()
for part in (tree, participation, route, project):
    part.register(router)
urlpatterns = router.urls
