from django.urls import path

from haven.helpline import views

app_name = "helpline"
urlpatterns = [
    path("", views.shift, name="shift"),
    path("calls/", views.log, name="log"),
    path("calls/<uuid:call_id>/", views.call_detail, name="call"),
    path("calls/<uuid:call_id>/referral/", views.call_referral, name="call_referral"),
    path("call-backs/", views.call_backs, name="call_backs"),
    path("call-backs/<uuid:call_back_id>/", views.call_back, name="call_back"),
    path("rota/", views.rota, name="rota"),
    path("rota/<uuid:contract_id>/shifts/new/", views.shift_new, name="shift_new"),
    path(
        "rota/<uuid:contract_id>/shifts/<uuid:shift_id>/remove/",
        views.shift_delete,
        name="shift_remove",
    ),
]
