"""Every role's rights on every page and endpoint: a table generated from the URL configuration.

``RULES`` names, for every URL of the project, who may use it. A URL that is missing from the
table fails ``test_every_url_is_in_the_table``, so a new page or endpoint cannot slip through
without its rights being declared and tested. The cases are the product of the table and every
role, plus an anonymous visitor and a member without a role.
"""

from itertools import count

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from onderdak.accounts.models import Role
from onderdak.region.models import Organisation
from tests.capacity import rights as capacity
from tests.conftest import verify_second_factor
from tests.contingent.test_rights import TABLE as CONTINGENT_TABLE
from tests.framework import rights as framework
from tests.funding import helpers as funding
from tests.funding import web as funding_web
from tests.imports import rights as imports
from tests.monitor import rights as monitor
from tests.rights_table import Case

EVERYONE = frozenset(Role.values)
COORDINATION = frozenset({Role.REGIONAL_COORDINATOR, Role.ADMINISTRATOR})
ADMIN = frozenset({Role.ADMINISTRATOR})
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
ANONYMOUS = "anonymous"
NO_ROLE = "no_role"
CALLERS = [*Role.values, NO_ROLE, ANONYMOUS]
_unique = count()


def organisation_payload():
    return {"name": f"Organisatie {next(_unique)}", "kind": "care_provider"}


def population_payload():
    return {
        "reference_date": f"{2030 + next(_unique) % 60}-01-01",
        "population": 1000,
        "source_url": "https://opendata.cbs.nl/statline/#/CBS/nl/dataset/03759ned",
    }


#: URL name → the cases that exercise it. ``None`` marks a URL tested elsewhere, with the reason.
RULES: dict[str, list[Case] | str] = {
    "core:home": [Case(EVERYONE | {NO_ROLE})],
    "healthz": [Case(EVERYONE, public=True)],
    "region:overview": [Case(EVERYONE)],
    "region:municipality_detail": [Case(EVERYONE)],
    "region:organisation_list": [Case(EVERYONE)],
    "region:governance": [Case(EVERYONE)],
    "region:organisation_create": [
        Case(COORDINATION),
        Case(COORDINATION, "post", 302, {"data": organisation_payload}),
    ],
    "region:organisation_update": [
        Case(COORDINATION),
        Case(COORDINATION, "post", 302, {"data": organisation_payload}),
    ],
    "region:population_create": [
        Case(COORDINATION),
        Case(COORDINATION, "post", 302, {"data": population_payload}),
    ],
    "audit:search": [Case(COORDINATION)],
    "accounts:profile": [Case(EVERYONE)],
    "accounts:user_list": [Case(ADMIN)],
    "accounts:user_detail": [Case(ADMIN)],
    "accounts:login": "public login page; tests/accounts/test_login.py",
    "accounts:logout": "POST only; tests/accounts/test_login.py",
    "accounts:second_factor": "second-factor flow; tests/accounts/test_second_factor.py",
    "accounts:second_factor_setup": "second-factor flow; tests/accounts/test_second_factor.py",
    "set_language": "language switch for anyone; tests/core/test_i18n.py",
    "schema": [Case(EVERYONE, public=True, api=True)],
    "swagger-ui": [Case(EVERYONE, public=True)],
    "auth-token": "token issuing; tests/accounts/test_api_token.py",
    "me": [Case(EVERYONE, api=True)],
    "subregion-list": [Case(EVERYONE, api=True)],
    "subregion-detail": [Case(EVERYONE, api=True)],
    "municipality-list": [Case(EVERYONE, api=True)],
    "municipality-detail": [Case(EVERYONE, api=True)],
    "municipality-population-figures": [
        Case(COORDINATION, "post", 201, {"data": population_payload}, api=True)
    ],
    "organisation-list": [
        Case(EVERYONE, api=True),
        Case(COORDINATION, "post", 201, {"data": organisation_payload}, api=True),
    ],
    "organisation-detail": [
        Case(EVERYONE, api=True),
        Case(COORDINATION, "patch", 200, {"data": organisation_payload}, api=True),
    ],
    "governance-body-list": [Case(EVERYONE, api=True)],
    "governance-body-detail": [Case(EVERYONE, api=True)],
    "funding-scenario-list": [
        Case(FUNDING_READERS, api=True),
        Case(FUNDING_BUILDERS, "post", 201, {"data": funding.scenario_payload}, api=True),
    ],
    "funding-scenario-detail": [
        Case(FUNDING_READERS, api=True),
        Case(FUNDING_EDITORS, "patch", 200, {"data": lambda: {"description": "x"}}, api=True),
        Case(FUNDING_BUILDERS, "delete", 204, api=True),
    ],
    "funding-scenario-copy": [
        Case(FUNDING_BUILDERS, "post", 201, {"data": lambda: {"name": "Kopie"}}, api=True)
    ],
    "funding-scenario-key-shares": [
        Case(FUNDING_EDITORS, "put", 200, {"data": funding.key_shares_payload}, api=True)
    ],
    **{
        f"funding-scenario-{name}": [Case(FUNDING_EDITORS, "put", 200, {"data": payload}, api=True)]
        for name, payload in (
            ("budget-lines", funding.budget_lines_payload),
            ("indicator-weights", funding.indicator_weights_payload),
            ("phase-in-steps", funding.phase_in_steps_payload),
            ("regional-costs", funding.regional_costs_payload),
            ("subregional-pools", funding.subregional_pools_payload),
            ("planned-costs", funding.planned_costs_payload),
        )
    },
    "funding-scenario-result": [Case(FUNDING_READERS, api=True)],
    "funding-scenario-compare": [
        Case(FUNDING_READERS, "get", 200, {"data": funding.compare_payload}, api=True)
    ],
    "funding:scenario_list": [Case(FUNDING_READERS)],
    "funding:scenario_detail": [Case(FUNDING_READERS)],
    "funding:scenario_export": [Case(FUNDING_READERS)],
    "funding:compare": [Case(FUNDING_READERS)],
    "funding:compare_export": [
        Case(FUNDING_READERS, "get", 200, {"data": funding_web.comparison_query})
    ],
    "funding:scenario_create": [
        Case(FUNDING_BUILDERS),
        Case(FUNDING_BUILDERS, "post", 302, {"data": funding_web.scenario_form}),
    ],
    "funding:scenario_update": [
        Case(FUNDING_EDITORS),
        Case(FUNDING_EDITORS, "post", 302, {"data": funding_web.settings_form}),
    ],
    "funding:scenario_copy": [
        Case(FUNDING_BUILDERS),
        Case(FUNDING_BUILDERS, "post", 302, {"data": funding_web.copy_form}),
    ],
    "funding:scenario_delete": [Case(FUNDING_BUILDERS), Case(FUNDING_BUILDERS, "post", 302)],
    **{
        f"funding:{name}": [
            Case(FUNDING_EDITORS),
            Case(FUNDING_EDITORS, "post", 302, {"data": form}),
        ]
        for name, form in (
            ("budget_lines", funding_web.budget_form),
            ("key_shares", funding_web.key_form),
            ("regional_costs", funding_web.regional_costs_form),
            ("subregional_pools", funding_web.subregional_pools_form),
            ("planned_costs", funding_web.planned_costs_form),
            ("indicator_weights", funding_web.indicator_weights_form),
            ("phase_in_steps", funding_web.phase_in_steps_form),
        )
    },
    **dict.fromkeys(
        CONTINGENT_TABLE, "role x endpoint x own/other case: tests/contingent/test_rights.py"
    ),
    **imports.RULES,
    **monitor.RULES,
    **capacity.RULES,
    **framework.RULES,
}

