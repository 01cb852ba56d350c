from django.urls import path

from haven.accounts.views import staff

app_name = "staff"
urlpatterns = [
    path("", staff.staff_list, name="list"),
    path("invite/", staff.invite, name="invite"),
    path("<uuid:pk>/", staff.detail, name="detail"),
    path("<uuid:pk>/details/", staff.details_edit, name="details_edit"),
    path("<uuid:pk>/profile/", staff.profile_edit, name="profile_edit"),
    path("teams/<uuid:team_pk>/imports/", staff.team_rule, name="team_rule"),
    path("<uuid:pk>/roles/add/", staff.role_add, name="role_add"),
    path("<uuid:pk>/roles/<uuid:membership_pk>/remove/", staff.role_remove, name="role_remove"),
    path("<uuid:pk>/roles/<uuid:membership_pk>/move/", staff.team_move, name="team_move"),
    path("<uuid:pk>/deactivate/", staff.deactivate, name="deactivate"),
    path("<uuid:pk>/reactivate/", staff.reactivate, name="reactivate"),
    path("<uuid:pk>/mfa-reset/", staff.mfa_reset, name="mfa_reset"),
    path("<uuid:pk>/setup-link/", staff.setup_link, name="setup_link"),
]
