"""The one domain error type (DESIGN.md §4.7).

Services raise ``DomainError`` (or a subclass); the API turns it into the one JSON error shape and
web views show its message beside the form. Messages are translatable and never hold personal data.
"""

from collections.abc import Mapping, Sequence

from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    status_code = 400
    default_code = "invalid"
    default_message = _("The request could not be processed.")

    def __init__(
        self,
        message: str | None = None,
        *,
        code: str | None = None,
        fields: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.message = message or self.default_message
        self.code = code or self.default_code
        self.fields = {name: [str(m) for m in msgs] for name, msgs in (fields or {}).items()}
        super().__init__(str(self.message))


class NotFound(DomainError):
    status_code = 404
    default_code = "not_found"
    default_message = _("The requested item does not exist.")


class Forbidden(DomainError):
    status_code = 403
    default_code = "permission_denied"
    default_message = _("You do not have permission to do this.")


class Conflict(DomainError):
    status_code = 409
    default_code = "conflict"
    default_message = _("This change conflicts with the current state; reload and try again.")
