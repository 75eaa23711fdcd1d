from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "onderdak.funding"
    label = "funding"
