from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from onderdak.core import views as core_views

urlpatterns = [
    path("", include("onderdak.core.urls")),
    path("healthz", core_views.healthz, name="healthz"),
    path("account/", include("onderdak.accounts.urls")),
    path("regio/", include("onderdak.region.urls")),
    path("audit/", include("onderdak.audit.urls")),
    path("bekostiging/", include("onderdak.funding.urls")),
    path("contingent/", include("onderdak.contingent.urls")),
    path("monitor/", include("onderdak.monitor.urls")),
    path("capaciteit/", include("onderdak.capacity.urls")),
    path("beleidskader/", include("onderdak.framework.urls")),
    path("beheer/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("onderdak.core.api.urls")),
]
if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

handler400 = core_views.bad_request
handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error
