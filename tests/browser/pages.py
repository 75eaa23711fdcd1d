"""Every web page of the app, who may see it, and which forms to submit invalidly.

The rights follow ``src/onderdak/*/rules.py``: reference data is for every member; changing it,
the audit trail and the admin are for the regional coordinator and the administrator; the user
pages are for the administrator; funding scenarios are read by policy, governance, municipality,
coordination and administration, built by policy officers and changed by them and the
administrator; in the contingent scheme each role sees its own cases and takes its own steps
(``tests/contingent/test_rights.py`` has the whole table; here a case page shows 404 to a role
that may not see the case, and a step's page is only visited by the roles that take it).
Any other member gets the 403 page.
"""

from collections.abc import Callable

from django.urls import reverse

from onderdak.accounts.models import Role, User
from onderdak.contingent.models import AllocationRun, Dwelling, Evaluation, Nomination
from onderdak.contingent.services import allocation
from onderdak.funding.demo import load_demo
from onderdak.region.models import Organisation, Region
from tests.browser.webpage import WebPage, url
from tests.capacity.pages import PAGES as CAPACITY_PAGES
from tests.contingent.factories import (
    ContingentYearFactory,
    DwellingFactory,
    NominationFactory,
    PlacementFactory,
    ProposalFactory,
)
from tests.factories import UserFactory, organisation_for
from tests.framework.pages import PAGES as FRAMEWORK_PAGES
from tests.monitor.pages import PAGES as MONITOR_PAGES

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
C, M, W, K = (
    Role.REGIONAL_COORDINATOR,
    Role.MUNICIPALITY_OFFICER,
    Role.CARE_WORKER,
    Role.CORPORATION_OFFICER,
)
CONTINGENT_READERS = frozenset(set(Role.values) - {Role.ADMINISTRATOR})
CASE_PARTIES = frozenset({C, M, W, K})


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


def contingent_cases() -> dict[str, int]:
    """A case of each kind and state the pages need, for the organisations ``logged_in`` puts
    members in (made on first use): by name, the primary key."""
    if not Nomination.objects.filter(client__client_number="PAGINA-CONCEPT").exists():
        _make_contingent_cases()
    nominations = dict(
        Nomination.objects.filter(client__client_number__startswith="PAGINA-").values_list(
            "client__client_number", "pk"
        )
    )
    placement = Nomination.objects.get(pk=nominations["PAGINA-GEPLAATST"]).placement
    return {
        "year": ContingentYearFactory().year,
        "draft": nominations["PAGINA-CONCEPT"],
        "submitted": nominations["PAGINA-INGEDIEND"],
        "dwelling": Dwelling.objects.get(street="Paginastraat").pk,
        "proposal": Nomination.objects.get(pk=nominations["PAGINA-VOORSTEL"]).proposals.get().pk,
        "awaiting_corporation": Nomination.objects.get(pk=nominations["PAGINA-CORPORATIE"])
        .proposals.get()
        .pk,
        "placement": placement.pk,
        "run": AllocationRun.objects.order_by("pk").values_list("pk", flat=True).first(),
    }


def _make_contingent_cases() -> None:
    region = Region.objects.order_by("pk").first()
    tie = {"tie_municipality": organisation_for(M, region).municipality}
    NominationFactory(client__client_number="PAGINA-CONCEPT", **tie)
    NominationFactory(client__client_number="PAGINA-INGEDIEND", submitted=True, **tie)
    DwellingFactory(street="Paginastraat")
    ProposalFactory(
        nomination__client__client_number="PAGINA-VOORSTEL",
        nomination__tie_municipality=tie["tie_municipality"],
    )
    ProposalFactory(
        nomination__client__client_number="PAGINA-CORPORATIE",
        nomination__tie_municipality=tie["tie_municipality"],
        awaiting_corporation=True,
    )
    placement = PlacementFactory(
        proposal__nomination__client__client_number="PAGINA-GEPLAATST",
        proposal__nomination__tie_municipality=tie["tie_municipality"],
    )
    Evaluation.objects.create(placement=placement, month=3, due_on=placement.lease_start)
    year = ContingentYearFactory()
    allocation.affordability_limits_load(region=year.region, year=year.year)
    NominationFactory(client__client_number="PAGINA-POOL", approved=True, **tie)
    DwellingFactory(street="Toewijzingstraat")
    allocation.allocation_run_start(contingent_year=year, by=UserFactory())


