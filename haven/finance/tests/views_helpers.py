from django.urls import reverse


def report_url(contract, year, query=""):
    return reverse("finance:report", args=[contract.pk, year]) + query


def export_url(contract, year, fmt):
    return reverse("finance:export", args=[contract.pk, year, fmt])


def keeper_urls(contract, year, line):
    return [
        reverse("finance:budget", args=[contract.pk, year]),
        reverse("finance:profile", args=[contract.pk, year, line.pk]),
        reverse("finance:income_add", args=[contract.pk, year]),
        reverse("finance:spend_add", args=[contract.pk, year]),
        reverse("finance:import", args=[contract.pk]),
    ]


def transactions_url(contract, year, query=""):
    return reverse("finance:transactions", args=[contract.pk, year]) + query


def reader_urls(contract, year):
    return [
        reverse("finance:index"),
        report_url(contract, year),
        transactions_url(contract, year),
        export_url(contract, year, "csv"),
        export_url(contract, year, "xlsx"),
    ]
