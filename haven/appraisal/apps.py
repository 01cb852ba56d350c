from django.apps import AppConfig


class AppraisalConfig(AppConfig):
    name = "haven.appraisal"
    label = "appraisal"
    verbose_name = "Stakeholder appraisal"
