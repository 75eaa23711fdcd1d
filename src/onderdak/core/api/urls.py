"""``/api/v1/``: every app's API routes, plus the schema and its Swagger UI (local assets).

The schema and its documentation hold no data, so they are public like the source code.
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny

PUBLIC = {"permission_classes": [AllowAny], "authentication_classes": []}

urlpatterns = [
    path("v1/", include("onderdak.accounts.api.urls")),
    path("v1/", include("onderdak.region.api.urls")),
    path("v1/", include("onderdak.funding.api.urls")),
    path("v1/", include("onderdak.contingent.api.urls")),
    path("v1/", include("onderdak.imports.api.urls")),
    path("v1/", include("onderdak.monitor.api.urls")),
    path("v1/", include("onderdak.capacity.api.urls")),
    path("v1/", include("onderdak.framework.api.urls")),
    path("schema/", SpectacularAPIView.as_view(**PUBLIC), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="schema", template_name="core/swagger_ui.html", **PUBLIC
        ),
        name="swagger-ui",
    ),
]
