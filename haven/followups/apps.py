from django.apps import AppConfig


class FollowupsConfig(AppConfig):
    name = "haven.followups"
    label = "followups"
    verbose_name = "Follow-ups and satisfaction"
