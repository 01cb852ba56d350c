from django.urls import path

from haven.hardship import views

app_name = "hardship"
urlpatterns = [
    path("", views.fund_list, name="funds"),
    path("funds/<uuid:fund_id>/", views.fund_detail, name="fund"),
    path("contracts/<uuid:contract_id>/budget/", views.budget_set, name="budget"),
    path("cases/<uuid:case_id>/request/", views.grant_request, name="request"),
    path(
        "cases/<uuid:case_id>/grants/<uuid:grant_id>/decision/", views.grant_decide, name="decide"
    ),
    path("cases/<uuid:case_id>/grants/<uuid:grant_id>/payment/", views.grant_pay, name="pay"),
]
