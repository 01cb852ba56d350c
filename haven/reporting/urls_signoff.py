"""Sign-off pages under /returns/ and commissioners' pages under /commissioner/returns/.

The returns pages themselves (/returns/<slug>/<period>/) are in the returns urls; these sit
beside them. Mounted in haven/urls.py as the `signoff` and `commissioner` namespaces.
"""

from django.urls import path

from haven.reporting.views import commissioner, signoff

signoff_patterns = [
    path("<slug:slug>/<str:period>/sign-off/", signoff.sign_off, name="sign_off"),
    path(
        "<slug:slug>/<str:period>/sign-off/v<int:version>.json",
        signoff.signed_off_export,
        name="signed_off_export",
    ),
    path("<slug:slug>/<str:period>/submit/", signoff.submit, name="submit"),
    path("<slug:slug>/<str:period>/changes/", signoff.changes, name="changes"),
    path("<slug:slug>/<str:period>/due-date/", signoff.due_date, name="due_date"),
]

commissioner_patterns = [
    path("", commissioner.return_list, name="returns"),
    path("<uuid:snapshot_id>/", commissioner.return_detail, name="return_detail"),
    path(
        "<uuid:snapshot_id>/download.<str:fmt>",
        commissioner.return_download,
        name="return_download",
    ),
]
