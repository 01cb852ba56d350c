from django.urls import path

from haven.outbox import views

app_name = "outbox"
urlpatterns = [
    path("letters/", views.letters, name="letters"),
    path("cases/<uuid:case_id>/send/", views.send, name="send"),
    path("cases/<uuid:case_id>/messages/<uuid:message_id>/", views.message_detail, name="message"),
    path(
        "cases/<uuid:case_id>/messages/<uuid:message_id>/letter.pdf",
        views.letter_download,
        name="letter_pdf",
    ),
    path(
        "cases/<uuid:case_id>/messages/<uuid:message_id>/printed/",
        views.letter_printed,
        name="letter_printed",
    ),
    path(
        "cases/<uuid:case_id>/messages/<uuid:message_id>/posted/",
        views.letter_posted,
        name="letter_posted",
    ),
]
