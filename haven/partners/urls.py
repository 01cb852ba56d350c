from django.urls import path

from haven.partners.views import partner_pages, staff_pages

app_name = "partners"
urlpatterns = [
    path("", partner_pages.home, name="home"),
    path("refer/<slug:contract_slug>/", partner_pages.refer, name="refer"),
    path("organisations/", staff_pages.organisations, name="organisations"),
    path("tokens/", staff_pages.tokens, name="tokens"),
    path("tokens/new/", staff_pages.token_new, name="token_new"),
    path("tokens/<uuid:token_id>/created/", staff_pages.token_created, name="token_created"),
    path("tokens/<uuid:token_id>/revoke/", staff_pages.token_revoke, name="token_revoke"),
]
