"""The one settings module of Onderdak.

Every setting that differs between installations is read here from the environment, each with a
documented default (README, "Configuratie"). Nothing else in the code base reads ``os.environ``.
"""

from datetime import timedelta
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

SRC_DIR = Path(__file__).resolve().parent
BASE_DIR = SRC_DIR.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --- Mode --------------------------------------------------------------------------------------
DEBUG = env.bool("ONDERDAK_DEBUG", default=False)
DEMO = env.bool("ONDERDAK_DEMO", default=False)
DEMO_PORT = env.int("PORT", default=8000)
DEMO_PASSWORD = env.str("ONDERDAK_DEMO_PASSWORD", default="demo-onderdak-2026")
VAR_DIR = Path(env.str("ONDERDAK_VAR_DIR", default=str(BASE_DIR / "var")))

#: Used only where no key is set: management commands work, but serving refuses it outside demo
#: and debug mode (see ``wsgi.py`` and the ``onderdak.E001`` check).
INSECURE_KEY = "onderdak-insecure-development-key-never-use-in-production-0123456789"
SECRET_KEY = env.str("ONDERDAK_SECRET_KEY", default=INSECURE_KEY)
SECRET_KEY_MISSING = SECRET_KEY == INSECURE_KEY and not (DEBUG or DEMO)

ALLOWED_HOSTS = env.list("ONDERDAK_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("ONDERDAK_CSRF_TRUSTED_ORIGINS", default=[])

# --- Applications ------------------------------------------------------------------------------
INSTALLED_APPS = [
    "onderdak.core.apps.OnderdakAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "knox",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "auditlog",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "csp",
    "mozilla_django_oidc",
    "onderdak.core",
    "onderdak.accounts",
    "onderdak.region",
    "onderdak.audit",
    "onderdak.imports",
    "onderdak.funding",
    "onderdak.contingent",
    "onderdak.monitor",
    "onderdak.capacity",
    "onderdak.framework",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "onderdak.core.middleware.DutchUnlessChosenMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "onderdak.accounts.middleware.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "onderdak.urls"
WSGI_APPLICATION = "onderdak.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

FORM_RENDERER = "onderdak.core.forms.FormRenderer"
FORMS_URLFIELD_ASSUME_HTTPS = True

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "onderdak.core.context_processors.site",
            ],
        },
    },
]

# --- Database ----------------------------------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'onderdak.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("ONDERDAK_DB_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication, sessions, two-factor ------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "onderdak.accounts.backends.OnderdakModelBackend",
]
OIDC_RP_CLIENT_ID = env.str("OIDC_RP_CLIENT_ID", default="")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
if OIDC_ENABLED:
    AUTHENTICATION_BACKENDS.append("onderdak.accounts.backends.OnderdakOIDCBackend")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_RP_CLIENT_SECRET", default="")
