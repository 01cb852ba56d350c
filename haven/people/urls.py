from django.urls import path

from haven.people.views import create, detail, edit, flags, household, search

app_name = "people"
urlpatterns = [
    path("", search.search, name="search"),
    path("new/", create.person_new, name="new"),
    path("new/check/", create.person_new_check, name="new_check"),
    path("<uuid:person_id>/", detail.person_detail, name="detail"),
    path("<uuid:person_id>/details/", edit.details_edit, name="details_edit"),
    path("<uuid:person_id>/safe-contact/", edit.safe_contact_edit, name="safe_contact_edit"),
    path("<uuid:person_id>/equality/", edit.equality_edit, name="equality"),
    path("<uuid:person_id>/flags/new/", flags.flag_new, name="flag_new"),
    path("<uuid:person_id>/flags/<uuid:flag_id>/end/", flags.flag_stop, name="flag_end"),
    path("<uuid:person_id>/children/new/", household.child_new, name="child_new"),
    path("<uuid:person_id>/causing-harm/new/", household.harmer_new, name="harmer_new"),
    path("causing-harm/<uuid:harmer_id>/", household.harmer_detail, name="harmer_detail"),
]
