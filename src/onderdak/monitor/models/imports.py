"""The monitor's kinds of import file, by the key its import jobs (``onderdak.imports``) carry."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    COUNT = "count", _("count")
    INDICATORS = "indicators", _("indicators")
