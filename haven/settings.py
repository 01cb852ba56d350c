"""Haven settings: one module, typed environment helpers that fail loudly, SQLite by default.

Environment variables are read once here. ``NAME_FILE`` may point at a file holding a secret
(for Docker/systemd credentials). ``HAVEN_ENV`` is ``development`` (default), ``test`` or
``production``; production turns on every transport and cookie protection.
"""

from __future__ import annotations

import base64
import binascii
import os
from datetime import timedelta
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

django_stubs_ext.monkeypatch()  # generic ModelAdmin[...] etc. at run time

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def envstr(name: str, default: str | None = None) -> str | None:
    """A string from ``NAME`` or from the file named by ``NAME_FILE``."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE: cannot read {file_name!r}: {exc}") from exc
    return os.environ.get(name, default)


def envbool(name: str, default: bool) -> bool:
    """A boolean; anything other than the usual spellings is an error, not False."""
    value = envstr(name)
    if value is None:
        return default
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}: expected true/false, got {value!r}")


def envint(name: str, default: int) -> int:
    """An integer; a non-number is an error."""
    value = envstr(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}: expected a whole number, got {value!r}") from exc


def envfloat(name: str, default: float) -> float:
    """A number; anything else is an error."""
    value = envstr(name)
    if value is None or value == "":
        return default
    try:
        return float(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}: expected a number, got {value!r}") from exc


def envlist(name: str, default: list[str]) -> list[str]:
    """A comma-separated list."""
    value = envstr(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


class SmtpSettings(NamedTuple):
    host: str
    port: int
    user: str
    password: str
    use_tls: bool
    use_ssl: bool
    timeout: int


def smtp_settings_from_url(name: str, url: str) -> SmtpSettings:
    """Django's SMTP settings from ``smtp://user:password@host:587?tls=1`` (``smtps://`` for TLS
    from the first byte). Errors name the variable and never repeat the URL: it holds a password."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(
            f"{name}: expected smtp://user:password@host:port or smtps://..., "
            f"got a URL starting {parts.scheme + ':' if parts.scheme else 'without a scheme'}"
        )
    if not parts.hostname:
        raise ImproperlyConfigured(f"{name}: the URL names no mail server host")
    query = parse_qs(parts.query, keep_blank_values=True)
    unknown = sorted(set(query) - {"tls", "ssl", "timeout"})
    if unknown:
        raise ImproperlyConfigured(
            f"{name}: unknown option(s) {', '.join(unknown)} (tls, ssl, timeout)"
        )

    def option(key: str, default: str) -> str:
        return query.get(key, [default])[-1].strip().lower()

    flags = {}
    for key, default in (("tls", "0"), ("ssl", "1" if scheme == "smtps" else "0")):
        if option(key, default) not in _TRUE | _FALSE:
            raise ImproperlyConfigured(f"{name}: {key}= expects 1 or 0")
        flags[key] = option(key, default) in _TRUE
    if flags["tls"] and flags["ssl"]:
        raise ImproperlyConfigured(f"{name}: tls=1 (STARTTLS) and ssl=1 (smtps) exclude each other")
    try:
        port = parts.port or (465 if flags["ssl"] else 587 if flags["tls"] else 25)
        timeout = int(option("timeout", "10"))
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}: the port and timeout= must be whole numbers") from exc
    return SmtpSettings(
        host=parts.hostname,
        port=port,
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        use_tls=flags["tls"],
        use_ssl=flags["ssl"],
        timeout=timeout,
    )


HAVEN_ENV = envstr("HAVEN_ENV", "development")
if HAVEN_ENV not in {"development", "test", "production"}:
    raise ImproperlyConfigured(
        f"HAVEN_ENV: expected development, test or production, got {HAVEN_ENV!r}"
    )
PRODUCTION = HAVEN_ENV == "production"

