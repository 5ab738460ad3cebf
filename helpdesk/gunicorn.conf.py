"""gunicorn settings for production mode (`make serve`, docs/deploy.md); every value can come from the environment."""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
# Recycle a worker now and then (a slow leak cannot grow for ever), but rarely: a restart costs a second of CPU
# (importing Django, a new database connection); at 1,000 requests/s, 2,000 would restart one every 2 seconds.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "20000"))
max_requests_jitter = 2000
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
# One line per request, key=value pairs, easy to ship to a log collector.
access_log_format = (
    'time="%(t)s" level=INFO logger=gunicorn.access remote=%(h)s method=%(m)s path="%(U)s" '
    'status=%(s)s bytes=%(B)s duration_us=%(D)s agent="%(a)s"'
)
