"""WSGI entry point for gunicorn: ``gunicorn onderdak.wsgi``."""

import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

from onderdak.core.startup import freeze_startup_objects

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "onderdak.settings")

application = get_wsgi_application()

if settings.SECRET_KEY_MISSING:
    raise ImproperlyConfigured(
        "ONDERDAK_SECRET_KEY is required outside demo and debug mode (see README, Configuratie)."
    )

freeze_startup_objects()
