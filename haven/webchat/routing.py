"""WebSocket routes (haven.asgi)."""

from django.urls import path

from haven.webchat.consumers import PersonChatConsumer, StaffChatConsumer

websocket_urlpatterns = [
    path("ws/chat/", PersonChatConsumer.as_asgi()),
    path("ws/chat/staff/<uuid:booking_id>/", StaffChatConsumer.as_asgi()),
]
