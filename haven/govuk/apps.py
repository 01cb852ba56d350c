from django.apps import AppConfig


class GovukConfig(AppConfig):
    """GOV.UK Frontend for Haven: layouts, design-system form fields, built assets."""

    name = "haven.govuk"
    label = "govuk"
    verbose_name = "GOV.UK design system"
