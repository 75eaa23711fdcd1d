from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "onderdak.accounts"
    label = "accounts"

    def ready(self) -> None:
        from onderdak.accounts.api import schema  # noqa: F401 - registers the OpenAPI schemes
