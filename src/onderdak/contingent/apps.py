from django.apps import AppConfig


class ContingentConfig(AppConfig):
    name = "onderdak.contingent"
    label = "contingent"
