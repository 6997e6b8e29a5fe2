"""Iljari settings: one module, read from the environment.

SQLite under var/ by default so that a fresh clone runs at once; DATABASE_URL switches to PostgreSQL.
DEBUG is on by default (development and the demo); DEBUG=0 is the production profile, which refuses to
start with the default secret key and turns on HTTPS-only cookies and HSTS.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_keys(name: str, default: str) -> list[str]:
    """Keys from `<name>_FILE` (one a line, newest first; blank lines and # comments skipped) when it is set,
    otherwise from the comma-separated variable `<name>`. Keys never live in the repository."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
        keys = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
        if not keys:
            raise ImproperlyConfigured(f"{name}_FILE({path})에 키가 없습니다.")
        return keys
    return env_list(name, default)


DEFAULT_SECRET_KEY = "iljari-development-key-not-for-production"  # nosec B105  # development only: the production profile refuses it

DEBUG = env_bool("DEBUG", True)
# Django's own debug pages (URL lists, tracebacks) for a developer; otherwise the Korean pages, even with DEBUG on
ILJARI_DEBUG_ERROR_PAGES = env_bool("DEBUG_ERROR_PAGES", False)
SECRET_KEY = env_str("SECRET_KEY", DEFAULT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEFAULT_SECRET_KEY:
    raise ImproperlyConfigured(
        "운영 프로필(DEBUG=0)에서는 기본 SECRET_KEY로 시작할 수 없습니다. SECRET_KEY 환경변수를 설정하십시오. "
        "(The production profile refuses to start with the default SECRET_KEY.)"
    )

# Personal data: the resident number is encrypted with keys derived from SECRET_KEY and these salts (newest
# first: put a new one at the head to rotate, keep the old ones until every record is re-saved), and indexed
# with an HMAC under its own key. The production profile refuses the development values.
DEFAULT_PERSONAL_DATA_KEY = "iljari-development-personal-data-key"
SALT_KEY = env_keys("PERSONAL_DATA_KEYS", DEFAULT_PERSONAL_DATA_KEY)
# The blind-index keys, newest first (PERSONAL_DATA_INDEX_KEYS or its _FILE; PERSONAL_DATA_INDEX_KEY names one):
# the newest indexes new numbers, every one is looked up, `iljari keys rotate` recomputes the rest (core.keys).
ILJARI_PERSONAL_DATA_INDEX_KEYS = env_keys(
    "PERSONAL_DATA_INDEX_KEYS", env_str("PERSONAL_DATA_INDEX_KEY", DEFAULT_PERSONAL_DATA_KEY + "-index")
)
ILJARI_PERSONAL_DATA_INDEX_KEY = ILJARI_PERSONAL_DATA_INDEX_KEYS[0]
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS", "")
if not DEBUG and (
    DEFAULT_PERSONAL_DATA_KEY in SALT_KEY
    or any(key.startswith(DEFAULT_PERSONAL_DATA_KEY) for key in ILJARI_PERSONAL_DATA_INDEX_KEYS)
):
    raise ImproperlyConfigured(
        "운영 프로필에서는 개인정보 암호화 키(PERSONAL_DATA_KEYS, PERSONAL_DATA_INDEX_KEY)를 설정해야 합니다. "
        "(The production profile needs its own personal-data keys.)"
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if not DEBUG else "*")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

VAR_DIR = Path(env_str("ILJARI_VAR_DIR", str(BASE_DIR / "var")))

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "auditlog",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "django_tasks_rq",
    "iljari.core",
    "iljari.org",
    "iljari.finance",
    "iljari.approvals",
    "iljari.board",
    "iljari.plan",
    "iljari.performance",
    "iljari.entrusted",
    "iljari.reports",
    "iljari.people",
    "iljari.committees",
    "iljari.intake",
    "iljari.participation",
    "iljari.payroll",
    "iljari.enterprises",
    "iljari.messaging",
    "iljari.frontline",
    "iljari.fund",
    "iljari.grants",
    "iljari.economy",
    "iljari.web",
    "iljari.demo",
]

MIDDLEWARE = [
    "iljari.web.middleware.DebugErrorPagesMiddleware",  # with DEBUG, the Korean 404/500 pages, not Django's
    "django.middleware.security.SecurityMiddleware",
    "iljari.core.middleware.ContentSecurityPolicyMiddleware",
    "iljari.core.middleware.ApiJsonErrorsMiddleware",  # outside everything that may fail: the API answers JSON
    "iljari.core.middleware.ReadRetryMiddleware",  # a read whose database connection broke, answered once more
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "iljari.core.middleware.IdleSessionTimeoutMiddleware",
    "iljari.core.middleware.AccountGateMiddleware",  # a password to change or a second factor to enrol comes first
    "iljari.core.middleware.InputLimitsMiddleware",  # before anything reads the body (CSRF): 413 / 400 in Korean
    "iljari.core.middleware.ChangeHistoryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "iljari.web.middleware.IljariErrorPageMiddleware",
]

if not DEBUG:
    # Production serves its collected static files itself; in development runserver does.
    MIDDLEWARE.insert(3, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "iljari.urls"
WSGI_APPLICATION = "iljari.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "iljari.web.context_processors.shell",
            ],
            # the Korean formats in every template without a {% load %}: `when` is the one screen date style
            "builtins": ["iljari.core.templatetags.kformat"],
        },
    },
]

