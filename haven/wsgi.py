import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
application = get_wsgi_application()
# Import the URL configuration and every view behind it now: `haven serve` preloads this module
# once before forking workers, instead of each worker taking seconds over its first request.
get_resolver().url_patterns  # noqa: B018
