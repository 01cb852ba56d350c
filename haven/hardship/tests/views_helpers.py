"""URLs and form data for the hardship pages."""

from django.urls import reverse


def funds_url():
    return reverse("hardship:funds")


def fund_url(fund):
    return reverse("hardship:fund", args=[fund.pk])


def budget_url(contract):
    return reverse("hardship:budget", args=[contract.pk])


def request_url(case):
    return reverse("hardship:request", args=[case.pk])


def decide_url(grant):
    return reverse("hardship:decide", args=[grant.case_id, grant.pk])


def pay_url(grant):
    return reverse("hardship:pay", args=[grant.case_id, grant.pk])
