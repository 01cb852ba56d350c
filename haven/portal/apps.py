from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "haven.portal"
    label = "portal"
    verbose_name = "The front door: public pages, self-referral, quick questions"
