"""Self-referral (issue 14 items 2-3; seed 002 s3.6, s3.1; seed 001 s5; seed 003 s6.1): safety
first, then about you and what happened, then an optional web chat, check, send.

Answers are kept in the session between steps (a step that fails validation shows what was
typed); the session and its cookie go once the referral is sent, so a cookie exists only while
a form is in progress. The confirmation page shows nothing of what was sent.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from haven.contracts.models import Contract
from haven.portal.forms import (
    CONTACT_BY,
    HARMER_AT_ADDRESS,
    HONEYPOT_MAX,
    SAFE_TIMES,
    AboutYouForm,
    ChatForm,
    SafetyForm,
)
from haven.portal.once import run_once
from haven.portal.services import (
    SelfReferral,
    attempt_allowed,
    free_slots,
    offers_web_chat,
    self_referral_submit,
    takes_self_referrals,
)
from haven.portal.views.common import (
    client_address,
    contract_or_404,
    describe_slot,
    forget,
    public_render,
)

SENT_KEY = "portal_sent"
CHAT_URL = "/chat/"  # the webchat app's page (above the portal: not reversed)


def _key(contract: Contract) -> str:
    return f"portal_referral:{contract.slug}"


def _answers(request: HttpRequest, contract: Contract) -> dict[str, Any]:
    stored = request.session.get(_key(contract))
    return stored if isinstance(stored, dict) else {}


def _save(request: HttpRequest, contract: Contract, step: str, data: dict[str, Any]) -> None:
    answers = _answers(request, contract)
    answers[step] = data
    request.session[_key(contract)] = answers


def _referral_contract(slug: str) -> Contract:
    contract = contract_or_404(slug)
    if not takes_self_referrals(contract):
        raise Http404("This service does not take self-referrals online")
    return contract


def _robot(request: HttpRequest, contract: Contract) -> HttpResponse:
    """A filled honeypot: look as if it worked, keep nothing."""
    forget(request)
    return redirect("portal:refer_sent", contract.slug)


def _context(contract: Contract, form: Any, step: str, back: str | None) -> dict[str, Any]:
    return {"contract": contract, "form": form, "step": step, "back": back}


def safety(request: HttpRequest, slug: str) -> HttpResponse:
    contract = _referral_contract(slug)
    initial = _answers(request, contract).get("safety") or {}
    form = SafetyForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        if form.is_robot():  # checked once the form is valid: a robot's long text is refused
            return _robot(request, contract)
        data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
        _save(request, contract, "safety", data)
        return redirect("portal:refer_about", contract.slug)
    back = reverse("portal:service", args=[contract.slug])
    return public_render(
        request, "portal/refer_safety.html", _context(contract, form, "safety", back)
    )


def about_you(request: HttpRequest, slug: str) -> HttpResponse:
    contract = _referral_contract(slug)
    answers = _answers(request, contract)
    if "safety" not in answers:
        return redirect("portal:refer", contract.slug)
    ways = tuple(answers["safety"].get("contact_by") or ())
    if answers["safety"].get("safe_to_contact") != "yes":
        ways = ()
    form = AboutYouForm(
        request.POST if request.method == "POST" else None,
        initial=answers.get("about") or {},
        ways=ways,
    )
    if request.method == "POST" and form.is_valid():
        if form.is_robot():  # checked once the form is valid: a robot's long text is refused
            return _robot(request, contract)
        _save(
            request,
            contract,
            "about",
            {k: v for k, v in form.cleaned_data.items() if k != "website"},
        )
        following = "portal:refer_chat" if offers_web_chat(contract) else "portal:refer_check"
        return redirect(following, contract.slug)
    back = reverse("portal:refer", args=[contract.slug])
    return public_render(
        request, "portal/refer_about.html", _context(contract, form, "about", back)
    )


def chat(request: HttpRequest, slug: str) -> HttpResponse:
    """seed 002 s3.6: the web form "must have an option to engage via a secure web chat
    facility at a specific date/time within 5 working days"."""
    contract = _referral_contract(slug)
    if not offers_web_chat(contract):
        raise Http404("This service does not offer web chats")
    answers = _answers(request, contract)
    if "about" not in answers:
        return redirect("portal:refer", contract.slug)
    slots = [
        (slot.key, describe_slot(slot.starts_at, slot.ends_at)) for slot in free_slots(contract)
    ]
    form = ChatForm(
        request.POST if request.method == "POST" else None,
        initial=answers.get("chat") or {},
        slots=slots,
    )
    if request.method == "POST" and form.is_valid():
        if form.is_robot():  # checked once the form is valid: a robot's long text is refused
            return _robot(request, contract)
        data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
        data["slot_text"] = dict(slots).get(data["slot"], "")
        _save(request, contract, "chat", data)
        return redirect("portal:refer_check", contract.slug)
    back = reverse("portal:refer_about", args=[contract.slug])
    context = {**_context(contract, form, "chat", back), "has_slots": bool(slots)}
    return public_render(request, "portal/refer_chat.html", context)


def _labels(pairs: Any) -> dict[str, str]:
    return dict(pairs)


