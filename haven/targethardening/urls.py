from django.urls import path

from haven.targethardening.views import jobs, manage

app_name = "targethardening"

urlpatterns = [
    path("budget/", manage.budget, name="budget"),
    path("items/", manage.catalogue, name="catalogue"),
    path("items/providers/<uuid:provider_id>/new/", manage.item_add, name="item_add"),
    path("items/<uuid:item_id>/", manage.item_edit, name="item_edit"),
    path("cases/<uuid:case_id>/", jobs.job_detail, name="job"),
    path("cases/<uuid:case_id>/visit/", jobs.visit_record, name="visit"),
    path("cases/<uuid:case_id>/items/", jobs.item_fit_record, name="fit"),
    path("cases/<uuid:case_id>/refusals/", jobs.refusal_add, name="refusal"),
    path("cases/<uuid:case_id>/over-limit/", jobs.over_limit_approve, name="over_limit"),
    path("cases/<uuid:case_id>/needs/", jobs.needs_record, name="needs"),
]
