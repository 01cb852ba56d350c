from django.urls import path

from haven.plans import views

app_name = "plans"
urlpatterns = [
    path("cases/<uuid:case_id>/", views.plan_list, name="list"),
    path("cases/<uuid:case_id>/support/new/", views.plan_agree, name="agree"),
    path("cases/<uuid:case_id>/support/<uuid:plan_id>/", views.plan_detail, name="detail"),
    path("cases/<uuid:case_id>/support/<uuid:plan_id>/change/", views.plan_change, name="change"),
    path("cases/<uuid:case_id>/support/<uuid:plan_id>/goals/new/", views.goal_add, name="goal_add"),
    path(
        "cases/<uuid:case_id>/support/<uuid:plan_id>/actions/new/",
        views.action_add,
        name="action_add",
    ),
    path(
        "cases/<uuid:case_id>/support/<uuid:plan_id>/actions/<uuid:action_id>/",
        views.action_status,
        name="action_status",
    ),
    path("cases/<uuid:case_id>/support/<uuid:plan_id>/review/", views.review, name="review"),
    path("cases/<uuid:case_id>/safety/new/", views.safety_record, name="safety_record"),
    path("cases/<uuid:case_id>/safety/<uuid:plan_id>/", views.safety_detail, name="safety_detail"),
    path(
        "cases/<uuid:case_id>/safety/<uuid:plan_id>/change/",
        views.safety_change,
        name="safety_change",
    ),
]
