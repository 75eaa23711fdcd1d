"""Changing an imported indicator's description (its values change only by importing again)."""

from django.db import transaction

from onderdak.core.validation import save_validated
from onderdak.monitor.models import Indicator

EDITABLE = ("name", "unit", "description", "counts_people")


@transaction.atomic
def indicator_update(
    *,
    indicator: Indicator,
    name: str | None = None,
    unit: str | None = None,
    description: str | None = None,
    counts_people: bool | None = None,
) -> Indicator:
    """Change the name, unit, description or whether the values count people (then small ones
    are hidden for aggregate roles). Arguments left ``None`` stay as they are."""
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    changes = {"name": name, "unit": unit, "description": description}
    changes["counts_people"] = counts_people
    for field, value in changes.items():
        if value is not None:
            setattr(indicator, field, value)
    return save_validated(indicator)
