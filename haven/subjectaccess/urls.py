from django.urls import path

from haven.subjectaccess import views

app_name = "subjectaccess"
urlpatterns = [
    path("", views.sar_list, name="list"),
    path("new/", views.sar_new, name="new"),
    path("<uuid:sar_id>/", views.sar_detail, name="detail"),
    path("<uuid:sar_id>/identity/", views.verify, name="verify"),
    path("<uuid:sar_id>/clock/stop/", views.stop, name="stop"),
    path("<uuid:sar_id>/clock/restart/", views.restart, name="restart"),
    path("<uuid:sar_id>/extend/", views.extend, name="extend"),
    path("<uuid:sar_id>/gather/", views.gather, name="gather"),
    path("<uuid:sar_id>/review/", views.review, name="review"),
    path("<uuid:sar_id>/review/release/", views.release_unflagged, name="release_unflagged"),
    path("<uuid:sar_id>/review/<uuid:item_id>/", views.item, name="item"),
    path("<uuid:sar_id>/bundle/", views.bundle, name="bundle"),
    path("<uuid:sar_id>/bundle.pdf", views.bundle_pdf, name="bundle_pdf"),
    path("<uuid:sar_id>/bundle.json", views.bundle_json, name="bundle_json"),
    path("<uuid:sar_id>/sent/", views.sent, name="sent"),
    path("<uuid:sar_id>/refuse/", views.refuse, name="refuse"),
    path("<uuid:sar_id>/withdraw/", views.withdraw, name="withdraw"),
]
