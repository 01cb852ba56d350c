"""URLs of the appraisal pages."""

from django.urls import reverse


def index_url():
    return reverse("appraisal:index")


def round_new_url(contract):
    return reverse("appraisal:round_new", args=[contract.pk])


def round_url(appraisal):
    return reverse("appraisal:round", args=[appraisal.pk])


def links_url(appraisal):
    return reverse("appraisal:links", args=[appraisal.pk])


def paper_url(appraisal):
    return reverse("appraisal:paper", args=[appraisal.pk])


def feedback_url():
    return reverse("appraisal:feedback")


def feedback_new_url(contract):
    return reverse("appraisal:feedback_new", args=[contract.pk])


def feedback_action_url(item):
    return reverse("appraisal:feedback_action", args=[item.pk])


def respond_url(token):
    return reverse("appraisal:respond", args=[token])
