from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitorConfig(AppConfig):
    name = "onderdak.monitor"
    label = "monitor"
    verbose_name = _("monitor")

    def ready(self) -> None:
        from onderdak.monitor.services.imports import register_kinds  # models are loaded now

        register_kinds()
