"""Save as draft on long forms (issue 11: "save as draft, and never lose what was typed").

A form view makes a `DraftKeeper`, returns `keeper.save()` when the "Save as draft" button was
pressed, builds its form from `keeper.data()` (the post, or the saved draft), calls
`keeper.restore(form)` so a restored draft shows what was typed without error messages, and
`keeper.done()` once the service has recorded the form. `casework/_form_page.html` draws the
button and the notice from `keeper` in the context as `draft`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django import forms
from django.contrib import messages
from django.forms.utils import ErrorDict
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from haven.accounts.signed_in import staff_user
from haven.casework.models import DRAFT_KEPT_DAYS, FormDraft
from haven.casework.selectors import VisibleCase
from haven.casework.selectors_drafts import form_draft_for
from haven.casework.services.drafts import (
    draft_problem,
    form_draft_discard,
    form_draft_save,
)
from haven.casework.views.case_access import case_url, with_case

SAVE_DRAFT = "save_draft"


@dataclass
class DraftKeeper:
    request: HttpRequest
    visible: VisibleCase
    form_key: str
    title: str
    restored_from: FormDraft | None = field(default=None, init=False)

    @property
    def _asked(self) -> bool:
        return self.request.method == "POST" and SAVE_DRAFT in self.request.POST

    @property
    def saving(self) -> bool:
        """ "Save as draft" was pressed and what was typed fits (too long: see `restore`)."""
        return self._asked and draft_problem(self.request.POST) is None

    @property
    def saved_at(self) -> datetime | None:
        return self.restored_from.saved_at if self.restored_from else None

    @property
    def kept_days(self) -> int:
        return DRAFT_KEPT_DAYS

    def save(self) -> HttpResponse:
        form_draft_save(
            case=self.visible.case,
            author=staff_user(self.request),
            form_key=self.form_key,
            title=self.title,
            path=self.request.path,
            posted=self.request.POST,
        )
        messages.success(
            self.request,
            f"Draft saved: {self.title}. Only you can see it. Continue it from the case page "
            f"within {DRAFT_KEPT_DAYS} days.",
        )
        return redirect(case_url(self.visible))

    def data(self) -> QueryDict | None:
        """The posted form, or on first showing the saved draft (None: an empty form)."""
        if self.request.method == "POST":
            return self.request.POST
        self.restored_from = form_draft_for(
            self.visible.case, staff_user(self.request), self.form_key
        )
        if self.restored_from is None:
            return None
        data = QueryDict(mutable=True)
        for name, values in self.restored_from.data.items():
            data.setlist(name, [str(value) for value in values])
        return data

    def restore[F: forms.Form](self, form: F) -> F:
        """A form bound to a restored draft shows what was typed, with no errors until sent."""
        if self.restored_from is not None:
            form._errors = ErrorDict()  # type: ignore[attr-defined]  # validated when sent
        elif self._asked and (problem := draft_problem(self.request.POST)) is not None:
            # what cannot be kept is not kept, even as a draft: the form shows its errors instead
            form.add_error(None, problem)
        return form

    def done(self) -> None:
        form_draft_discard(
            case=self.visible.case, author=staff_user(self.request), form_key=self.form_key
        )


@with_case(change=True)
@require_POST
def draft_discard(request: HttpRequest, visible: VisibleCase, form_key: str) -> HttpResponse:
    """Delete the user's own draft of a form, then show the form empty again."""
    draft = form_draft_for(visible.case, staff_user(request), form_key)
    form_draft_discard(case=visible.case, author=staff_user(request), form_key=form_key)
    messages.success(request, "Draft discarded")
    return redirect(draft.path if draft is not None else case_url(visible))
