from django.apps import AppConfig


class RegionConfig(AppConfig):
    name = "onderdak.region"
    label = "region"
