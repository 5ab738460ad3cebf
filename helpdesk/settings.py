"""Settings, read from the environment (see README.md and docs/deploy.md)."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# The fallback key is for development only; `check --deploy` flags it.
SECRET_KEY = os.environ.get("SECRET_KEY") or "django-insecure-development-only-key-change-me"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "helpdesk",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # GIN trigram indexes (helpdesk/trigram.py): its OpClass only renders inside an index once this app is ready.
    "django.contrib.postgres",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "assets",
    "tickets",
    "tickets.network",
    "tickets.parts",
    "tickets.meetings",
    "tickets.datarequests",
    "tickets.systems",
    "tickets.reports",
    "publishing",
    "publishing.knowledge",
    "tickets.consultations",
    "tickets.unitrequests",
    # Shared capabilities (helpdesk/): after the apps so their demo data sees the apps' records.
    "helpdesk.surveys",
    "helpdesk.notifications",
    "axes",
    "csp",
    # Last: its demo issues letters for the records the other apps' demos create.
    "helpdesk.correspondence",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "helpdesk.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "helpdesk.limits.RequestLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "helpdesk.dbretry.RetryIdempotentReadsMiddleware",
    # Last, as django-axes asks: answers locked-out login attempts (helpdesk/login_throttle.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "helpdesk.urls"
WSGI_APPLICATION = "helpdesk.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "helpdesk.templates_backend.SiteTemplates",
        "NAME": "django",  # the alias Django's own backend has (engines["django"])
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "helpdesk.context_processors.roles",
            ],
            "builtins": ["helpdesk.templatetags.thai"],
        },
    },
]

# Widgets render through their own engine; like the pages', it leaves out unused tag libraries.
FORM_RENDERER = "helpdesk.templates_backend.SiteFormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=os.environ.get("CONN_HEALTH_CHECKS", "1") == "1",
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": (
        {"BACKEND": "helpdesk.cache.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "helpdesk_cache"}
    )
}
# Rate-limit counters: Redis when configured, else one-statement counters in the database (helpdesk/ratelimit.py).
if not os.environ.get("REDIS_URL"):
    CACHES["ratelimit"] = {"BACKEND": "helpdesk.ratelimit.CounterCache"}
RATELIMIT_USE_CACHE = "default" if os.environ.get("REDIS_URL") else "ratelimit"
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed logins (django-axes, database handler: every app server sees the same counts). See
# helpdesk/login_throttle.py: per account and per client address, a cool-off that doubles as the
# failures go on, a Thai lock-out page, audit rows in AccessFailureLog/AccessAttempt.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("HELPDESK_LOGIN_FAILURE_LIMIT", "5"))
HELPDESK_LOGIN_COOLOFF_MINUTES = int(os.environ.get("HELPDESK_LOGIN_COOLOFF_MINUTES", "15"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = "helpdesk.login_throttle.cool_off"
AXES_LOCKOUT_CALLABLE = "helpdesk.login_throttle.locked_out"
AXES_CLIENT_IP_CALLABLE = "helpdesk.login_throttle.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_SENSITIVE_PARAMETERS = ["password"]
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "th"
LANGUAGES = [("th", _("ไทย")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Uploaded files are never served from a public URL: every download goes
# through an access-checked view (see helpdesk.files).
MEDIA_URL = "/media-not-served/"
# Uploaded files go through Django's storage API: an S3-compatible store replaces
# the local folder by configuration alone (several app servers then share it).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    DEFAULT_FILE_STORAGE_CONFIG = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    DEFAULT_FILE_STORAGE_CONFIG = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": DEFAULT_FILE_STORAGE_CONFIG,
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", False)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not env_bool("STATIC_MANIFEST", False)
# Request and upload caps, enforced by the app as well as by nginx (client_max_body_size):
# a body declared larger than HELPDESK_MAX_REQUEST_BYTES is refused before it is read, a file
# is stopped while it streams once it passes HELPDESK_MAX_UPLOAD_FILE_BYTES (helpdesk/limits.py);
# both answer with the Thai 413 page. Each form then applies its own, smaller per-type limits.
HELPDESK_MAX_REQUEST_BYTES = int(os.environ.get("HELPDESK_MAX_REQUEST_BYTES", str(30 * 1024 * 1024)))
HELPDESK_MAX_UPLOAD_FILE_BYTES = int(os.environ.get("HELPDESK_MAX_UPLOAD_FILE_BYTES", str(20 * 1024 * 1024)))
FILE_UPLOAD_HANDLERS = [
    "helpdesk.limits.FileSizeUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger files go to a temporary file, not memory
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # form fields other than files
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
DATA_UPLOAD_MAX_NUMBER_FILES = 20

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "helpdesk@localhost")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
    }
}

# LINE Messaging API (helpdesk/notifications/line.py): without the token and secret LINE is not offered.
LINE_CHANNEL_ACCESS_TOKEN = os.environ.get("LINE_CHANNEL_ACCESS_TOKEN", "")
LINE_CHANNEL_SECRET = os.environ.get("LINE_CHANNEL_SECRET", "")
LINE_API_HOST = os.environ.get("LINE_API_HOST", "https://api.line.me").rstrip("/")
LINE_OA_ID = os.environ.get("LINE_OA_ID", "")  # the Official Account's @id, shown on the linking page

# Reminders and escalation (manage.py send_reminders, helpdesk/reminders.py).
REMINDER_SLA_WARNING_MINUTES = int(os.environ.get("REMINDER_SLA_WARNING_MINUTES", "120"))
REMINDER_ESCALATE_AFTER_HOURS = int(os.environ.get("REMINDER_ESCALATE_AFTER_HOURS", "24"))
REMINDER_PUBLISHING_WARNING_HOURS = int(os.environ.get("REMINDER_PUBLISHING_WARNING_HOURS", "4"))

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy on every response (django-csp): scripts, styles, fonts and images only from
# this site (vendored under static/), no inline scripts or on* handlers (page behaviour lives in
# static/js/), no eval, no plugins, no framing, forms post only here. Inline style attributes stay
# allowed (charts, PDF previews); they cannot run code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
PERMISSIONS_POLICY = {
    "accelerometer": "()", "camera": "()", "geolocation": "()", "gyroscope": "()", "magnetometer": "()",
    "microphone": "()", "payment": "()", "usb": "()", "fullscreen": "(self)",
}
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_AGE = 60 * 60 * 10

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {
            "format": 'time="%(asctime)s" level=%(levelname)s logger=%(name)s msg="%(message)s"',
        },
    },
    "handlers": {"stdout": {"class": "logging.StreamHandler", "formatter": "structured"}},
    "root": {"handlers": ["stdout"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}

# Product settings (editable through the environment).
HELPDESK_ORGANISATION = os.environ.get("HELPDESK_ORGANISATION", "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร")
TRACKING_RATE_LIMIT = os.environ.get("TRACKING_RATE_LIMIT", "60/m")
# The public tracking page is cached per ticket version; details that change without a new
# version (the asset's other repairs, part names) may lag this many seconds.
TRACKING_PAGE_CACHE_SECONDS = int(os.environ.get("TRACKING_PAGE_CACHE_SECONDS", "30"))
# Days after delivery during which the unit may answer the satisfaction survey.
HELPDESK_SURVEY_DAYS = int(os.environ.get("HELPDESK_SURVEY_DAYS", "30"))
# Office hours on working days: the clock of minute/hour targets (helpdesk.workdays.add_working_minutes).
HELPDESK_OFFICE_HOURS = tuple(os.environ.get("HELPDESK_OFFICE_HOURS", "08:30-16:30").split("-", 1))
# Behind a reverse proxy every request comes from the proxy's address: name the
# header that carries the client's address (e.g. HTTP_X_REAL_IP) for the rate limits.
if os.environ.get("RATELIMIT_IP_META_KEY"):
    RATELIMIT_IP_META_KEY = os.environ["RATELIMIT_IP_META_KEY"]
# Government ID-card copies (personal data, Thai PDPA) are deleted this many days after the request finished.
HELPDESK_ID_CARD_RETENTION_DAYS = int(os.environ.get("HELPDESK_ID_CARD_RETENTION_DAYS", "90"))
# Personal-data files prepared for data requests are deleted this many days after the request closed.
HELPDESK_DATA_FILE_RETENTION_DAYS = int(os.environ.get("HELPDESK_DATA_FILE_RETENTION_DAYS", "90"))

# The REST API (/api/v1/, docs/api.md): personal tokens or the browser session, cursor pages, Thai errors.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "helpdesk.api.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_THROTTLE_CLASSES": ["helpdesk.api.throttling.ApiRateThrottle"],
    "DEFAULT_PAGINATION_CLASS": "helpdesk.api.pagination.ApiCursorPagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "helpdesk.api.errors.api_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "ICT Helpdesk API",
    "DESCRIPTION": "REST API v1 ของระบบบริการงานเทคโนโลยีสารสนเทศ (ดู docs/api.md)",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "TicketStatusEnum": "tickets.models.ticket.Status",
        "TicketChannelEnum": "tickets.models.ticket.Channel",
        "AssetStatusEnum": "assets.models.Asset.Status",
        "StockItemKindEnum": "tickets.parts.models.catalogue.Item.Kind",
        "IPRequestStatusEnum": "tickets.network.models.ip_request.IPRequest.Status",
        "MacChangeStatusEnum": "tickets.network.models.mac_change.MacChangeRequest.Status",
        "AccountRequestStatusEnum": "tickets.network.models.accounts.AccountRequest.Status",
        "CheckResultEnum": "tickets.network.models.common.CheckResult",
        "AccountRequestKindEnum": "tickets.network.models.accounts.AccountRequest.Kind",
        "PublishingStatusEnum": "publishing.models.PublishingRequest.Status",
        "MeetingBookingStatusEnum": "tickets.meetings.models.Booking.Status",
        "MeetingEquipmentStateEnum": "tickets.meetings.models.Booking.EquipmentState",
        "VCPlatformEnum": "tickets.meetings.models.VCAccount.Platform",
        "DataRequestStatusEnum": "tickets.datarequests.models.DataRequest.Status",
        "DataRequestChannelEnum": "tickets.datarequests.models.DataRequest.Channel",
        "DataRequestOutcomeEnum": "tickets.datarequests.models.DataRequest.Outcome",
        "DataDeliveryMethodEnum": "tickets.datarequests.models.DeliveryMethod",
        "AccountDeliveryMethodEnum": "tickets.network.models.accounts.AccountRequest.Delivery",
        "SystemStatusEnum": "tickets.systems.models.System.Status",
        "SystemChangeStatusEnum": "tickets.systems.models.ChangeRequest.Status",
        "SystemChangeKindEnum": "tickets.systems.models.ChangeRequest.Kind",
        "SystemDevRequestStatusEnum": "tickets.systems.models.DevRequest.Status",
        "SystemDevRequestTriggerEnum": "tickets.systems.models.DevRequest.Trigger",
        "ConsultationChannelEnum": "tickets.consultations.models.Consultation.Channel",
        "KnowledgeArticleKindEnum": "publishing.knowledge.models.Article.Kind",
        "KnowledgeAudienceEnum": "publishing.knowledge.models.Article.Audience",
    },
}
# Requests per token (or per signed-in user, or per address without either) in one window.
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "600/m")
# Longest life of a personal API token, in days.
API_TOKEN_MAX_DAYS = int(os.environ.get("API_TOKEN_MAX_DAYS", "365"))
