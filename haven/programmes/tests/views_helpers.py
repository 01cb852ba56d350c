"""URLs of the programme pages, and a day's date boxes."""

from django.urls import reverse


def day_boxes(name, day):
    return {f"{name}-day": day.day, f"{name}-month": day.month, f"{name}-year": day.year}


def run_pages(run, place, session=None):
    """Every page of a group (name: url) with a place on it."""
    pages = {
        "run": reverse("programmes:run", args=[run.pk]),
        "register": reverse("programmes:register", args=[run.pk]),
        "creche": reverse("programmes:creche", args=[run.pk]),
        "run_finish": reverse("programmes:run_finish", args=[run.pk]),
        **{
            name: reverse(f"programmes:{name}", args=[run.pk, place.pk])
            for name in (
                "place_contact",
                "place_assessment",
                "place_complete",
                "place_drop_out",
                "one_to_one",
            )
        },
    }
    if session is not None:
        pages["session"] = reverse("programmes:session", args=[run.pk, session.pk])
    return pages
