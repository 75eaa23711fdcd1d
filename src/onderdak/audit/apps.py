from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "onderdak.audit"
    label = "audit"
