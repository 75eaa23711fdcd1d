from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "onderdak.accounts"
    label = "accounts"
