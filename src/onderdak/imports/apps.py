from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    """The import machinery every module uses; the modules register their kinds of file."""

    name = "onderdak.imports"
    label = "imports"
    verbose_name = _("imports")
