"""The funding models: tracked in the audit trail, checked in the model (also for the admin)."""

from decimal import Decimal

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.funding.models import BudgetLine, KeyShare
from onderdak.region.models import Municipality, Region, Subregion


def test_every_funding_model_is_in_the_audit_trail():
    tracked = {
        (item if isinstance(item, str) else item["model"]).lower()
        for item in settings.AUDITLOG_INCLUDE_TRACKING_MODELS
    }
    funding = {model._meta.label_lower for model in apps.get_app_config("funding").get_models()}
    assert funding <= tracked


def test_a_year_outside_the_scenario_is_refused_by_the_model(scenario):
    line = BudgetLine(scenario=scenario, year=2032, funding_source="X", amount=1, source="Y")
    with pytest.raises(ValidationError) as caught:
        line.full_clean()
    assert "year" in caught.value.message_dict


def test_a_municipality_of_another_region_is_refused_by_the_model(scenario):
    region = Region.objects.create(name="Elders", slug="elders")
    subregion = Subregion.objects.create(region=region, name="O", slug="o", colour="#000000")
    outsider = Municipality.objects.create(
        region=region, subregion=subregion, cbs_code="GM9999", name="Verweg"
    )
    share = KeyShare(
        scenario=scenario, kind="use", municipality=outsider, share_percent=Decimal(1), source="Y"
    )
    with pytest.raises(ValidationError) as caught:
        share.full_clean()
    assert "municipality" in caught.value.message_dict


@pytest.mark.parametrize(
    ("role", "page", "status"),
    [
        (Role.REGIONAL_COORDINATOR, "changelist", 200),
        (Role.ADMINISTRATOR, "changelist", 200),
        (Role.ADMINISTRATOR, "change", 200),
        (Role.REGIONAL_COORDINATOR, "delete", 403),
        (Role.POLICY_OFFICER, "changelist", 302),
    ],
)
def test_the_admin_follows_the_rules(scenario, make_member, login, role, page, status):
    args = [] if page == "changelist" else [scenario.pk]
    path = reverse(f"admin:funding_fundingscenario_{page}", args=args)
    assert login(make_member(role)).get(path).status_code == status
