from django.apps import AppConfig


class ContractsConfig(AppConfig):
    name = "haven.contracts"
    label = "contracts"
    verbose_name = "Contracts and commissioners"
