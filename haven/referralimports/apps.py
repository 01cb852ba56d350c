from django.apps import AppConfig


class ReferralimportsConfig(AppConfig):
    name = "haven.referralimports"
    label = "referralimports"
    verbose_name = "Referral file routes"
