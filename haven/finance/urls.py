from django.urls import path

from haven.finance import views

app_name = "finance"
urlpatterns = [
    path("", views.index, name="index"),
    path("<uuid:contract_id>/<int:year>/", views.report, name="report"),
    path("<uuid:contract_id>/<int:year>/finance.<str:fmt>", views.export, name="export"),
    path(
        "<uuid:contract_id>/<int:year>/transactions/",
        views.transaction_list,
        name="transactions",
    ),
    path("<uuid:contract_id>/<int:year>/budget/", views.budget_line, name="budget"),
    path(
        "<uuid:contract_id>/<int:year>/budget/<uuid:line_id>/profile/",
        views.profile,
        name="profile",
    ),
    path("<uuid:contract_id>/<int:year>/income/new/", views.income_add, name="income_add"),
    path("<uuid:contract_id>/<int:year>/spend/new/", views.spend_add, name="spend_add"),
    path("<uuid:contract_id>/import/", views.import_upload, name="import"),
    path("<uuid:contract_id>/import/check/", views.import_confirm, name="import_confirm"),
]