# Debug pages (tracebacks, the URL pattern list) only when a developer asks: HAVEN_DEBUG=1.
DEBUG = envbool("HAVEN_DEBUG", default=False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("HAVEN_DEBUG must be off when HAVEN_ENV=production")

# Demo mode relaxes MFA so a newcomer can click around; never in production.
HAVEN_DEMO = envbool("HAVEN_DEMO", default=False)
if PRODUCTION and HAVEN_DEMO:
    raise ImproperlyConfigured("HAVEN_DEMO cannot be on when HAVEN_ENV=production")

_secret = envstr("HAVEN_SECRET_KEY")
if not _secret:
    if PRODUCTION:
        raise ImproperlyConfigured(
            "HAVEN_SECRET_KEY (or HAVEN_SECRET_KEY_FILE) is required in production"
        )
    _secret = "django-insecure-haven-development-only-key-never-use-in-production"  # noqa: S105
SECRET_KEY = _secret
# Key rotation: the old key stays valid for sessions and signed links until they expire.
SECRET_KEY_FALLBACKS = envlist("HAVEN_SECRET_KEY_FALLBACKS", [])

ALLOWED_HOSTS = envlist(
    "HAVEN_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("HAVEN_ALLOWED_HOSTS is required in production")
CSRF_TRUSTED_ORIGINS = envlist("HAVEN_CSRF_TRUSTED_ORIGINS", [])
# A browser-session CSRF cookie, never a year-long one: a victim using a shared device leaves no
# lasting trace of a public form (reference §5: hide-your-visit; issue 14 item 1).
CSRF_COOKIE_AGE = None

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "channels",  # the web chat's WebSockets (haven.asgi, haven.webchat)
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "haven.core",
    "haven.govuk",
    "haven.accounts",
    "haven.contracts",
    "haven.people",
    "haven.referrals",
    "haven.casework",
    "haven.risk",
    "haven.support",
    "haven.plans",
    "haven.outcomes",
    "haven.followups",
    "haven.proceedings",
    "haven.incidents",
    "haven.safeguarding",
    "haven.marac",
    "haven.refuge",
    "haven.targethardening",
    "haven.housing",
    "haven.hardship",
    "haven.programmes",
    "haven.helpline",
    "haven.restorative",
    "haven.events",
    "haven.appraisal",
    "haven.finance",
    "haven.consent",
    "haven.workforce",
    "haven.outbox",
    "haven.portal",
    "haven.partners",
    "haven.referralimports",
    "haven.webchat",
    "haven.workbook",
    "haven.reporting",
    "haven.subjectaccess",
    "haven.retention",
    "haven.handover",
    "haven.demodata",  # `haven demo`
    "django_tasks_db",  # the production backend of django.tasks (TASKS below)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "haven.core.middleware.RequestIdMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "haven.core.middleware.SessionTimeoutMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "haven.core.middleware.MfaRequiredMiddleware",
    "haven.core.form_tokens.OneTimeFormTokenMiddleware",
    "haven.core.middleware.NoStoreMiddleware",
    "axes.middleware.AxesMiddleware",
]

# The secure web chat (haven.webchat) passes messages between the server's workers through
# Channels' layer: Redis in production (HAVEN_REDIS_URL), one process's memory elsewhere (the demo
# and tests) unless HAVEN_REDIS_URL names a Redis server. The cache follows it (Django's default,
# one process's memory, without Redis).
_redis_url = (envstr("HAVEN_REDIS_URL") or "").strip() or (
    "redis://127.0.0.1:6379/0" if PRODUCTION else ""
)
if _redis_url:
    if urlsplit(_redis_url).scheme not in {"redis", "rediss", "unix"}:
        raise ImproperlyConfigured(
            "HAVEN_REDIS_URL: expected redis://host:port/db, rediss://... or unix://..."
        )
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [_redis_url], "prefix": "haven"},
        }
    }
    # The same Redis is the cache, so what is counted in it (the appraisal link's and allauth's
    # rate limits) is counted once across the server's workers, not once per worker process.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _redis_url,
            "KEY_PREFIX": "haven",
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

