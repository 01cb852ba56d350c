"""Data quality and equality analysis of a contract's return, and the population baselines
(issue 10 s3-s4). Mounted under /returns/ beside the returns pages."""

from django.urls import path

from haven.reporting.views import equality, quality

app_name = "quality"
urlpatterns = [
    path("baselines/", equality.baselines, name="baselines"),
    path("baselines/<uuid:baseline_id>/", equality.baseline_edit, name="baseline_edit"),
    path("<slug:slug>/<str:period>/quality/", quality.data_quality, name="data_quality"),
    path("<slug:slug>/<str:period>/quality/<str:item>/", quality.records, name="records"),
    path("<slug:slug>/<str:period>/quality/<str:item>/assign/", quality.assign, name="assign"),
    path("<slug:slug>/<str:period>/equality/", equality.equality, name="equality"),
]
