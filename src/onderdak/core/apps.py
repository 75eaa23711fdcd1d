from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class CoreConfig(AppConfig):
    default = True
    name = "onderdak.core"
    label = "core"

    def ready(self) -> None:
        from onderdak.core import checks  # noqa: F401 - registers the system checks


class OnderdakAdminConfig(admin_apps.AdminConfig):
    """The admin with Onderdak's site: open to the administrator and coordinator roles only."""

    default = False
    default_site = "onderdak.core.admin.OnderdakAdminSite"
