"""Quick questions (issue 14 item 5; seed 002 s3.6: "short questions (a word limit may be
applied) can be asked and answers provided. This will not be a formal support mechanism"):
ask one, get a one-time code, collect the answer by typing the code (POST only, never in a URL,
rate-limited). Staff of the provider answer them from a queue."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from haven.accounts.signed_in import staff_user
from haven.core.read_audit import audit_list_view, audit_record_view, audits_reads, shows_page
from haven.portal.forms import AnswerForm, CollectForm, QuestionForm
from haven.portal.once import run_once
from haven.portal.selectors import question_for_user, questions_for_user
from haven.portal.services import (
    attempt_allowed,
    front_door_of,
    public_contracts,
    quick_question_answer,
    quick_question_ask,
    quick_question_collect,
    takes_quick_questions,
)
from haven.portal.views.common import client_address, contract_or_404, forget, public_render

CODE_KEY = "portal_question_code"
TOO_MANY = "You have tried too many times. Wait an hour and try again."


@run_once
def ask(request: HttpRequest, slug: str) -> HttpResponse:
    contract = contract_or_404(slug)
    spec = front_door_of(contract)
    if not takes_quick_questions(contract) or spec is None or spec.quick_questions is None:
        raise Http404("This service does not take quick questions")
    form = QuestionForm(
        request.POST if request.method == "POST" else None,
        word_limit=spec.quick_questions.word_limit,
    )
    status = 200
    if request.method == "POST":
        if form.is_valid() and form.is_robot():
            return redirect("portal:question_sent", contract.slug)
        if form.is_valid():
            if not attempt_allowed(action="question", address=client_address(request)):
                form.add_error(None, TOO_MANY)
                status = 429
            else:
                try:
                    _, code = quick_question_ask(
                        contract=contract, question=form.cleaned_data["question"]
                    )
                except ValidationError as refused:
                    form.add_problems(refused)
                else:
                    request.session[CODE_KEY] = code
                    return redirect("portal:question_sent", contract.slug)
        status = status if status != 200 else 400
    return public_render(
        request, "portal/question_ask.html", {"contract": contract, "form": form}, status=status
    )


def question_sent(request: HttpRequest, slug: str) -> HttpResponse:
    """The code, once; then the session and its cookie go."""
    contract = contract_or_404(slug)
    code = request.session.get(CODE_KEY)
    if code is not None:
        forget(request)
    return public_render(request, "portal/question_sent.html", {"contract": contract, "code": code})


@require_http_methods(["GET", "POST"])
def collect(request: HttpRequest) -> HttpResponse:
    form = CollectForm(request.POST if request.method == "POST" else None)
    found, status = None, 200
    if request.method == "POST" and form.is_valid() and not form.is_robot():
        if not attempt_allowed(action="collect", address=client_address(request)):
            form.add_error(None, TOO_MANY)
            status = 429
        else:
            found = quick_question_collect(code=form.cleaned_data["code"])
            if found is None:
                form.add_error(
                    "code", "We cannot find a question with that code. Check it and try again"
                )
                status = 400
    elif request.method == "POST":
        status = 400
    context = {"form": form, "found": found, "services": public_contracts()}
    return public_render(request, "portal/question_collect.html", context, status=status)


# ---- staff ---------------------------------------------------------------------------------


@audits_reads
@login_required
@permission_required("portal.answer_questions", raise_exception=True)
def queue(request: HttpRequest) -> HttpResponse:
    questions = questions_for_user(request.user)
    show = request.GET.get("show")
    answered = show == "answered"
    listed = questions.filter(answered_at__isnull=not answered).order_by(
        "-answered_at" if answered else "asked_at"
    )[:200]
    context: dict[str, Any] = {"questions": listed, "answered": answered}
    response = render(request, "portal/staff_queue.html", context)
    if shows_page(response):
        audit_list_view(
            user=request.user,
            object_type="portal.quickquestion",
            shown=[q.pk for q in listed],
            page="quick questions",
        )
    return response


@audits_reads
@login_required
@permission_required("portal.answer_questions", raise_exception=True)
def answer(request: HttpRequest, question_id: Any) -> HttpResponse:
    question = question_for_user(request.user, question_id)
    form = AnswerForm(
        request.POST if request.method == "POST" and not question.is_answered else None
    )
    if request.method == "POST" and not question.is_answered and form.is_valid():
        try:
            quick_question_answer(
                question=question,
                answered_by=staff_user(request),
                answer=form.cleaned_data["answer"],
            )
        except ValidationError as refused:
            form.add_problems(refused)
        else:
            messages.success(
                request, "Answer saved. The person can now collect it with their code."
            )
            return redirect("portal:queue")
    response = render(request, "portal/staff_answer.html", {"question": question, "form": form})
    if shows_page(response):
        audit_record_view(user=request.user, target=question)
    return response
