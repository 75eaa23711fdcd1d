"""Comments on actions: a municipality officer comments on, or proposes a change to, an action
their municipality owns; the project leader or programme team accepts or declines it, with an
answer. Texts are cleaned before they are stored."""

from django.db import transaction
from django.utils.translation import gettext as _

from onderdak.core.errors import Conflict, DomainError, Forbidden
from onderdak.core.validation import save_validated
from onderdak.framework.models import Action, ActionComment, CommentStatus
from onderdak.framework.services.text import clean_html, plain_text


@transaction.atomic
def comment_create(*, user, action: Action, kind: str, text: str) -> ActionComment:
    if not user.has_perm("framework.comment_action", action):
        raise Forbidden(_("You can comment only on actions your municipality owns."))
    text = clean_html(text)
    if not plain_text(text):
        raise DomainError(_("The input is not valid."), fields={"text": [_("Write a comment.")]})
    return save_validated(ActionComment(action=action, kind=kind, text=text, author=user))


@transaction.atomic
def comment_answer(*, user, comment: ActionComment, status: str, answer: str) -> ActionComment:
    """Accepts or declines an open comment with an answer."""
    if not user.has_perm("framework.answer_comment"):
        raise Forbidden()
    comment = ActionComment.objects.select_for_update().get(pk=comment.pk)
    if comment.status != CommentStatus.OPEN:
        raise Conflict(_("This comment has been answered already."), code="answered")
    if status == CommentStatus.OPEN:
        raise DomainError(
            _("The input is not valid."), fields={"status": [_("Accept or decline the comment.")]}
        )
    comment.status = status
    comment.answer = clean_html(answer)
    return save_validated(comment)