def summary_rows(contract: Contract, answers: dict[str, Any]) -> list[dict[str, Any]]:
    safety, about, chat_answers = answers["safety"], answers["about"], answers.get("chat") or {}
    safe = safety.get("safe_to_contact") == "yes"
    ways = _labels(CONTACT_BY)
    times = {key: label for key, (_, label) in SAFE_TIMES.items()}

    def row(key: str, value: str, step: str) -> dict[str, Any]:
        href = reverse(step, args=[contract.slug])
        return {
            "key": {"text": key},
            "value": {"text": value or "Not given"},
            "actions": {
                "items": [{"href": href, "text": "Change", "visuallyHiddenText": key.lower()}]
            },
        }

    rows = [
        row("Safe to contact you", "Yes" if safe else "No", "portal:refer"),
    ]
    if safe:
        rows.append(
            row(
                "How to contact you",
                ", ".join(ways[w] for w in safety.get("contact_by") or []),
                "portal:refer",
            )
        )
        rows.append(
            row(
                "When to contact you",
                ", ".join(times[t] for t in safety.get("safe_times") or [] if t in times)
                or "Any time we are open",
                "portal:refer",
            )
        )
    rows += [
        row(
            "Lives with you",
            _labels(HARMER_AT_ADDRESS).get(safety.get("harmer_at_address", ""), ""),
            "portal:refer",
        ),
        row("Code word", "Given" if safety.get("code_word") else "", "portal:refer"),
        row("What we must not say or do", safety.get("do_not_say", ""), "portal:refer"),
        row(
            "Name",
            " ".join(filter(None, [about.get("given_name"), about.get("family_name")])),
            "portal:refer_about",
        ),
        row("Phone number", about.get("phone", ""), "portal:refer_about"),
        row("Email address", about.get("email", ""), "portal:refer_about"),
        row("Postcode", about.get("postcode", ""), "portal:refer_about"),
        row("What has happened", about.get("what_happened", ""), "portal:refer_about"),
    ]
    if offers_web_chat(contract):
        slot = chat_answers.get("slot")
        text = (
            str(chat_answers.get("slot_text") or "") if slot and slot != "none" else "No web chat"
        )
        rows.append(row("Web chat", text, "portal:refer_chat"))
    return rows


def _self_referral(answers: dict[str, Any]) -> SelfReferral:
    safety, about = answers["safety"], answers["about"]
    return SelfReferral(
        given_name=about["given_name"],
        family_name=about.get("family_name", ""),
        phone=about.get("phone", ""),
        email=about.get("email", ""),
        postcode=about.get("postcode", ""),
        what_happened=about["what_happened"],
        safe_to_contact=safety.get("safe_to_contact") == "yes",
        contact_by=tuple(safety.get("contact_by") or ()),
        safe_times=tuple(
            SAFE_TIMES[t][0] for t in safety.get("safe_times") or [] if t in SAFE_TIMES
        ),
        harmer_at_address=safety.get("harmer_at_address") or "unknown",
        code_word=safety.get("code_word", ""),
        do_not_say=safety.get("do_not_say", ""),
    )


@run_once
def check(request: HttpRequest, slug: str) -> HttpResponse:
    contract = _referral_contract(slug)
    answers = _answers(request, contract)
    if "safety" not in answers or "about" not in answers:
        return redirect("portal:refer", contract.slug)
    if offers_web_chat(contract) and "chat" not in answers:
        return redirect("portal:refer_chat", contract.slug)
    problem, status = "", 200
    if request.method == "POST":
        if len(request.POST.get("website", "")) > HONEYPOT_MAX:
            problem, status = "Leave the hidden field empty", 400
        elif request.POST.get("website"):
            return _robot(request, contract)
        elif not attempt_allowed(action="self_referral", address=client_address(request)):
            problem, status = (
                "You have sent too many forms in a short time. Try again in an hour, or contact us by phone.",
                429,
            )
        else:
            chat_answers = answers.get("chat") or {}
            slot = chat_answers.get("slot")
            try:
                sent = self_referral_submit(
                    contract=contract,
                    answers=_self_referral(answers),
                    slot_key=slot if slot and slot != "none" else None,
                    consent_to_transcript=chat_answers.get("consent_to_transcript") == "yes",
                )
            except ValidationError as refused:
                problem = "; ".join(refused.messages)
                status = 400
            except PermissionDenied:
                raise Http404("This service does not take self-referrals online") from None
            else:
                forget(request)
                if sent.booking is not None:
                    request.session[SENT_KEY] = {
                        "code": sent.code,
                        "slot": describe_slot(sent.booking.starts_at, sent.booking.ends_at),
                    }
                return redirect("portal:refer_sent", contract.slug)
    back = reverse(
        "portal:refer_chat" if offers_web_chat(contract) else "portal:refer_about",
        args=[contract.slug],
    )
    context = {
        "contract": contract,
        "rows": summary_rows(contract, answers),
        "problem": problem,
        "page_has_errors": bool(problem),
        "back": back,
    }
    return public_render(request, "portal/refer_check.html", context, status=status)


def sent(request: HttpRequest, slug: str) -> HttpResponse:
    """Nothing of what was sent; the web chat code once (then the session and cookie go)."""
    contract = contract_or_404(slug)
    booking = request.session.pop(SENT_KEY, None) if SENT_KEY in request.session else None
    if booking is not None:
        forget(request)
    context = {
        "contract": contract,
        "booking": booking,
        "chat_url": request.build_absolute_uri(CHAT_URL),
    }
    return public_render(request, "portal/refer_sent.html", context)
