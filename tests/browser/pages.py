"""Every web page of the app, who may see it, and which forms to submit invalidly.

The rights follow ``src/onderdak/*/rules.py``: reference data is for every member; changing it,
the audit trail and the admin are for the regional coordinator and the administrator; the user
pages are for the administrator; funding scenarios are read by policy, governance, municipality,
coordination and administration, built by policy officers and changed by them and the
administrator. Any other member gets the 403 page.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

from onderdak.accounts.models import Role, User
from onderdak.funding.demo import load_demo
from onderdak.region.models import Organisation, Region

EVERYONE = frozenset(Role.values)
COORDINATION = frozenset({Role.REGIONAL_COORDINATOR, Role.ADMINISTRATOR})
ADMINISTRATION = frozenset({Role.ADMINISTRATOR})
FUNDING_READERS = frozenset(
    {
        Role.POLICY_OFFICER,
        Role.MUNICIPALITY_OFFICER,
        Role.GOVERNANCE_READER,
        Role.REGIONAL_COORDINATOR,
        Role.ADMINISTRATOR,
    }
)
FUNDING_BUILDERS = frozenset({Role.POLICY_OFFICER})
FUNDING_EDITORS = frozenset({Role.POLICY_OFFICER, Role.ADMINISTRATOR})

MUNICIPALITY = "GM0546"  # Leiden


def first_organisation() -> int:
    return Organisation.objects.order_by("pk").values_list("pk", flat=True).first()


def demo_scenarios() -> list[int]:
    """The two demo funding scenarios (made on first use), by primary key."""
    return [scenario.pk for scenario in load_demo(region=Region.objects.order_by("pk").first())]


def scenario_url(name: str, *args) -> Callable[[User], str]:
    return lambda user: reverse(name, args=[demo_scenarios()[0], *args])


def comparison_url(name: str) -> Callable[[User], str]:
    def path(user: User) -> str:
        a, b = demo_scenarios()
        return f"{reverse(name)}?a={a}&b={b}"

    return path


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
    WebPage("funding:scenario_list", url("funding:scenario_list"), allowed=FUNDING_READERS),
    WebPage(
        "funding:scenario_detail",
        scenario_url("funding:scenario_detail"),
        allowed=FUNDING_READERS,
    ),
    WebPage("funding:compare", comparison_url("funding:compare"), allowed=FUNDING_READERS),
    WebPage(
        "funding:compare?same",
        lambda user: reverse("funding:compare") + "?a={0}&b={0}".format(demo_scenarios()[0]),
        allowed=FUNDING_READERS,
    ),
    WebPage(
        "funding:scenario_create",
        url("funding:scenario_create"),
        allowed=FUNDING_BUILDERS,
        invalid_input={},
    ),
    WebPage(
        "funding:scenario_update",
        scenario_url("funding:scenario_update"),
        allowed=FUNDING_EDITORS,
        invalid_input={"#id_name": "", "#id_cap_percent": "veel"},
    ),
    WebPage(
        "funding:scenario_copy",
        scenario_url("funding:scenario_copy"),
        allowed=FUNDING_BUILDERS,
        invalid_input={"#id_name": ""},
    ),
    WebPage(
        "funding:scenario_delete", scenario_url("funding:scenario_delete"), allowed=FUNDING_BUILDERS
    ),
    WebPage(
        "funding:budget_lines",
        scenario_url("funding:budget_lines"),
        allowed=FUNDING_EDITORS,
        invalid_input={"#id_amount_0": "veel", "#id_source_1": ""},
    ),
    WebPage(
        "funding:key_shares",
        scenario_url("funding:key_shares", "historisch"),
        allowed=FUNDING_EDITORS,
        invalid_input={"#id_share_GM0546": "50"},
    ),
    WebPage(
        "funding:regional_costs",
        scenario_url("funding:regional_costs"),
        allowed=FUNDING_EDITORS,
        invalid_input={"#id_source_regio": ""},
    ),
    WebPage(
        "funding:subregional_pools",
        scenario_url("funding:subregional_pools"),
        allowed=FUNDING_EDITORS,
        invalid_input={"#id_amount_rijnstreek_2026": "-1"},
    ),
    WebPage(
        "funding:planned_costs",
        scenario_url("funding:planned_costs"),
        allowed=FUNDING_EDITORS,
        invalid_input={"#id_amount_GM0546_2026": "x"},
    ),
    WebPage(
        "funding:indicator_weights",
        scenario_url("funding:indicator_weights"),
        allowed=FUNDING_EDITORS,
        invalid_input={"#id_weight_population": "2"},
    ),
    WebPage(
        "funding:phase_in_steps",
        scenario_url("funding:phase_in_steps"),
        allowed=FUNDING_EDITORS,
        invalid_input={"#id_step_2026": "0,5", "#id_step_2027": "0,25"},
    ),
    WebPage("404", lambda user: "/bestaat-niet/", allowed_status=404),
    WebPage("admin:index", url("admin:index"), allowed=COORDINATION, denied_status=None),
]