#: Funding URLs that take no scenario (the rest are requested for ``funding.rights_scenario()``).
FUNDING_WITHOUT_SCENARIO = {
    "funding-scenario-list",
    "funding-scenario-compare",
    "funding:scenario_list",
    "funding:scenario_create",
    "funding:compare",
    "funding:compare_export",
}


def _walk(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue  # the Django admin: tests/core/test_admin.py
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def project_url_names() -> set[str]:
    return {name for name in _walk(get_resolver().url_patterns) if "format" not in name}


def test_every_url_is_in_the_table():
    assert project_url_names() == set(RULES)


def _url(name: str, user_pk: int) -> str:
    for part in (imports, monitor, capacity, framework):
        if name in part.URLS:
            return part.URLS[name]()
    organisation = Organisation.objects.filter(kind="care_provider").order_by("pk").first()
    arguments = {
        "region:municipality_detail": ["GM0546"],
        "region:population_create": ["GM0546"],
        "region:organisation_update": [organisation.pk],
        "accounts:user_detail": [user_pk],
        "subregion-detail": [organisation.region.subregions.first().pk],
        "municipality-detail": ["GM0546"],
        "municipality-population-figures": ["GM0546"],
        "organisation-detail": [organisation.pk],
        "governance-body-detail": [organisation.region.governance_bodies.first().pk],
    }
    if name.startswith(("funding-scenario", "funding:")) and name not in FUNDING_WITHOUT_SCENARIO:
        arguments[name] = [funding.rights_scenario().pk]
    if name == "funding:key_shares":
        arguments[name].append("historisch")
    if name == "funding-scenario-key-shares":
        return reverse(name, kwargs={"pk": arguments[name][0], "kind": "historical"})
    return reverse(name, args=arguments.get(name, []))


CASES = [
    pytest.param(name, index, caller, id=f"{name}-{case.method}-{caller}")
    for name, cases in RULES.items()
    if isinstance(cases, list)
    for index, case in enumerate(cases)
    for caller in CALLERS
]


def _expected(case: Case, caller: str) -> set[int]:
    if case.public and case.method == "get":
        return {case.ok}
    if caller == ANONYMOUS:
        return {401} if case.api else {302}
    return {case.ok} if caller in case.allowed else {403}


def _client_for(caller, client, api_client, make_member, api):
    chosen = api_client if api else client
    if caller == ANONYMOUS:
        return chosen
    user = make_member(Role.CARE_WORKER if caller == NO_ROLE else caller)
    if caller == NO_ROLE:
        user.memberships.update(is_active=False)
    verify_second_factor(chosen, user)
    return chosen


@pytest.mark.parametrize(("name", "index", "caller"), CASES)
def test_rights(name, index, caller, region, client, api_client, make_member, admin_user):
    case = RULES[name][index]
    http = _client_for(caller, client, api_client, make_member, case.api)
    data = case.data.get("data", dict)()
    call = getattr(http, case.method)
    url = _url(name, admin_user.pk)
    response = call(url, data, format="json") if case.api else call(url, data)
    assert response.status_code in _expected(case, caller), response.content[:300]
