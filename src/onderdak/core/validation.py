"""Model validation for services: one place that turns Django's errors into a ``DomainError``."""

from typing import TypeVar

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from onderdak.core.api.exceptions import NON_FIELD
from onderdak.core.errors import DomainError

M = TypeVar("M", bound=models.Model)


def save_validated(instance: M) -> M:
    """Run every model check (types, lengths, choices, uniqueness), then save.

    A failed check raises ``DomainError`` with field errors, before anything is written.
    """
    try:
        instance.full_clean()
    except ValidationError as error:
        fields = {
            (NON_FIELD if name == NON_FIELD_ERRORS else name): messages
            for name, messages in error.message_dict.items()
        }
        raise DomainError(_("The input is not valid."), fields=fields) from error
    instance.save()
    return instance