ROOT_URLCONF = "haven.urls"
WSGI_APPLICATION = "haven.wsgi.application"
ASGI_APPLICATION = "haven.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "haven.jinja2.environment",
            "autoescape": True,
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.messages.context_processors.messages",
                "haven.core.context_processors.navigation",
                "haven.core.form_tokens.form_tokens",
            ],
        },
    },
    {
        # The Django template language stays for the admin and allauth's fallback pages.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
FORM_RENDERER = "haven.govuk.renderers.GovukFormRenderer"

VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        envstr("DATABASE_URL", f"sqlite:///{VAR_DIR / 'haven.sqlite3'}") or "",
        conn_max_age=envint("HAVEN_DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {
            "transaction_mode": "IMMEDIATE",
            # a 64 MB page cache and memory-mapped reads: a quarter's return reads every row of
            # a contract (benchmarks/returns.py); the defaults keep 8 MB and copy each page
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;"
            ),
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's default random_page_cost (4) prices an index lookup for spinning disks: on
    # SSD storage it makes the planner scan all 100,000 cases to find a team's 400 tasks
    # (team worklist 48 ms of SQL, against 1 ms at 1.1, the usual SSD setting). Per connection,
    # so a database tuned by its administrator keeps its own value when this is set to 0.
    _page_cost = envfloat("HAVEN_PG_RANDOM_PAGE_COST", 1.1)
    if _page_cost:
        DATABASES["default"].setdefault("OPTIONS", {})
        DATABASES["default"]["OPTIONS"]["options"] = f"-c random_page_cost={_page_cost}"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "account_login"

# django-allauth: staff log in with their email address; accounts are made by administrators.
ACCOUNT_ADAPTER = "haven.accounts.adapters.StaffAccountAdapter"
ACCOUNT_FORMS = {"reset_password": "haven.accounts.password_reset.StaffResetPasswordForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PRESERVE_USERNAME_CASING = False
# Per-account lockout is django-axes' job (configurable, audited, resettable by administrators);
# allauth keeps only a per-IP flood limit so the two do not give staff different messages.
ACCOUNT_RATE_LIMITS = {"login_failed": "30/m/ip"}
MFA_ADAPTER = "haven.accounts.adapters.StaffMFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Haven"
MFA_RECOVERY_CODE_COUNT = 10
# Staff must set up MFA before they see anything, except in demo mode (HAVEN_DEMO=1).
HAVEN_MFA_REQUIRED = not HAVEN_DEMO

# django-axes: lock an account after repeated failures.
AXES_FAILURE_LIMIT = envint("HAVEN_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=envint("HAVEN_LOGIN_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username"]
# Lock per account, not per IP address: staff often share one office NAT address, and an IP
# lockout would let one mistyped password lock out a whole team.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_USERNAME_CALLABLE = "haven.accounts.adapters.axes_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account/locked_out.html"
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = False

# Sessions: an idle timeout and a hard lifetime (seconds), both settings.
# A second POST of a form still being sent waits this long for the first (ADR 0007).
HAVEN_FORM_TOKEN_WAIT_SECONDS = envfloat("HAVEN_FORM_TOKEN_WAIT_SECONDS", 5.0)
HAVEN_SESSION_IDLE_SECONDS = envint("HAVEN_SESSION_IDLE_MINUTES", 15) * 60
HAVEN_SESSION_MAX_SECONDS = envint("HAVEN_SESSION_MAX_HOURS", 10) * 3600
SESSION_COOKIE_AGE = HAVEN_SESSION_MAX_SECONDS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# `haven serve` collects static files here (hashed names, compressed) when they are missing or stale.
STATIC_ROOT = Path(envstr("HAVEN_STATIC_ROOT") or VAR_DIR / "static")
try:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)
except OSError as exc:
    raise ImproperlyConfigured(f"HAVEN_STATIC_ROOT: cannot create {STATIC_ROOT}: {exc}") from exc
# Outside production WhiteNoise also serves straight from the apps' static folders, so static
# files work with DEBUG off under runserver too, without collectstatic.
WHITENOISE_USE_FINDERS = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# Mail: HAVEN_EMAIL_URL names an SMTP server. Without it, development writes each message to a
# folder (and logs where); production sends nothing and every feature that would mail says so
# (haven.core.mail.mail_configured).
_email_url = envstr("HAVEN_EMAIL_URL")
HAVEN_EMAIL_CONFIGURED = bool(_email_url) or not PRODUCTION
if _email_url:
    _smtp = smtp_settings_from_url("HAVEN_EMAIL_URL", _email_url)
    _mailer: dict[str, object] = {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": _smtp.host,
            "port": _smtp.port,
            "username": _smtp.user,
            "password": _smtp.password,
            "use_tls": _smtp.use_tls,
            "use_ssl": _smtp.use_ssl,
            "timeout": _smtp.timeout,
        },
    }
elif PRODUCTION:
    _mailer = {"BACKEND": "haven.core.mail.NotConfiguredEmailBackend"}
else:
    _mailer = {
        "BACKEND": "haven.core.mail.FolderEmailBackend",
        "OPTIONS": {"file_path": str(VAR_DIR / "mail")},
    }
MAILERS = {"default": _mailer}
_mail_host = next((h.lstrip(".") for h in ALLOWED_HOSTS if h.strip(".*")), "localhost")
DEFAULT_FROM_EMAIL = envstr("HAVEN_EMAIL_FROM") or f"Haven <noreply@{_mail_host}>"
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security headers. Django's built-in CSP with a nonce per response; no inline scripts or styles.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if PRODUCTION:
    SECURE_SSL_REDIRECT = envbool("HAVEN_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = envint("HAVEN_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-haven-session"
    CSRF_COOKIE_NAME = "__Host-haven-csrf"

# Logging never carries personal data: only request ids, paths of opaque ids and status codes.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "haven.core.logging.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": envstr("HAVEN_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        # Spark's Python-to-Java bridge reports every connection it opens and closes at INFO,
        # the last from a destructor at interpreter exit, after the console stream has closed.
        "py4j": {"level": "WARNING"},
        # WeasyPrint (the returns PDF) logs each layout step and font subset at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Haven-specific.
HAVEN_PROFILES_DIR = BASE_DIR / "haven" / "contracts" / "profiles"

# The workbook's pseudonym key (victim keys): read here, like every setting, so that
# HAVEN_WORKBOOK_KEY_FILE works too; the engine is given it (haven/workbook/keys.py).
# Police nominal ids are easy to guess: keys made with the published demo key could be reversed.
HAVEN_WORKBOOK_DEMO_KEY = "haven-workbook-demo-key-not-for-production"  # = engine's demo key
HAVEN_WORKBOOK_KEY = envstr("HAVEN_WORKBOOK_KEY") or ""
if PRODUCTION and HAVEN_WORKBOOK_KEY.strip() in {"", HAVEN_WORKBOOK_DEMO_KEY}:
    raise ImproperlyConfigured(
        "HAVEN_WORKBOOK_KEY (or HAVEN_WORKBOOK_KEY_FILE) is required in production, and not the "
        "demo key: victim keys made with the demo key could be reversed"
    )

# The outbox (haven/outbox, issue 14 item 9): email and SMS through GOV.UK Notify. The key
# (HAVEN_NOTIFY_API_KEY or _FILE) and one Notify template per channel whose body is
# ((subject))/((body)), the text Haven renders. Without a key, development, the demo and the
# tests use an offline fake that records what would be sent; production says Notify is not
# configured and leaves the message queued.
HAVEN_NOTIFY_API_KEY = (envstr("HAVEN_NOTIFY_API_KEY") or "").strip()
HAVEN_NOTIFY_EMAIL_TEMPLATE_ID = (envstr("HAVEN_NOTIFY_EMAIL_TEMPLATE_ID") or "").strip()
HAVEN_NOTIFY_SMS_TEMPLATE_ID = (envstr("HAVEN_NOTIFY_SMS_TEMPLATE_ID") or "").strip()
HAVEN_NOTIFY_FAKE = not HAVEN_NOTIFY_API_KEY and not PRODUCTION
if HAVEN_NOTIFY_API_KEY and not (HAVEN_NOTIFY_EMAIL_TEMPLATE_ID and HAVEN_NOTIFY_SMS_TEMPLATE_ID):
    raise ImproperlyConfigured(
        "HAVEN_NOTIFY_API_KEY is set: HAVEN_NOTIFY_EMAIL_TEMPLATE_ID and "
        "HAVEN_NOTIFY_SMS_TEMPLATE_ID (the Notify templates with ((subject)) and ((body))) are "
        "required too"
    )

# Scheduled jobs (issue 15: `haven retention-due`) use Django's django.tasks. Production queues
# them in the database (django-tasks-db; `haven db_worker` runs them); development, the demo and
# the tests run them at once. HAVEN_TASKS_BACKEND=database|immediate chooses outside production.
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
_tasks_backend = envstr("HAVEN_TASKS_BACKEND", "database" if PRODUCTION else "immediate")
if _tasks_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"HAVEN_TASKS_BACKEND: expected database or immediate, got {_tasks_backend!r}"
    )
if PRODUCTION and _tasks_backend != "database":
    raise ImproperlyConfigured("HAVEN_TASKS_BACKEND must be database when HAVEN_ENV=production")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_tasks_backend]}}
