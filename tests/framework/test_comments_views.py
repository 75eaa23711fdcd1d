"""Comments on an action's page: the owning municipality's officer comments, an editor answers;
another municipality's action cannot be commented on."""

import pytest
from django.urls import reverse

from onderdak.accounts.models import Role
from onderdak.framework.models import ActionComment, CommentStatus
from tests.framework.factories import ActionFactory
from tests.framework.tree_data import example_action

pytestmark = pytest.mark.usefixtures("policy_domains")


def test_comment_and_answer(region, make_member, login, client):
    action = example_action()
    officer = login(make_member(Role.MUNICIPALITY_OFFICER))
    response = officer.post(
        reverse("framework:comment_create", args=[action.pk]),
        {"kind": "proposal", "text": '<p>Later starten<img src=x onerror="alert(1)"></p>'},
    )
    assert response.status_code == 302
    comment = ActionComment.objects.filter(kind="proposal").get()
    assert comment.text == "<p>Later starten</p>"
    page = officer.get(reverse("framework:action_detail", args=[action.pk]))
    assert page.context["may_comment"]
    assert not page.context["may_answer"]
    other = ActionFactory(ambition=action.ambition)  # Leiden's, not the officer's
    refused = officer.get(reverse("framework:comment_create", args=[other.pk]))
    assert refused.status_code == 403
    client.logout()
    leader = login(make_member(Role.POLICY_OFFICER))
    answered = leader.post(
        reverse("framework:comment_answer", args=[comment.pk]),
        {"status": "declined", "answer": "Niet nu"},
    )
    assert answered.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.answer) == (CommentStatus.DECLINED, "Niet nu")
    again = leader.post(
        reverse("framework:comment_answer", args=[comment.pk]),
        {"status": "accepted", "answer": ""},
    )
    assert again.status_code == 200
    assert again.context["form"].non_field_errors()
