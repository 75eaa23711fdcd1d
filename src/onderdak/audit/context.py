"""Binds the acting user to audit entries where the middleware cannot see it (API tokens)."""

from auditlog.context import auditlog_value


def bind_actor(user) -> None:
    """Make ``user`` the actor of the audit entries written during this request.

    ``AuditlogMiddleware`` records the session user when the request starts; a token user is only
    known once DRF authenticates, so the API authentication calls this afterwards.
    """
    try:
        context = auditlog_value.get()
    except LookupError:
        return
    if context.get("actor") is None:
        context["actor"] = user
