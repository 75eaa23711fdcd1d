"""The tree's pages and endpoints: the number of queries does not grow with the framework.

Each is requested once to warm up, counted, then counted again after the framework grew (more
themes, ambitions and actions at every level, with partners, domains, indicators and comments,
and another version). A change in the second count means a query inside a loop: fix the selector,
not this test.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from onderdak.accounts.models import Role
from onderdak.framework.models import ActionComment, ActionIndicator, ActionTarget, PolicyDomain
from onderdak.framework.services.versions import version_create
from onderdak.region.models import Organisation
from tests.conftest import verify_second_factor
from tests.framework.factories import ActionFactory, AmbitionFactory, ThemeFactory
from tests.framework.tree_data import example_action, example_framework

PAGES = [
    ("framework:framework_detail", example_framework),
    ("framework:tree", example_framework),
    ("framework:matrix", example_framework),
    ("framework:matrix_export", example_framework),
    ("framework:version_list", example_framework),
    ("framework:diff", example_framework),
    ("framework:action_detail", example_action),
    ("framework-tree", example_framework),
    ("framework-matrix", example_framework),
]


def grow(leader) -> None:
    """Two more themes, each with two ambitions of three actions (one per level and owner
    kind), each with partners, domains, an indicator with targets and a comment; a version."""
    framework = example_framework()
    partners = list(Organisation.objects.filter(region=framework.region)[:3])
    domains = list(PolicyDomain.objects.all()[:2])
    for _theme in range(2):
        theme = ThemeFactory(framework=framework)
        for _ambition in range(2):
            ambition = AmbitionFactory(theme=theme)
            for trait in ({}, {"subregional": True}, {"regional": True}):
                action = ActionFactory(ambition=ambition, **trait)
                action.partners.set(partners)
                action.policy_domains.set(domains)
                indicator = ActionIndicator.objects.create(action=action, indicator_code="x")
                ActionTarget.objects.create(indicator=indicator, year=2027, value=3)
                ActionComment.objects.create(action=action, kind="comment", text="t", author=leader)
    ActionComment.objects.create(action=example_action(), kind="comment", text="t", author=leader)
    version_create(framework=framework, user=leader)


def count(http, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = http.get(path)
    assert response.status_code == 200, path
    return len(queries)


@pytest.mark.usefixtures("policy_domains")
def test_the_counts_do_not_grow(region, make_member):
    leader = make_member(Role.POLICY_OFFICER)
    web, api = Client(), APIClient()
    verify_second_factor(web, leader)
    verify_second_factor(api, leader)
    paths = {name: reverse(name, args=[find().pk]) for name, find in PAGES}

    def counts() -> dict[str, int]:
        return {name: count(api if "-" in name else web, path) for name, path in paths.items()}

    counts()  # warm up (the session, the caches)
    small = counts()
    grow(leader)
    assert counts() == small
