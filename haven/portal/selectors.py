"""Reads for staff: the quick questions of the contracts the user's provider runs."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from haven.access.scope import change_organisations_of
from haven.accounts.models import User
from haven.accounts.signed_in import Viewer
from haven.portal.models import QuickQuestion


def questions_for_user(user: Viewer) -> QuerySet[QuickQuestion]:
    if not user.has_perm("portal.answer_questions"):
        raise PermissionDenied
    questions = QuickQuestion.objects.select_related("contract")
    if isinstance(user, User) and user.is_superuser:
        return questions
    return questions.filter(contract__provider_id__in=change_organisations_of(user))


def question_for_user(user: Viewer, question_id: Any) -> QuickQuestion:
    found = questions_for_user(user).filter(pk=question_id).first()
    if found is None:
        raise Http404("No such question")
    return found
