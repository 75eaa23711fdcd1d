"""Writes of counts: their details, and which version is current."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from onderdak.accounts.models import User
from onderdak.core.errors import Conflict, DomainError
from onderdak.core.validation import save_validated
from onderdak.monitor.models import Count, CountVersion
from onderdak.region.models import Region

#: The details a user may change; ``is_demo`` is set by the demo loader only.
EDITABLE = ("title", "count_date", "area", "method", "source", "notes")


@transaction.atomic
def count_create(
    *,
    region: Region,
    created_by: User | None,
    title: str,
    count_date: datetime.date,
    area: str,
    method: str,
    source: str,
    notes: str = "",
    is_demo: bool = False,
) -> Count:
    """A new count without figures; its first import makes version 1."""
    count = Count(
        region=region,
        created_by=created_by,
        title=title,
        count_date=count_date,
        area=area,
        method=method,
        source=source,
        notes=notes,
        is_demo=is_demo,
    )
    return save_validated(count)


@transaction.atomic
def count_update(*, count: Count, **changes) -> Count:
    """Change a count's details (see :data:`EDITABLE`); its versions stay as they are."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise DomainError(fields={name: [_("This field cannot be changed.")] for name in unknown})
    count = Count.objects.select_for_update().get(pk=count.pk)
    for name, value in changes.items():
        setattr(count, name, value)
    return save_validated(count)


@transaction.atomic
def count_version_make_current(*, version: CountVersion) -> Count:
    """Make an earlier version of a count its current one again (the change is in the audit
    trail, as every change of a count). The later versions stay stored."""
    count = Count.objects.select_for_update().get(pk=version.count_id)
    if count.current_version_id == version.pk:
        raise Conflict(
            _("Version %(number)s is the current version already.") % {"number": version.number},
            code="already_current",
        )
    count.current_version = version
    count.save(update_fields=["current_version"])
    return count