# The retention schedule (haven/retention/schedule.yaml: local-practice defaults, reference.md
# s7): a service's own policy as YAML, usually HAVEN_RETENTION_SCHEDULE_FILE=/etc/haven/....yaml.
# Checked at start-up (`haven check`): an invalid schedule stops Haven naming the place.
HAVEN_RETENTION_SCHEDULE = envstr("HAVEN_RETENTION_SCHEDULE") or ""

# Field-level encryption at rest (haven/core/encryption.py, docs/adr/0019-field-encryption.md):
# Fernet keys separate from SECRET_KEY, newest first (HAVEN_FIELD_KEYS, comma- or line-separated,
# or HAVEN_FIELD_KEYS_FILE); an HMAC key for the blind indexes of exact lookups
# (HAVEN_BLIND_INDEX_KEY[_FILE]); Fernet keys for `haven backup` (HAVEN_BACKUP_KEYS[_FILE]).
# Development, the tests and the demo use fixed development keys that are published here and
# refused in production: `haven keys generate` makes real ones.
HAVEN_DEVELOPMENT_FIELD_KEY = "aGF2ZW4tZGV2ZWxvcG1lbnQtZmllbGQta2V5LTAwMDE="
HAVEN_DEVELOPMENT_BLIND_INDEX_KEY = "haven-development-blind-index-key-not-secret"
HAVEN_DEVELOPMENT_BACKUP_KEY = "aGF2ZW4tZGV2ZWxvcG1lbnQtYmFja3VwLWtleS0wMDE="


