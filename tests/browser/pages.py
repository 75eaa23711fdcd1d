"""Every web page of the app, who may see it, and which forms to submit invalidly.

The rights follow ``src/onderdak/*/rules.py``: reference data is for every member; changing it,
the audit trail and the admin are for the regional coordinator and the administrator; the user
pages are for the administrator. Any other member gets the 403 page.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

from onderdak.accounts.models import Role, User
from onderdak.region.models import Organisation

EVERYONE = frozenset(Role.values)
COORDINATION = frozenset({Role.REGIONAL_COORDINATOR, Role.ADMINISTRATOR})
ADMINISTRATION = frozenset({Role.ADMINISTRATOR})

MUNICIPALITY = "GM0546"  # Leiden


def first_organisation() -> int:
    return Organisation.objects.order_by("pk").values_list("pk", flat=True).first()


@dataclass(frozen=True)
class WebPage:
    name: str
    path: Callable[[User], str]
    allowed: frozenset[str] = EVERYONE
    #: The answer for a member who may not see the page; ``None``: such members are not sent.
    denied_status: int | None = 403
    allowed_status: int = 200
    #: For form pages: the fields to fill (``{}``: none) before submitting the form invalidly.
    invalid_input: dict[str, str] | None = field(default=None)

    def status_for(self, role: str) -> int | None:
        return self.allowed_status if role in self.allowed else self.denied_status


def url(name: str, *args) -> Callable[[User], str]:
    return lambda user: reverse(name, args=args)


PAGES = [
    WebPage("core:home", url("core:home")),
    WebPage("region:overview", url("region:overview")),
    WebPage("region:municipality_detail", url("region:municipality_detail", MUNICIPALITY)),
    WebPage("region:organisation_list", url("region:organisation_list")),
    WebPage(
        "region:organisation_list?soort",
        lambda user: reverse("region:organisation_list") + "?soort=care_provider",
    ),
    WebPage(
        "region:organisation_create",
        url("region:organisation_create"),
        allowed=COORDINATION,
        invalid_input={},
    ),
    WebPage(
        "region:organisation_update",
        lambda user: reverse("region:organisation_update", args=[first_organisation()]),
        allowed=COORDINATION,
    ),
    WebPage(
        "region:population_create",
        url("region:population_create", MUNICIPALITY),
        allowed=COORDINATION,
        invalid_input={},
    ),
    WebPage("region:governance", url("region:governance")),
    WebPage(
        "audit:search",
        url("audit:search"),
        allowed=COORDINATION,
        invalid_input={"#id_van": "2026-02-01", "#id_tot": "2026-01-01"},
    ),
    WebPage("accounts:profile", url("accounts:profile")),
    WebPage("accounts:user_list", url("accounts:user_list"), allowed=ADMINISTRATION),
    WebPage(
        "accounts:user_detail",
        lambda user: reverse("accounts:user_detail", args=[user.pk]),
        allowed=ADMINISTRATION,
    ),
    WebPage("404", lambda user: "/bestaat-niet/", allowed_status=404),
    WebPage("admin:index", url("admin:index"), allowed=COORDINATION, denied_status=None),
]
