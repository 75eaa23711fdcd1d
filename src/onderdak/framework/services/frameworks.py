"""Writes of a framework itself: made for a region, its title, period and vision changed.

The vision is pasted text: it is cleaned (``services.text.clean_html``) before it is stored. A
period that would leave an action's dates outside it is refused, so the tree stays inside it.
"""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from onderdak.core.errors import DomainError, Forbidden
from onderdak.core.validation import save_validated
from onderdak.framework.models import Action, Framework
from onderdak.framework.services.text import clean_html
from onderdak.region.models import Region

EDITABLE = ("title", "first_year", "last_year", "vision")


def check_editor(user, permission: str = "framework.change_framework") -> None:
    """Refuses a user who may not change the framework (the views check too; the API and the
    shell come here directly)."""
    if not user.has_perm(permission):
        raise Forbidden()


@transaction.atomic
def framework_create(
    *,
    user,
    region: Region,
    title: str,
    first_year: int,
    last_year: int,
    vision: str = "",
    is_demo: bool = False,
) -> Framework:
    check_editor(user, "framework.add_framework")
    framework = Framework(
        region=region,
        title=title.strip(),
        first_year=first_year,
        last_year=last_year,
        vision=clean_html(vision),
        is_demo=is_demo,
    )
    return save_validated(framework)


@transaction.atomic
def framework_update(*, user, framework: Framework, **changes) -> Framework:
    """Changes the title, period or vision (see :data:`EDITABLE`)."""
    check_editor(user)
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise DomainError(fields={name: [_("This field cannot be changed.")] for name in unknown})
    framework = Framework.objects.select_for_update().get(pk=framework.pk)
    for name, value in changes.items():
        setattr(framework, name, clean_html(value) if name == "vision" else value)
    framework.title = framework.title.strip()
    _check_period(framework)
    return save_validated(framework)


def _check_period(framework: Framework) -> None:
    """An action that would fall outside the new period keeps the old one."""
    if framework.first_year is None or framework.last_year is None:
        return
    outside = Action.objects.filter(ambition__theme__framework=framework).filter(
        _outside_years(framework.first_year, framework.last_year)
    )
    if outside.exists():
        raise DomainError(
            _("Some actions fall outside this period; change their dates first."),
            fields={"first_year": [_("Some actions fall outside this period.")]},
        )


def _outside_years(first_year: int, last_year: int):
    return Q(starts_on__year__lt=first_year) | Q(ends_on__year__gt=last_year)