def envkeys(name: str, development: str, *, fernet: bool = True) -> list[str]:
    """Keys from ``NAME`` or ``NAME_FILE`` (comma- or line-separated, newest first); the
    development key outside production; production refuses none, or the development key. A
    Fernet key must be 32 url-safe base64-encoded bytes: anything else fails at start."""
    raw = (envstr(name) or "").replace("\n", ",")
    keys = [key.strip() for key in raw.split(",") if key.strip()]
    if PRODUCTION and (not keys or development in keys):
        raise ImproperlyConfigured(
            f"{name} (or {name}_FILE) is required in production, and not the development key: "
            "make one with `haven keys generate`"
        )
    for position, key in enumerate(keys, start=1):
        try:
            valid = len(base64.urlsafe_b64decode(key.encode("ascii"))) == 32 if fernet else True
        except (ValueError, binascii.Error):
            valid = False
        if not valid or len(key) < 32:
            raise ImproperlyConfigured(
                f"{name}: key {position} is not a valid key "
                + ("(32 url-safe base64-encoded bytes) " if fernet else "(32 characters or more) ")
                + "— make one with `haven keys generate`"
            )
    return keys or [development]


HAVEN_FIELD_KEYS = envkeys("HAVEN_FIELD_KEYS", HAVEN_DEVELOPMENT_FIELD_KEY)
HAVEN_BLIND_INDEX_KEY = envkeys(
    "HAVEN_BLIND_INDEX_KEY", HAVEN_DEVELOPMENT_BLIND_INDEX_KEY, fernet=False
)[0]
HAVEN_BACKUP_KEYS = envkeys("HAVEN_BACKUP_KEYS", HAVEN_DEVELOPMENT_BACKUP_KEY)
