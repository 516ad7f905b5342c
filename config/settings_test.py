"""Test overrides: fast hashing, in-memory mail and cache; the database and broker still come from the env."""

from config.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
LANGUAGE_CODE = "vi"
# Tasks run in-process even when a broker is configured (CI), so on_commit work happens inside each test;
# the `worker` tests in tests/test_celery.py switch this off while their real worker runs.
CELERY_TASK_ALWAYS_EAGER = True
