from django.apps import AppConfig


class WorkbookConfig(AppConfig):
    name = "haven.workbook"
    label = "workbook"
    verbose_name = "Police workbook"
