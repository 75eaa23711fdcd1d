"""A web page for the browser's page-by-page check: its address per user and who may see it."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

from onderdak.accounts.models import Role, User

EVERYONE = frozenset(Role.values)


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
