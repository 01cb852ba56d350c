from django.urls import path

from haven.consent import views

app_name = "consent"
urlpatterns = [
    path("people/<uuid:person_id>/new/", views.consent_new, name="record"),
    path(
        "people/<uuid:person_id>/<uuid:consent_id>/withdraw/",
        views.consent_withdrawal,
        name="withdraw",
    ),
    path("agreements/", views.agreements, name="agreements"),
    path("agreements/new/", views.agreement_new, name="agreement_new"),
    path("agreements/<uuid:agreement_id>/", views.agreement_edit, name="agreement_edit"),
    path(
        "agreements/<uuid:agreement_id>/review/",
        views.agreement_reviewed,
        name="agreement_review",
    ),
    path("shares/", views.shares, name="shares"),
]
