from django.urls import path

from haven.reporting.views import drilldown, exports, returns

app_name = "reporting"
urlpatterns = [
    path("", returns.index, name="index"),
    path("<slug:slug>/", returns.current, name="current"),
    path("<slug:slug>/<str:period>/", returns.return_page, name="return"),
    path("<slug:slug>/<str:period>/return.<str:fmt>", exports.download, name="export"),
    path("<slug:slug>/<str:period>/<str:measure>/", drilldown.measure_page, name="measure"),
]
