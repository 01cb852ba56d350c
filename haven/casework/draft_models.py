"""A long form saved part-way by the one who was filling it in (issue 11: "save as draft").

One draft per person, case and form; only its author sees it, and it is kept for
`DRAFT_KEPT_DAYS` (then ignored and deleted the next time its author saves one). Imported by
`casework.models`, so it is a `casework` model like the rest.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from haven.core.models import HavenModel

DRAFT_KEPT_DAYS = 30


class FormDraft(HavenModel):
    """What was typed into a form, as posted (field name: list of values), not validated."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="drafts")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    form_key = models.CharField(max_length=120, help_text="Which form: needs_assessment ...")
    title = models.CharField(max_length=200, help_text="The form's title, shown on the case page")
    path = models.CharField(max_length=300, help_text="The form page to continue on")
    data = models.JSONField(default=dict)
    saved_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["case", "author", "form_key"], name="one_draft_per_author_case_form"
            )
        ]

    def __str__(self) -> str:
        return f"Draft {self.pk}"
