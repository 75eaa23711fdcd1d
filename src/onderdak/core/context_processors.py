from django.conf import settings


def site(request) -> dict:
    """What every page needs to know: demo mode and whether SSO is offered."""
    return {"DEMO_MODE": settings.DEMO, "OIDC_ENABLED": settings.OIDC_ENABLED}
