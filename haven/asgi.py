"""Haven's ASGI application (`haven serve` runs it with uvicorn workers): HTTP goes to Django,
WebSockets (the secure web chat, haven.webchat) to Channels' consumers, with the session and the
signed-in user, and only from pages of Haven's own hosts (the Origin header)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haven.settings")
# Django is set up first: the consumers and the auth middleware import models.
django_application = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import get_resolver  # noqa: E402

from haven.webchat.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_application,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
        ),
    }
)
# Import the URL configuration and every view behind it now: `haven serve` preloads this module
# once before forking workers, instead of each worker taking seconds over its first request.
get_resolver().url_patterns  # noqa: B018