# Persistent connections (DB_CONN_MAX_AGE seconds) are checked before each request's first query
# (CONN_HEALTH_CHECKS): after a database restart or failover a stale connection is replaced, not answered with a 500.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'iljari.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update({"transaction_mode": "IMMEDIATE", "timeout": 20})
# A read replica (PostgreSQL streaming standby): the office's figures pages and report builds read from it
# (iljari.core.routers.ReplicaRouter, inside core.routers.reading_replica()); every write and everything else goes to
# the primary. In tests the replica mirrors the primary's test database.
if env_str("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        env_str("DATABASE_REPLICA_URL"), conn_max_age=env_int("DB_CONN_MAX_AGE", 0), conn_health_checks=True
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["iljari.core.routers.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "core:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "iljari.core.validators.CharacterClassPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = (
    ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if env_bool("ILJARI_FAST_HASHER", False)
    else ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
)

# Login security (public-sector rules; every number configurable).
# A user name is locked at one address after LOGIN_MAX_FAILURES failures within LOGIN_LOCK_MINUTES; an address is
# refused (429) after LOGIN_ADDRESS_MAX_FAILURES failures within LOGIN_ADDRESS_MINUTES, whatever the user names.
ILJARI_LOGIN_MAX_FAILURES = env_int("LOGIN_MAX_FAILURES", 5)
ILJARI_LOGIN_LOCK_MINUTES = env_int("LOGIN_LOCK_MINUTES", 10)
ILJARI_LOGIN_ADDRESS_MAX_FAILURES = env_int("LOGIN_ADDRESS_MAX_FAILURES", 20)
ILJARI_LOGIN_ADDRESS_MINUTES = env_int("LOGIN_ADDRESS_MINUTES", 10)
ILJARI_SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30)
ILJARI_API_TOKEN_DAYS = env_int("API_TOKEN_DAYS", 30)

# Second factor (2단계 인증, docs/security.md): a TOTP authenticator app with recovery codes (django-otp). The roles
# that must use it (codes of core.roles.Role); any other account may enrol and is then asked for its code too.
ILJARI_SECOND_FACTOR_ROLES = env_list("SECOND_FACTOR_ROLES", "system_admin,auditor")
# The demo and test personas (User.second_factor_exempt) are not made to enrol; off by default in production.
ILJARI_SECOND_FACTOR_EXEMPTIONS = env_bool("SECOND_FACTOR_EXEMPTIONS", DEBUG)
ILJARI_SECOND_FACTOR_PENDING_MINUTES = env_int("SECOND_FACTOR_PENDING_MINUTES", 5)  # password given, code awaited
ILJARI_RECOVERY_CODES = 10
OTP_TOTP_ISSUER = "서울시 일자리"
# django-otp's own per-device back-off is off: wrong codes count in the login limits above (LoginEvent), per address
# and user name, like wrong passwords.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0

# E-mail: the console in development, SMTP in production (tests get locmem from pytest-django).
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "noreply@iljari.localhost")

