from django.urls import path

from haven.risk.views import complete, history, reassessments, result

app_name = "risk"
urlpatterns = [
    path("cases/<uuid:case_id>/", history.risk_history, name="history"),
    path("cases/<uuid:case_id>/new/", complete.assessment_complete, name="complete"),
    path("cases/<uuid:case_id>/change/", reassessments.change_record, name="change"),
    path("cases/<uuid:case_id>/screening/", reassessments.screening_list, name="screening"),
    path(
        "cases/<uuid:case_id>/screening/<slug:tool>/new/",
        reassessments.screening_new,
        name="screening_new",
    ),
    path("cases/<uuid:case_id>/<uuid:assessment_id>/", result.assessment_result, name="result"),
    path("register/", reassessments.team_risk, name="register"),
]
