"""Audit entries the automatic change log does not write: reads of personal data."""

from auditlog.signals import accessed
from django.db import models


def record_access(*, instance: models.Model) -> None:
    """Log that the current actor opened ``instance`` (a record holding personal data).

    The actor and address come from the request context (``AuditlogMiddleware``, or
    ``bind_actor`` for API tokens), exactly as for changes.
    """
    accessed.send(sender=instance.__class__, instance=instance)