# Portal sign-up (docs/portal-signup.md): one-time codes by e-mail or text message, then identity verification
# (본인확인). The text-message sender and the identity verifier are dotted paths; the production profile refuses
# the development stand-ins (console SMS, demo verifier) unless explicitly allowed. SMS_SENDER="" turns text
# messages off (e-mail only).
ILJARI_OTP_MINUTES = env_int("OTP_MINUTES", 5)
ILJARI_OTP_MAX_ATTEMPTS = env_int("OTP_MAX_ATTEMPTS", 5)
ILJARI_OTP_RESEND_SECONDS = env_int("OTP_RESEND_SECONDS", 60)
ILJARI_OTP_PER_DESTINATION_HOUR = env_int("OTP_PER_DESTINATION_HOUR", 5)
ILJARI_OTP_PER_ADDRESS_HOUR = env_int("OTP_PER_ADDRESS_HOUR", 20)
ILJARI_SIGNUP_MINUTES = env_int("SIGNUP_MINUTES", 30)
ILJARI_SMS_SENDER = env_str("SMS_SENDER", "iljari.core.sms.ConsoleSmsSender")
# Messages to people (docs/messaging.md): 알림톡 through a sender class like SMS_SENDER's; retries with backoff.
ILJARI_ALIMTALK_SENDER = env_str(
    "ALIMTALK_SENDER", "iljari.messaging.channels.ConsoleAlimtalkSender" if DEBUG else ""
)  # "": 알림톡 off
ILJARI_SMS_QUIET_HOURS = env_bool("SMS_QUIET_HOURS", True)  # text messages 21:00–08:00 wait for the morning
ILJARI_MESSAGE_MAX_ATTEMPTS = env_int("MESSAGE_MAX_ATTEMPTS", 5)
ILJARI_MESSAGE_RETRY_SECONDS = env_int("MESSAGE_RETRY_SECONDS", 60)  # doubled after every failed attempt
ILJARI_IDENTITY_VERIFIER = env_str("IDENTITY_VERIFIER", "iljari.people.identity.DemoIdentityVerifier")
if (
    not DEBUG
    and ILJARI_SMS_SENDER in {"iljari.core.sms.ConsoleSmsSender", "iljari.core.sms.MemorySmsSender"}
    and not env_bool("ALLOW_CONSOLE_SMS", False)
):
    raise ImproperlyConfigured(
        "운영 프로필에서는 개발용 문자 발송(콘솔)을 쓸 수 없습니다. SMS_SENDER에 문자 발송 클래스를 지정하거나 "
        'SMS_SENDER=""로 문자 인증을 끄십시오. (The production profile refuses the console SMS sender.)'
    )
if (
    not DEBUG
    and ILJARI_ALIMTALK_SENDER
    in {"iljari.messaging.channels.ConsoleAlimtalkSender", "iljari.messaging.channels.MemoryAlimtalkSender"}
    and not env_bool("ALLOW_CONSOLE_SMS", False)
):
    raise ImproperlyConfigured(
        "운영 프로필에서는 개발용 알림톡 발송(콘솔)을 쓸 수 없습니다. ALIMTALK_SENDER에 발송 클래스를 지정하거나 "
        "비워 두십시오. (The production profile refuses the console 알림톡 sender.)"
    )
if (
    not DEBUG
    and ILJARI_IDENTITY_VERIFIER == "iljari.people.identity.DemoIdentityVerifier"
    and not env_bool("ALLOW_DEMO_IDENTITY_VERIFIER", False)
):
    raise ImproperlyConfigured(
        "운영 프로필에서는 데모 본인확인을 쓸 수 없습니다. IDENTITY_VERIFIER에 본인확인 기관 연동 클래스를 "
        "지정하십시오. (The production profile refuses the demo identity verifier.)"
    )

SESSION_COOKIE_AGE = ILJARI_SESSION_IDLE_MINUTES * 60
# The session is saved when it changes; IdleSessionTimeoutMiddleware touches it at most once a minute, so reading a
# page does not write the session on every request.
ILJARI_SESSION_TOUCH_SECONDS = env_int("SESSION_TOUCH_SECONDS", 60)
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = not DEBUG and env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_FAILURE_VIEW = "iljari.web.views.csrf_failure"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Submitting the domain to the browsers' HSTS preload list is the domain owner's decision (docs/deployment.md);
# until it is made, the check that asks for it is silenced.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_SSL_REDIRECT = not DEBUG and env_bool("SECURE_SSL_REDIRECT", True)
ILJARI_TRUSTED_PROXY_HOPS = env_int("TRUSTED_PROXY_HOPS", 0)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Korean throughout. Strings go through gettext so that English can be added: add a locale under
# iljari/locale and django.middleware.locale.LocaleMiddleware then (not before: without translations it
# would only turn Django's own messages English for browsers that ask for it).
LANGUAGE_CODE = "ko-kr"
LANGUAGES = [("ko", "한국어"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "iljari" / "locale"]
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# Uploaded files (applicants' documents): stored under var/ by default, never served by URL (no MEDIA_URL);
# each is read through a view that checks the user and records the access.
MEDIA_ROOT = Path(env_str("ILJARI_MEDIA_ROOT", str(VAR_DIR / "media")))
ILJARI_UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
# A platform review reported by this many different people is hidden until a moderator decides (enterprises).
ILJARI_REVIEW_HIDE_REPORTS = env_int("REVIEW_HIDE_REPORTS", 3)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Background work (report builds, batches): Django's task framework through the django-tasks backport. "db" (the
# default) keeps the queue in the database, so SQLite needs nothing else; `iljari worker` runs the tasks (`./run demo`
# starts one beside the server). "immediate" runs each task at once in the request (tests, a one-process setup).
TASKS_QUEUE = env_str("TASKS_BACKEND", "db")
REDIS_URL = env_str("REDIS_URL", "")  # e.g. redis://127.0.0.1:6379/0: the rq task queue, the cache and sessions
TASKS = {
    "default": {
        "BACKEND": {
            "db": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "rq": "django_tasks_rq.RQBackend",  # Redis; workers: `iljari rqworker --job-class django_tasks_rq.Job`
        }[TASKS_QUEUE],
        **({"QUEUES": ["default"]} if TASKS_QUEUE == "rq" else {}),
    }
}
RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 3600}}
if TASKS_QUEUE == "rq" and not REDIS_URL:
    raise ImproperlyConfigured("TASKS_BACKEND=rq에는 REDIS_URL이 필요합니다. / TASKS_BACKEND=rq needs REDIS_URL.")

