"""The policy domains in the management screens: kept by the coordinator and the administrator,
never deleted."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.framework.models import PolicyDomain

pytestmark = pytest.mark.usefixtures("policy_domains")


@pytest.mark.parametrize(
    ("role", "allowed"),
    [(Role.ADMINISTRATOR, True), (Role.REGIONAL_COORDINATOR, True), (Role.POLICY_OFFICER, False)],
)
def test_policy_domains_in_the_admin(region, make_member, login, role, allowed):
    http = login(make_member(role))
    response = http.get(reverse("admin:framework_policydomain_changelist"))
    assert (response.status_code == 200) == allowed
    if allowed:
        domain = PolicyDomain.objects.first()
        url = reverse("admin:framework_policydomain_delete", args=[domain.pk])
        assert http.post(url, {"post": "yes"}).status_code == 403
        assert PolicyDomain.objects.filter(pk=domain.pk).exists()
