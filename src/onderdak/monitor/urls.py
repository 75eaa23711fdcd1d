"""``/monitor/``: each part of the monitor adds its pages through its module's ``routes``."""

from onderdak.monitor.views import counts, dashboard, imports, indicators

app_name = "monitor"
urlpatterns = [
    *dashboard.routes,
    *counts.routes,
    *imports.routes,
    *indicators.routes,
]
