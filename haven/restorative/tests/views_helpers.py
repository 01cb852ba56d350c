"""URLs of the restorative justice pages."""

from django.urls import reverse


def index_url():
    return reverse("restorative:index")


def refer_url(case):
    return reverse("restorative:refer", args=[case.pk])


def step_url(process):
    return reverse("restorative:step", args=[process.case_id, process.pk])
