from django.urls import path

from haven.refuge.views import board, properties, stays

app_name = "refuge"
urlpatterns = [
    path("", board.board, name="board"),
    path("properties/", properties.property_list, name="properties"),
    path("properties/new/", properties.property_add, name="property_add"),
    path("properties/<uuid:property_id>/", properties.property_detail, name="property"),
    path("properties/<uuid:property_id>/rooms/new/", properties.room_edit, name="room_add"),
    path(
        "properties/<uuid:property_id>/rooms/<uuid:room_id>/",
        properties.room_edit,
        name="room_edit",
    ),
    path(
        "properties/<uuid:property_id>/rooms/<uuid:room_id>/void/",
        properties.void_add,
        name="void_add",
    ),
    path("cases/<uuid:case_id>/move-in/", stays.move_in, name="move_in"),
    path("cases/<uuid:case_id>/stays/<uuid:stay_id>/extend/", stays.extend, name="extend"),
    path("cases/<uuid:case_id>/stays/<uuid:stay_id>/move-out/", stays.move_out, name="move_out"),
]
