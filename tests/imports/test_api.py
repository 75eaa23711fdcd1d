"""The shared ``imports`` endpoint, role by role and kind by kind: a job is opened (and its
report downloaded) by whoever sees jobs of its kind, and of those only the jobs they see; a
member who imports nothing of the kind is refused (403), one who may see such jobs but not
this one does not find it (404)."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from tests.capacity.facilities_data import example_job as figures_job
from tests.conftest import ALL_ROLES
from tests.monitor.counts_data import example_job as count_job

P, C, W = Role.POLICY_OFFICER, Role.REGIONAL_COORDINATOR, Role.CARE_WORKER
#: Per job: the status each role gets (the care worker is not the one who started it).
EXPECTED = {
    "count": {P: 200, C: 404, W: 404},
    "figures of a care worker": {P: 200, C: 200, W: 404},
    "figures of a policy officer": {P: 200, C: 200, W: 404},
}
JOBS = {
    "count": lambda: count_job(),
    "figures of a care worker": lambda: figures_job("afgekeurd.csv", W),
    "figures of a policy officer": lambda: figures_job("afgekeurd-beleid.csv", P),
}


@pytest.mark.parametrize("endpoint", ["import-detail", "import-report"])
@pytest.mark.parametrize("job", list(JOBS))
@pytest.mark.parametrize("role", ALL_ROLES)
def test_a_job_role_by_role(region, make_member, api_login, endpoint, job, role):
    url = reverse(endpoint, args=[JOBS[job]().pk])
    response = api_login(make_member(role)).get(url)
    assert response.status_code == EXPECTED[job].get(role, 403)


def test_the_starter_opens_their_own_job(region, make_member, api_login):
    job = figures_job("afgekeurd.csv", W)
    response = api_login(job.created_by).get(reverse("import-detail", args=[job.pk]))
    assert (response.status_code, response.json()["kind"]) == (200, "monthly_figures")


def test_the_list_holds_every_kind_of_the_callers_own_imports(region, make_member, api_login):
    officer = count_job().created_by
    figures = figures_job("afgekeurd-beleid.csv", P)
    client = api_login(officer)
    kinds = {job["kind"] for job in client.get(reverse("import-list")).json()["results"]}
    assert kinds == {"count"}
    own = {
        job["id"]
        for job in api_login(figures.created_by).get(reverse("import-list")).json()["results"]
    }
    assert own == {figures.pk}
