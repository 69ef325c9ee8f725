"""Settings shared by every environment. Nothing secret lives here and DEBUG stays off."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False

INSTALLED_APPS = [
    # modeltranslation patches models, so it must load before the apps that use it.
    "modeltranslation",
    "articles",
    "people",
    "wagtail.api.v2",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "cms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outermost after security so that every response, however early it is made, gets a policy.
    "cms.security_headers.PublicAndAdminCSPMiddleware",
    # Inside the two above, so a cached page still gets their headers (the public policy uses
    # no nonces, so the same bytes stay valid); before sessions and authentication, which an
    # anonymous reader's cached page never needs (cms/page_cache).
    "cms.page_cache.middleware.PageCacheMiddleware",
    "cms.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication, to refuse in the admin user's language; before any view.
    "cms.middleware.CleanFormInputMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a refused sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite file by default (git ignores it); PostgreSQL through psycopg 3 with
# DATABASE_URL=postgres://user@host:5432/name.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers wait for the lock instead of failing at once with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            # sqlite3 keeps 128 prepared statements per connection; one editor's round of the
            # admin runs several hundred distinct queries, each prepared again once pushed out.
            "cached_statements": 2048,
        }
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Chinese is the site's language; English is the original's and the second UI language.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
# locale_overrides: Chinese for Wagtail's own messages that its catalogue leaves in English
# (locale/README.md). Every LOCALE_PATHS catalogue outranks the apps' own; it is second so that
# makemessages, which writes into the first, never rewrites it.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# django-modeltranslation: `headline` reads the active language's column.
MODELTRANSLATION_DEFAULT_LANGUAGE = "zh-hans"
MODELTRANSLATION_LANGUAGES = ("zh-hans", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("zh-hans", "en")}
MODELTRANSLATION_TRANSLATION_FILES = ("people.translation_options", "articles.translation_options")

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static" / "collected"))
STATICFILES_DIRS = [BASE_DIR / "static" / "src"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Pasted originals and translations (2 MB of text each, see articles.importing.engine.limits).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

WAGTAIL_SITE_NAME = "对照 Duizhao"
# The public address; the default Wagtail Site follows it (cms/site_url.py, `manage.py sync_site`).
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_BASE_URL
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAILADMIN_USER_LOGIN_FORM = "cms.login_form.LoginForm"
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False  # one page holds both languages; no per-locale trees
# Search (cms/search, README "Search"): the database backend with Chinese segmented by jieba, or
# for large sites OpenSearch/Elasticsearch with a Chinese analyzer, chosen by SEARCH_BACKEND.
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "database")
SEARCH_ENGINE_MODULES = {
    "opensearch": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
    "elasticsearch": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
}
# SEARCH_ANALYZER: "ik" (the IK plugin: ik_max_word when indexing, ik_smart when searching)
# or "smartcn" (the analysis-smartcn plugin); either must be installed in the cluster.
SEARCH_CHINESE_TOKENIZERS = {
    "ik": ("ik_max_word", "ik_smart"),
    "smartcn": ("smartcn_tokenizer", "smartcn_tokenizer"),
}
if SEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search.backend"}}
else:
    _index_tokenizer, _search_tokenizer = SEARCH_CHINESE_TOKENIZERS[
        os.environ.get("SEARCH_ANALYZER", "ik")
    ]
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": SEARCH_ENGINE_MODULES[SEARCH_BACKEND],
            "URLS": env_list("SEARCH_URLS", "http://127.0.0.1:9200"),
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "duizhao_"),
            # Text fields without their own analyzer use the index's "default" analyzer.
            "INDEX_SETTINGS": {
                "settings": {
                    "analysis": {
                        "analyzer": {
                            "default": {
                                "type": "custom",
                                "tokenizer": _index_tokenizer,
                                "filter": ["lowercase"],
                            },
                            "default_search": {
                                "type": "custom",
                                "tokenizer": _search_tokenizer,
                                "filter": ["lowercase"],
                            },
                        }
                    }
                }
            },
        }
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# No WAGTAILAPI_BASE_URL: the API's detail_url, like html_url, comes from the Site's root URL.
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_ALLOW_UNICODE_SLUGS = False

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Whole-page cache for anonymous readers of public pages (cms/page_cache, docs/caching.md):
# answered from CACHES before sessions and authentication run; any publish, unpublish, move,
# delete or change to a snippet a page shows makes every cached page stale at once.
PAGE_CACHE_ENABLED = True
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# How long a worker may answer from its own memory before asking the shared cache whether the
# content changed; whatever changes it waits as long before returning (cms/page_cache/local.py).
# Off here: with the in-process cache of development there is no round trip to spare.
PAGE_CACHE_LOCAL_SECONDS = 0.0
PAGE_CACHE_LOCAL_ENTRIES = 200
# Shared caches in front (a CDN) asked to forget a page's addresses when it is published,
# unpublished, moved or deleted (articles/content/frontend_purge.py, docs/caching.md): a
# generic HTTP cache that accepts PURGE (Varnish, nginx), Cloudflare or CloudFront.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
# Cache-Control of public pages for anonymous readers: browsers keep a page briefly; a shared
# cache keeps it longer when publishing purges it, else as briefly as browsers.
PAGE_HTTP_MAX_AGE = int(os.environ.get("PAGE_HTTP_MAX_AGE", "60"))
PAGE_HTTP_SHARED_MAX_AGE = int(
    os.environ.get("PAGE_HTTP_SHARED_MAX_AGE", "600" if WAGTAILFRONTENDCACHE else "60")
)

# Background work (AI drafts): run at once in development and tests; production queues
# tasks in the database for `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# AI translation backend (see README): `openai` (any OpenAI-compatible server), `deepl`, or a
# dotted path to a backend class. Unset means AI drafts are off and the admin says so.
TRANSLATION_BACKEND = os.environ.get("TRANSLATION_BACKEND", "")
TRANSLATION_API_URL = os.environ.get("TRANSLATION_API_URL", "")
TRANSLATION_API_KEY = os.environ.get("TRANSLATION_API_KEY", "")
TRANSLATION_MODEL = os.environ.get("TRANSLATION_MODEL", "")
TRANSLATION_TIMEOUT = os.environ.get("TRANSLATION_TIMEOUT", "")
TRANSLATION_MAX_TOKENS = os.environ.get("TRANSLATION_MAX_TOKENS", "")
TRANSLATION_ATTEMPTS = int(os.environ.get("TRANSLATION_ATTEMPTS", "3"))
TRANSLATION_RETRY_DELAY = float(os.environ.get("TRANSLATION_RETRY_DELAY", "1.0"))
TRANSLATION_RETRY_MAX_DELAY = float(os.environ.get("TRANSLATION_RETRY_MAX_DELAY", "30"))

# --- AI drafting limits (articles.drafting.quotas, articles.drafting.deadlines) ---------
# Sections one user may send for AI drafting per day (Asia/Shanghai days), and all users
# together; 0 means no limit. Counted in the database, so they hold across workers.
TRANSLATION_USER_DAILY_SECTIONS = int(os.environ.get("TRANSLATION_USER_DAILY_SECTIONS", "200"))
TRANSLATION_DAILY_SECTIONS = int(os.environ.get("TRANSLATION_DAILY_SECTIONS", "1000"))
# Seconds a queued section may wait for a worker before it counts as failed (retryable).
TRANSLATION_QUEUE_WAIT = float(os.environ.get("TRANSLATION_QUEUE_WAIT", "3600"))
# How often one section may be put off when the service asks to wait (HTTP 429 with a
# Retry-After longer than TRANSLATION_RETRY_MAX_DELAY) before it fails.
TRANSLATION_MAX_RESCHEDULES = int(os.environ.get("TRANSLATION_MAX_RESCHEDULES", "3"))
# --- end of AI drafting limits ----------------------------------------------------------

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "duizhao@localhost")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

# Content-Security-Policy (django-csp; cms.security_headers picks the policy by path).
# Public pages: only this site's own files, no inline script at all. The one inline style is
# the stand-alone 500 page's (templates/500.html), allowed by its hash.
# CSP_REPORT_URI: where browsers send violation reports (both policies); unset, none are sent.
_CSP_REPORT = {"report-uri": env_list("CSP_REPORT_URI")} if os.environ.get("CSP_REPORT_URI") else {}
ERROR_PAGE_STYLE_HASH = "'sha256-SgIN2t5PrTAL8QjJq0EIRvp4eUDlAYIkGdWxnoZ8+3A='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", ERROR_PAGE_STYLE_HASH],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        **_CSP_REPORT,
    }
}
# Wagtail's admin: reported, not enforced (it still uses inline scripts and styles).
CONTENT_SECURITY_POLICY_REPORT_ONLY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        **_CSP_REPORT,
    }
}

# Failed sign-ins (django-axes): after LOGIN_FAILURE_LIMIT failures for one account, or from
# one address, that account or address cannot sign in for LOGIN_COOLOFF_MINUTES, even with
# the right password. Clear a lock-out under Settings → Sign-in lock-outs or with
# `manage.py axes_reset` (`axes_reset_username NAME`, `axes_reset_ip ADDRESS`).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=float(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # either one, counted separately
AXES_LOCKOUT_CALLABLE = "cms.login_throttle.lockout_response"
AXES_CLIENT_IP_CALLABLE = "cms.login_throttle.client_ip"
# Reverse proxies in front of the app that each append to X-Forwarded-For (0: none).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
# A success must not wipe the address's count: one good account would otherwise let its
# owner keep guessing others' passwords from the same address.
AXES_RESET_ON_SUCCESS = False
AXES_ENABLE_ADMIN = False  # Django's admin is not mounted; the Wagtail admin lists lock-outs
# Failures are what the throttle needs; a log of every successful sign-in is not kept.
AXES_DISABLE_ACCESS_LOG = True

# No avatars fetched from gravatar.com: it would leak editors' e-mail hashes to a third party
# and break the admin's content policy.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGIN_URL = "wagtailadmin_login"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
