from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CapacityConfig(AppConfig):
    name = "onderdak.capacity"
    label = "capacity"
    verbose_name = _("capacity")

    def ready(self) -> None:
        from onderdak.capacity.services.figure_imports import register_kinds  # models are loaded

        register_kinds()
