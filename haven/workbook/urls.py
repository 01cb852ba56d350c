from django.urls import path

from haven.workbook.views import reviews, runs

app_name = "workbook"
urlpatterns = [
    path("", runs.run_list, name="run_list"),
    path("upload/", runs.upload, name="upload"),
    path("runs/<uuid:run_id>/", runs.run_detail, name="run_detail"),
    path("review/", reviews.review_list, name="review_list"),
    path("review/<uuid:review_id>/", reviews.review_detail, name="review_detail"),
]