def case_url(name: str, case: str, *extra) -> Callable[[User], str]:
    return lambda user: reverse(name, args=[contingent_cases()[case], *extra])


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
    *(
        WebPage(name, path, allowed=CONTINGENT_READERS)
        for name, path in (
            ("contingent:overview", url("contingent:overview")),
            ("contingent:report", case_url("contingent:report", "year")),
            ("contingent:year_list", url("contingent:year_list")),
            ("contingent:year_detail", case_url("contingent:year_detail", "year")),
            ("contingent:decline_reason_list", url("contingent:decline_reason_list")),
        )
    ),
    WebPage(
        "contingent:year_create",
        url("contingent:year_create"),
        allowed=frozenset({C}),
        invalid_input={"#id_total": "250", "#id_outflow_target": "200"},
    ),
    *(
        WebPage(
            f"contingent:{name}", case_url(f"contingent:{name}", "year"), allowed=frozenset({C})
        )
        for name in ("year_update", "year_stocks", "year_targets", "year_spread", "year_criteria")
    ),
    WebPage(
        "contingent:decline_reason_create",
        url("contingent:decline_reason_create"),
        allowed=frozenset({C}),
        invalid_input={},
    ),
    WebPage(
        "contingent:nomination_list",
        url("contingent:nomination_list"),
        allowed=frozenset({C, M, W}),
    ),
    WebPage(
        "contingent:nomination_create", url("contingent:nomination_create"), allowed=frozenset({W})
    ),
    WebPage(
        "contingent:nomination_create?jaar",
        lambda user: (
            reverse("contingent:nomination_create")
            + f"?jaar={ContingentYearFactory().pk}&stroom=outflow"
        ),
        allowed=frozenset({W}),
        invalid_input={"#id_client_date_of_birth": "2090-01-01"},
    ),
    WebPage(
        "contingent:nomination_detail",
        case_url("contingent:nomination_detail", "draft"),
        allowed=frozenset({C, M, W}),
        denied_status=404,
    ),
    WebPage(
        "contingent:nomination_update",
        case_url("contingent:nomination_update", "draft"),
        allowed=frozenset({W}),
        denied_status=None,
        invalid_input={"#id_household_adults": "0"},
    ),
    WebPage(
        "contingent:document_upload",
        case_url("contingent:document_upload", "draft"),
        allowed=frozenset({W}),
        denied_status=None,
        invalid_input={},
    ),
    WebPage(
        "contingent:nomination_reject",
        case_url("contingent:nomination_reject", "submitted"),
        allowed=frozenset({C, M}),
        denied_status=None,
        invalid_input={},
    ),
    WebPage("contingent:dwelling_list", url("contingent:dwelling_list"), allowed=frozenset({C, K})),
    WebPage(
        "contingent:dwelling_create",
        url("contingent:dwelling_create"),
        allowed=frozenset({K}),
        invalid_input={"#id_rent": "5", "#id_postcode": "abc"},
    ),
    WebPage(
        "contingent:dwelling_detail",
        case_url("contingent:dwelling_detail", "dwelling"),
        allowed=frozenset({C, K}),
        denied_status=404,
    ),
    WebPage(
        "contingent:dwelling_withdraw",
        case_url("contingent:dwelling_withdraw", "dwelling"),
        allowed=frozenset({K}),
        denied_status=None,
        invalid_input={},
    ),
    WebPage("contingent:proposal_list", url("contingent:proposal_list"), allowed=CASE_PARTIES),
    WebPage(
        "contingent:proposal_create", url("contingent:proposal_create"), allowed=frozenset({C})
    ),
    WebPage(
        "contingent:proposal_detail",
        case_url("contingent:proposal_detail", "proposal"),
        allowed=CASE_PARTIES,
        denied_status=404,
    ),
    WebPage(
        "contingent:proposal_provider_decline",
        case_url("contingent:proposal_provider_decline", "proposal"),
        allowed=frozenset({W}),
        denied_status=None,
        invalid_input={},
    ),
    WebPage(
        "contingent:proposal_corporation_accept",
        case_url("contingent:proposal_corporation_accept", "awaiting_corporation"),
        allowed=frozenset({K}),
        denied_status=None,
        invalid_input={"#id_lease_start": ""},
    ),
    WebPage("contingent:placement_list", url("contingent:placement_list"), allowed=CASE_PARTIES),
    WebPage(
        "contingent:placement_detail",
        case_url("contingent:placement_detail", "placement"),
        allowed=CASE_PARTIES,
        denied_status=404,
    ),
    WebPage(
        "contingent:evaluation_record",
        case_url("contingent:evaluation_record", "placement", 3),
        allowed=frozenset({C, W, K}),
        denied_status=None,
        invalid_input={},
    ),
    WebPage(
        "contingent:placement_end",
        case_url("contingent:placement_end", "placement"),
        allowed=frozenset({C, W, K}),
        denied_status=None,
        invalid_input={},
    ),
    WebPage(
        "contingent:year_limits",
        case_url("contingent:year_limits", "year"),
        allowed=frozenset({C}),
        invalid_input={"#id_source": ""},
    ),
    WebPage(
        "contingent:allocation_list", url("contingent:allocation_list"), allowed=frozenset({C})
    ),
    WebPage(
        "contingent:allocation_start",
        url("contingent:allocation_start"),
        allowed=frozenset({C}),
        invalid_input={"#id_weight_urgency": "500"},
    ),
    *(
        WebPage(f"contingent:{name}", case_url(f"contingent:{name}", "run"), allowed=frozenset({C}))
        for name in ("allocation_detail", "allocation_change", "allocation_publish")
    ),
    *MONITOR_PAGES,
    *CAPACITY_PAGES,
    *FRAMEWORK_PAGES,
    WebPage("404", lambda user: "/bestaat-niet/", allowed_status=404),
    WebPage("admin:index", url("admin:index"), allowed=COORDINATION, denied_status=None),
]
