"""System checks of Onderdak's own configuration."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def secret_key_set(app_configs, **kwargs) -> list[Error]:
    if settings.SECRET_KEY_MISSING:
        return [
            Error(
                "ONDERDAK_SECRET_KEY is not set.",
                hint="Set a long random value in the environment (README, Configuratie).",
                id="onderdak.E001",
            )
        ]
    return []
