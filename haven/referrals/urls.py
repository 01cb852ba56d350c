from django.urls import path

from haven.referrals.views import (
    referral_create,
    referral_decision,
    referral_export,
    referral_list,
)

app_name = "referrals"
# `accept` opens a case: casework/views/referral_accept.py, routed in haven/urls.py.
urlpatterns = [
    path("", referral_list.referral_list, name="list"),
    path("export/", referral_export.referral_export, name="export"),
    path("new/", referral_create.choose_contract, name="choose_contract"),
    path("new/<uuid:contract_id>/", referral_create.create, name="create"),
    path("<uuid:referral_id>/", referral_decision.detail, name="detail"),
    path("<uuid:referral_id>/decline/", referral_decision.decline, name="decline"),
]
