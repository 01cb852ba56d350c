from django.urls import path

from haven.appraisal import views

app_name = "appraisal"
urlpatterns = [
    path("", views.index, name="index"),
    path("contracts/<uuid:contract_id>/new/", views.round_new, name="round_new"),
    path("rounds/<uuid:round_id>/", views.round_detail, name="round"),
    path("rounds/<uuid:round_id>/links/", views.links_new, name="links"),
    path("rounds/<uuid:round_id>/paper/", views.paper_new, name="paper"),
    path("feedback/", views.feedback_list, name="feedback"),
    path("feedback/contracts/<uuid:contract_id>/new/", views.feedback_new, name="feedback_new"),
    path("feedback/<uuid:item_id>/", views.feedback_action, name="feedback_action"),
    path("respond/<str:token>/", views.respond, name="respond"),
    path("thanks/", views.thanks, name="thanks"),
]