OIDC_RP_SIGN_ALGO = env.str("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_OP_AUTHORIZATION_ENDPOINT = env.str("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env.str("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_USER_ENDPOINT = env.str("OIDC_OP_USER_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env.str("OIDC_OP_JWKS_ENDPOINT", default="")
OIDC_CREATE_USER = False

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Two-factor authentication can only be switched off in demo mode.
REQUIRE_2FA = env.bool("ONDERDAK_REQUIRE_2FA", default=not DEMO) or not DEMO
OTP_TOTP_ISSUER = env.str("ONDERDAK_OTP_ISSUER", default="Onderdak")

SESSION_IDLE_MINUTES = env.int("ONDERDAK_SESSION_IDLE_MINUTES", default=30)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AXES_FAILURE_LIMIT = env.int("ONDERDAK_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("ONDERDAK_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "onderdak.accounts.views.locked_out"
AXES_VERBOSE = False

# --- Security headers (manage.py check --deploy passes with the defaults) -----------------------
HTTPS = env.bool("ONDERDAK_HTTPS", default=not (DEBUG or DEMO))
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("ONDERDAK_HSTS_SECONDS", default=31536000) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SILENCED_SYSTEM_CHECKS = [] if HTTPS else ["security.W004", "security.W008", "security.W012"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- Internationalisation ----------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files -----------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("ONDERDAK_STATIC_ROOT", default=str(VAR_DIR / "static")))
MEDIA_ROOT = Path(env.str("ONDERDAK_PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private")))
STATIC_MANIFEST = env.bool("ONDERDAK_STATIC_MANIFEST", default=not (DEBUG or DEMO))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST
#: The largest file (CSV or XLSX) any module imports: counts, indicators, monthly figures.
IMPORT_MAX_BYTES = env.int("ONDERDAK_IMPORT_MAX_MB", default=25) * 1024 * 1024
WHITENOISE_AUTOREFRESH = DEBUG

# --- E-mail ------------------------------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("ONDERDAK_FROM_EMAIL", default="onderdak@localhost")
#: Where e-mails link to: the site's address as users reach it, without a trailing slash.
ONDERDAK_BASE_URL = env.str("ONDERDAK_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")

# --- API ---------------------------------------------------------------------------------------
API_TOKEN_HOURS = env.int("ONDERDAK_API_TOKEN_HOURS", default=10)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "onderdak.accounts.api.authentication.TokenAuthentication",
        "onderdak.accounts.api.authentication.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["onderdak.core.api.permissions.ActionPermission"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "onderdak.core.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "onderdak.core.api.exceptions.exception_handler",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
REST_KNOX = {
    "TOKEN_TTL": timedelta(hours=API_TOKEN_HOURS),
    "AUTO_REFRESH": False,
    "TOKEN_LIMIT_PER_USER": 10,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Onderdak API",
    "DESCRIPTION": (
        "API van Onderdak, het informatiesysteem voor maatschappelijke zorg. Elke fout heeft "
        "dezelfde vorm: `code`, `message` en `fields`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Deep links put a link inside each operation's button (axe: nested-interactive).
    "SWAGGER_UI_SETTINGS": {"deepLinking": False},
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "RoleEnum": "onderdak.accounts.models.Role",
        "OrganisationKindEnum": "onderdak.region.models.OrganisationKind",
        "DocumentKindEnum": "onderdak.contingent.models.DocumentKind",
        "StreamEnum": "onderdak.contingent.models.Stream",
        "DwellingStreamEnum": "onderdak.contingent.models.DwellingStream",
        "NominationStatusEnum": "onderdak.contingent.models.NominationStatus",
        "DwellingStatusEnum": "onderdak.contingent.models.DwellingStatus",
        "ProposalStatusEnum": "onderdak.contingent.models.ProposalStatus",
        "PlacementStatusEnum": "onderdak.contingent.models.PlacementStatus",
        "RatingEnum": "onderdak.contingent.models.Rating",
        "ImportKindEnum": "onderdak.imports.kinds.KIND_CHOICES",
        "LevelEnum": "onderdak.region.models.Level",
        "GovernanceBodyLevelEnum": "onderdak.region.models.GovernanceLevel",
        "ImportStatusEnum": "onderdak.imports.models.ImportStatus",
        "CapacityRunStatusEnum": "onderdak.capacity.models.RunStatus",
        "FrameworkVersionStatusEnum": "onderdak.framework.models.VersionStatus",
    },
}

# --- Audit trail -------------------------------------------------------------------------------
AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = False
AUDITLOG_STORE_JSON_CHANGES = True
#: Every model with domain data is listed here; a test fails when a new model is missing.
AUDITLOG_INCLUDE_TRACKING_MODELS = (
    "region.Region",
    "region.Subregion",
    "region.Municipality",
    "region.PopulationFigure",
    "region.Organisation",
    "region.GovernanceBody",
    "region.GovernanceRole",
    {"model": "accounts.User", "mask_fields": ["password"], "exclude_fields": ["last_login"]},
    "accounts.Membership",
    {"model": "otp_totp.TOTPDevice", "include_fields": ["user", "name", "confirmed"]},
    "funding.FundingScenario",
    "funding.BudgetLine",
    "funding.KeyShare",
    "funding.IndicatorWeight",
    "funding.PhaseInStep",
    "funding.RegionalCost",
    "funding.SubregionalPool",
    "funding.PlannedCost",
    "contingent.ContingentYear",
    "contingent.CorporationStock",
    "contingent.CorporationTarget",
    "contingent.SpreadTarget",
    "contingent.EligibilityCriterion",
    "contingent.DeclineReason",
    "contingent.AffordabilityLimit",
    {
        "model": "contingent.AllocationRun",
        "exclude_fields": ["input", "result", "baseline", "progress", "updated_at"],
    },
    "contingent.Client",
    "contingent.Nomination",
    "contingent.ExcludedMunicipality",
    {"model": "contingent.NominationDocument", "exclude_fields": ["file"]},
    "contingent.Dwelling",
    "contingent.Proposal",
    "contingent.Placement",
    "contingent.Evaluation",
    "monitor.ReferenceValue",
    "monitor.Count",
    {"model": "monitor.CountVersion", "exclude_fields": ["file_sha256"]},
    "monitor.Indicator",
    {"model": "imports.ImportJob", "exclude_fields": ["content", "errors", "progress"]},
    "capacity.FacilityType",
    "capacity.Facility",
    "capacity.MonthlyFigure",
    "capacity.CapacityPlan",
    "capacity.PlanLine",
    "capacity.Scenario",
    {"model": "capacity.SimulationRun", "exclude_fields": ["input", "result", "progress"]},
    {"model": "capacity.OptimisationRun", "exclude_fields": ["input", "result", "progress"]},
    "framework.PolicyDomain",
    "framework.Framework",
    {"model": "framework.FrameworkVersion", "exclude_fields": ["content"]},
    "framework.Theme",
    "framework.Ambition",
    {"model": "framework.Action", "m2m_fields": ["partners", "policy_domains"]},
    "framework.ActionIndicator",
    "framework.ActionTarget",
    "framework.ActionComment",
    "framework.Stakeholder",
    "framework.StakeholderLevel",
    {"model": "framework.ParticipationSession", "m2m_fields": ["participants"]},
    "framework.InputItem",
    "framework.DecisionStep",
    {"model": "framework.DecisionPaper", "exclude_fields": ["file"]},
    "framework.ProjectPhase",
    "framework.Milestone",
    "framework.WorkingGroup",
    "framework.GroupMember",
)

# --- Logging: never personal data; request paths carry no personal data by design ---------------
LOG_LEVEL = env.str("ONDERDAK_LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # django-axes would log usernames and addresses of failed logins; the audit of logins is its
    # own database table (AccessAttempt), readable in the admin.
    "loggers": {"axes": {"level": "ERROR"}},
}
