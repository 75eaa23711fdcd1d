"""``/api/v1/``: every app's API routes, plus the schema and its Swagger UI (local assets)."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

urlpatterns = [
    path("v1/", include("onderdak.accounts.api.urls")),
    path("v1/", include("onderdak.region.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
]
