"""Comments on actions: the owning municipality's officer comments, an editor answers."""

import pytest

from onderdak.accounts.models import Role
from onderdak.core.errors import Conflict, DomainError, Forbidden
from onderdak.framework.models import CommentStatus
from onderdak.framework.services.comments import comment_answer, comment_create
from onderdak.region.models import Municipality
from tests.framework.factories import ActionFactory

pytestmark = pytest.mark.usefixtures("policy_domains")
OWN = "GM0484"  # the municipality the test's municipality officer works for


def test_an_officer_comments_on_own_actions_only(region, make_member):
    officer = make_member(Role.MUNICIPALITY_OFFICER)
    own = ActionFactory(owner_municipality=Municipality.objects.get(cbs_code=OWN))
    comment = comment_create(
        user=officer, action=own, kind="proposal", text="<p>Later<script>x</script></p>"
    )
    assert comment.text == "<p>Later</p>"
    with pytest.raises(Forbidden):
        comment_create(user=officer, action=ActionFactory(), kind="comment", text="Nee")
    with pytest.raises(DomainError):
        comment_create(user=officer, action=own, kind="comment", text="<script>x</script>")


def test_an_editor_answers_once(region, make_member):
    officer = make_member(Role.MUNICIPALITY_OFFICER)
    leader = make_member(Role.POLICY_OFFICER)
    action = ActionFactory(owner_municipality=Municipality.objects.get(cbs_code=OWN))
    comment = comment_create(user=officer, action=action, kind="comment", text="Graag")
    with pytest.raises(Forbidden):
        comment_answer(user=officer, comment=comment, status="accepted", answer="")
    answered = comment_answer(user=leader, comment=comment, status="accepted", answer="Goed")
    assert answered.status == CommentStatus.ACCEPTED
    with pytest.raises(Conflict):
        comment_answer(user=leader, comment=comment, status="declined", answer="")
