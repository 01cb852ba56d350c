from django.urls import path

from haven.risk.views import complete, history, result

app_name = "risk"
urlpatterns = [
    path("cases/<uuid:case_id>/", history.risk_history, name="history"),
    path("cases/<uuid:case_id>/new/", complete.assessment_complete, name="complete"),
    path("cases/<uuid:case_id>/<uuid:assessment_id>/", result.assessment_result, name="result"),
]