# Cache and sessions: in-process memory on one machine; with REDIS_URL, Redis, shared by every app process (the
# sessions as cached_db: read from Redis, written through to the database, so a Redis restart logs nobody out).
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "iljari",
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# ILJARI_BENCH_VIEWS=1 mounts /bench/json/, a bare JSON view the HTTP benchmark (iljari/demo/bench/http.py) measures
# as its reference; never in the production profile, so production has no such URL.
ILJARI_BENCH_VIEWS = env_bool("ILJARI_BENCH_VIEWS", False)
if ILJARI_BENCH_VIEWS and not DEBUG:
    raise ImproperlyConfigured(
        "ILJARI_BENCH_VIEWS는 개발 프로필에서만 켤 수 있습니다. / ILJARI_BENCH_VIEWS is for development only."
    )
ILJARI_JOB_KEEP_DAYS = env_int("JOB_KEEP_DAYS", 7)  # result files of finished jobs older than this are removed
# A running job's worker renews its lease (core.jobs) every quarter of this; a job whose lease ran out is retried once
# (a report build, a notice batch) or failed ("바뀐 자료는 없습니다"). Longer than any one write transaction on SQLite,
# where the renewal waits for the database's single writer.
ILJARI_JOB_LEASE_SECONDS = env_int("JOB_LEASE_SECONDS", 120)
# A batch of at most this many applications (eligibility, selection) runs in the request and answers at once; a
# larger one, and an uploaded sheet larger than the byte limit, runs as a background job with a progress bar.
ILJARI_INLINE_BATCH_ROWS = env_int("INLINE_BATCH_ROWS", 2000)
ILJARI_INLINE_UPLOAD_BYTES = env_int("INLINE_UPLOAD_BYTES", 256 * 1024)

# The access log (접속기록) is kept at least two years (개인정보의 안전성 확보조치 기준 제8조); `iljari accesslog prune`
# removes older entries. Fewer than two years is refused.
ILJARI_ACCESS_LOG_KEEP_YEARS = env_int("ACCESS_LOG_KEEP_YEARS", 2)
if ILJARI_ACCESS_LOG_KEEP_YEARS < 2:
    raise ImproperlyConfigured("접속기록 보관 기간(ACCESS_LOG_KEEP_YEARS)은 2년 이상이어야 합니다.")
# The monthly review flags an account that touched more people than this in one day, and any download naming at
# least this many people.
ILJARI_ACCESS_LOG_DAILY_SUBJECTS = env_int("ACCESS_LOG_DAILY_SUBJECTS", 500)
ILJARI_ACCESS_LOG_BULK_SUBJECTS = env_int("ACCESS_LOG_BULK_SUBJECTS", 100)

# Change history: django-auditlog, actor and address set by iljari.core.middleware.
AUDITLOG_STORE_JSON_CHANGES = True
AUDITLOG_DISABLE_REMOTE_ADDR = False
# The correlation id of an entry is the bulk change it belongs to (core.history.history_batch), never a request header.
AUDITLOG_CID_GETTER = "iljari.core.history.history_batch_cid"


NINJA_PAGINATION_PER_PAGE = 50

# Logs to standard error; LOG_FORMAT=json writes one JSON object per line (time, level, logger, message, request
# path and user where known) for a log collector.
LOG_FORMAT = env_str("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "iljari.core.logs.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", **({"formatter": "json"} if LOG_FORMAT == "json" else {})}
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
