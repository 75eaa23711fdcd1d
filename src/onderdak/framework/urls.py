"""``/beleidskader/``: each part of the module adds its pages through its module's ``routes``."""

from onderdak.framework.views import documents, frameworks, participation, project, route, tree

app_name = "framework"
urlpatterns = [
    *frameworks.routes,
    *tree.routes,
    *participation.routes,
    *route.routes,
    *project.routes,
    *documents.routes,
]
