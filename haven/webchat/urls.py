from django.urls import path

from haven.webchat.views import person, staff

app_name = "webchat"
# Mounted at /chat/ (haven/urls.py); the WebSockets are in routing.py.
urlpatterns = [
    path("", person.enter, name="enter"),
    path("consent/", person.consent, name="consent"),
    path("room/", person.room, name="room"),
    path("room/messages/", person.room_messages, name="room_messages"),
    path("staff/", staff.staff_list, name="staff_list"),
    path("staff/<uuid:booking_id>/", staff.staff_chat, name="staff_chat"),
    path("staff/<uuid:booking_id>/messages/", staff.staff_messages, name="staff_messages"),
    path("staff/<uuid:booking_id>/take/", staff.staff_take, name="staff_take"),
    path("staff/<uuid:booking_id>/end/", staff.staff_end, name="staff_end"),
]
