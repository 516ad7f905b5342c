"""Thi Đua settings: one module, driven by environment variables with development defaults."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
# Wraps each secret ballot's own key (emulation/council/ballots/box.py); keep it out of the database and its backups.
BALLOT_KEY = os.environ.get("BALLOT_KEY", "")
if not BALLOT_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("BALLOT_KEY must be set when DEBUG is off.")
    BALLOT_KEY = "dev-ballot:" + SECRET_KEY

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = [SITE_URL]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sites",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tables2",
    "django_filters",
    "django_htmx",
    "template_partials",
    "bootstrap",
    "units",
    "evaluations",
    "emulation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "units.accounts.middleware.LocaleMiddleware",  # Vietnamese first; English only when chosen (cookie)
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "units.accounts.middleware.RequireTwoFactorMiddleware",
]

SECURE_REFERRER_POLICY = "same-origin"  # links to other sites carry no path or query of ours
# Content-Security-Policy (django-csp): scripts only from our own static files — no inline script, no eval — so an
# injected <script> or on*= attribute does not run. Inline style attributes stay allowed (layout only); images may be
# data: URIs (QR codes of two-factor enrolment).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "units.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"), conn_max_age=60
    )
}
# One transaction per request: a request cut short (a database restart, a crash) leaves nothing half-written.
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["CACHE_URL"]}
        if os.environ.get("CACHE_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

AUTH_USER_MODEL = "units.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
SITE_ID = 1

# allauth: e-mail login, accounts are provisioned (no open sign-up), rate-limited failures.
ACCOUNT_ADAPTER = "units.accounts.adapters.ProvisionedAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_NOTIFICATIONS = True  # tell users by e-mail when their password or two-factor settings change
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key", "reset_password": "20/m/ip,5/m/key"}
# How many reverse proxies of ours append to X-Forwarded-For: 0 reads REMOTE_ADDR; 1 (one nginx) reads the address
# that proxy saw. Every rate limit (allauth's and units/accounts/ratelimits.py) keys on that address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Thi Đua"
# Addresses are entered by administrators (no sign-up), and a password-reset request records them unverified;
# allauth would then refuse TOTP enrolment, locking out the roles that must enrol.
MFA_ALLOW_UNVERIFIED_EMAIL = True
# Roles whose holders must enrol TOTP before using the app.
MFA_REQUIRED_ROLES = ["administrator", "council_member", "council_secretary"]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60  # the language choice outlives the browser session
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media-not-served/"  # evidence and certificates are served only through checked views
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Thi Đua <no-reply@thidua.local>")

# Celery: Redis in production and CI; with no broker configured, tasks run eagerly in-process.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", CELERY_BROKER_URL or None)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE: dict = {}
CELERY_BEAT_SCHEDULE["flush-outbox"] = {
    "task": "units.tasks.flush_outbox",
    "schedule": 60.0,  # background work kept while the broker was down (units/outbox/services.py)
}
CELERY_BEAT_SCHEDULE["apply-reorganisation-moves"] = {
    "task": "units.tasks.apply_due_reorganisation_moves",
    "schedule": 3600.0,  # hourly: a unit moves to its new parent on the act's effective day, not when it is recorded
}
CELERY_BEAT_SCHEDULE["close-appeal-windows"] = {
    "task": "evaluations.appeals.tasks.close_appeal_windows",
    "schedule": 3600.0,  # hourly: a window closes at the end of its deadline day
}
CELERY_BEAT_SCHEDULE["recompute-open-periods"] = {
    "task": "emulation.scoring.tasks.recompute_open_periods",
    "schedule": 24 * 3600.0,  # daily: scores of every open period again (frozen ones are skipped)
}

CELERY_BEAT_SCHEDULE["remind-pledge-deadlines"] = {
    "task": "emulation.pledges.tasks.remind_pledge_deadlines",
    "schedule": 24 * 3600.0,  # daily; each user gets a given reminder at most once a day
}
CELERY_BEAT_SCHEDULE["remind-scheduled-inspections"] = {
    "task": "evaluations.inspections.tasks.remind_scheduled_inspections",
    "schedule": 6 * 3600.0,  # the day before; repeats the same day are dropped
}
# How many days before the registration deadline units without a submitted pledge are reminded (data, not code).
REGISTRATION_REMINDER_DAYS = int(os.environ.get("REGISTRATION_REMINDER_DAYS", "7"))

WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

DJANGO_TABLES2_TEMPLATE = "tables/table.html"  # bootstrap5-responsive, its body written in Python
DJANGO_TABLES2_TABLE_ATTRS = {"class": "table table-sm table-hover align-middle"}

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_CONTENT_TYPE_NOSNIFF = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"refusals": {"()": "units.accounts.log_filters.RefusalsWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"filters": ["refusals"]}},  # a 403 is one line, without a traceback
}

# Home-page "needs attention" providers of the apps above `units` (dotted paths to functions of a user).
ATTENTION_PROVIDERS: list[str] = []
ATTENTION_PROVIDERS.append("evaluations.inspections.home.inspections_attention")
ATTENTION_PROVIDERS.append("evaluations.appeals.home.appeals_attention")
ATTENTION_PROVIDERS.append("emulation.pledges.home.pledges_attention")
ATTENTION_PROVIDERS.append("emulation.assessments.home.assessments_attention")
ATTENTION_PROVIDERS.append("emulation.council.home.council_attention")
ATTENTION_PROVIDERS.append("emulation.scoring.home.unit_standing_attention")
ATTENTION_PROVIDERS.append("emulation.council.home.unit_nominations_attention")

# Evidence photos: limits are data of the deployment, not constants in code.
EVIDENCE_MAX_BYTES = int(os.environ.get("EVIDENCE_MAX_BYTES", str(12 * 1024 * 1024)))
EVIDENCE_MAX_PIXELS = int(os.environ.get("EVIDENCE_MAX_PIXELS", str(40_000_000)))
EVIDENCE_STORED_MAX_SIDE = int(os.environ.get("EVIDENCE_STORED_MAX_SIDE", "2560"))
EVIDENCE_THUMBNAIL_SIDE = 320

# Certificates: QR module size in the PDF, public verification requests allowed per IP address and minute, and how
# long a newly issued certificate is pointed out on its holder's home page.
CERTIFICATE_QR_SCALE = 4
VERIFY_RATE_LIMIT_PER_MINUTE = int(os.environ.get("VERIFY_RATE_LIMIT_PER_MINUTE", "30"))
VERIFY_PDF_MAX_BYTES = 10 * 1024 * 1024  # a PDF dropped on the public page to compare with the issued one
CERTIFICATE_NEW_DAYS = 30
# A queued or running batch without progress for this long lost its task (e.g. a broker restart): it may be restarted.
CERTIFICATE_BATCH_STALL_SECONDS = 600
# A batch is split into chunks of this many awards that several workers share; a chunk whose worker stopped beating
# for CERTIFICATE_CHUNK_STALE_SECONDS is taken over, and a beat task looks for such chunks every 30 s.
CERTIFICATE_CHUNK_SIZE = int(os.environ.get("CERTIFICATE_CHUNK_SIZE", "50"))
CERTIFICATE_CHUNK_STALE_SECONDS = int(os.environ.get("CERTIFICATE_CHUNK_STALE_SECONDS", "20"))
CELERY_BEAT_SCHEDULE["resume-stale-certificate-chunks"] = {
    "task": "emulation.certificates.tasks.resume_stale_chunks",
    "schedule": 30.0,
}
ATTENTION_PROVIDERS.append("emulation.certificates.home.certificates_attention")
# A task left unacknowledged by a killed worker goes back to the queue after this many seconds (Redis broker); it
# must exceed the longest task (a certificate chunk takes seconds), as a running task is redelivered too once it is
# exceeded.
# "max_retries": 0 — a web process that cannot reach the broker fails at once and keeps the task in the outbox
# (units/outbox/services.py) rather than stalling the request while it retries.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600")),
    "max_retries": 0,
}

# PAdES signatures of decisions and certificates (emulation/signing.py). Empty: the demo key and CA under
# MEDIA_ROOT/private/signing/ when `load_demo` wrote them, else PDFs are unsigned. Production: see README (PKCS#11).
SIGNING_PKCS12_PATH = os.environ.get("SIGNING_PKCS12_PATH", "")
SIGNING_PKCS12_PASSPHRASE = os.environ.get("SIGNING_PKCS12_PASSPHRASE", "")
SIGNING_TRUST_ROOTS = os.environ.get("SIGNING_TRUST_ROOTS", "")  # comma-separated PEM files
