"""Every API error in one documented shape:
``{"error": {"code": "...", "message": "...", "fields": {"person.given_name": ["..."]}}}``.

Ninja's own errors (validation, authentication, unknown routes, wrong methods) and Django's
(a body too big) are turned into it too. Messages never echo what was sent."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse

CODES = {
    400: "bad_request",
    401: "unauthorised",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid",
    429: "rate_limited",
}
MESSAGES = {
    400: "The request could not be read",
    401: "Send a valid API token: Authorization: Bearer <token>",
    403: "This token may not do that",
    404: "Not found",
    405: "This address does not take that method",
    409: "This Idempotency-Key was used with a different body",
    413: "The request body is too large",
    422: "Some fields are not valid",
    429: "Too many requests: wait and try again",
}
BODY_LIMIT = 64 * 1024  # a referral is a few kilobytes


def error_response(
    status: int, message: str = "", fields: dict[str, list[str]] | None = None
) -> JsonResponse:
    body = {
        "error": {
            "code": CODES.get(status, "error"),
            "message": message or MESSAGES.get(status, "Error"),
            "fields": fields or {},
        }
    }
    return JsonResponse(body, status=status)


def _field_path(loc: list[Any] | tuple[Any, ...]) -> str:
    """Ninja's ("body", "payload", "person", "given_name") → "person.given_name"."""
    parts = [str(part) for part in loc]
    if parts and parts[0] in {"body", "query", "path", "header"}:
        source = parts[0]
        parts = parts[1:]
        if source == "body" and parts and parts[0] == "payload":
            parts = parts[1:]
        if source != "body":
            parts = [source, *parts]
    return ".".join(parts) or "body"


def ninja_validation_fields(errors: list[dict[str, Any]]) -> dict[str, list[str]]:
    fields: dict[str, list[str]] = {}
    for error in errors:
        message = str(error.get("msg", "Not valid"))
        fields.setdefault(_field_path(error.get("loc", ())), []).append(message)
    return fields


PERSON_FIELDS = frozenset(
    {
        "given_name",
        "family_name",
        "date_of_birth",
        "phone",
        "email",
        "address_line_1",
        "address_line_2",
        "town",
        "postcode",
    }
)
SAFE_CONTACT_FIELDS = frozenset(
    {
        "safe_phone",
        "safe_times",
        "voicemail_allowed",
        "texts_allowed",
        "email_safe",
        "letters",
        "safe_address",
        "harmer_at_address",
        "code_word",
        "notes",
    }
)


def service_fields(problems: DjangoValidationError) -> dict[str, list[str]]:
    """A service's refusal, by field, with the body's paths."""
    if not hasattr(problems, "error_dict"):
        return {"body": [str(message) for message in problems.messages]}
    fields: dict[str, list[str]] = {}
    for name, messages in problems.message_dict.items():
        if name in PERSON_FIELDS:
            path = f"person.{name}"
        elif name in SAFE_CONTACT_FIELDS:
            path = f"safe_contact.{name}"
        else:
            path = "body" if name == "__all__" else name
        fields.setdefault(path, []).extend(messages)
    return fields


def install(api: Any) -> None:
    """Register the handlers on the NinjaAPI."""
    from ninja.errors import AuthenticationError, HttpError
    from ninja.errors import ValidationError as NinjaValidationError

    from haven.partners.services import IdempotencyConflictError, RateLimitedError

    def validation(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
        return error_response(422, fields=ninja_validation_fields(exc.errors))

    def authentication(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
        return error_response(401)

    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        status = exc.status_code if exc.status_code in CODES else 400
        return error_response(status, exc.message if status not in {401, 403} else "")

    def not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response(404)

    def forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response(403)

    def too_big(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response(413)

    def refused(request: HttpRequest, exc: DjangoValidationError) -> HttpResponse:
        return error_response(422, fields=service_fields(exc))

    def conflict(request: HttpRequest, exc: Exception) -> HttpResponse:
        return error_response(409)

    def rate_limited(request: HttpRequest, exc: RateLimitedError) -> HttpResponse:
        response = error_response(429)
        response["Retry-After"] = str(exc.retry_after)
        return response

    api.add_exception_handler(NinjaValidationError, validation)
    api.add_exception_handler(AuthenticationError, authentication)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(Http404, not_found)
    api.add_exception_handler(PermissionDenied, forbidden)
    api.add_exception_handler(RequestDataTooBig, too_big)
    api.add_exception_handler(DjangoValidationError, refused)
    api.add_exception_handler(IdempotencyConflictError, conflict)
    api.add_exception_handler(RateLimitedError, rate_limited)


type View = Callable[..., HttpResponse]


def json_errors(view: View) -> View:
    """Around every API URL: a body over the limit is 413 before it is read, and ninja's plain
    responses (405, its root page) become the error shape."""

    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return error_response(400, "Content-Length is not a number")
        if length > BODY_LIMIT:
            return error_response(413)
        response = view(request, *args, **kwargs)
        if response.status_code >= 400 and not _is_error_json(response):
            replaced = error_response(response.status_code)
            if response.has_header("Allow"):
                replaced["Allow"] = response["Allow"]
            if response.has_header("Retry-After"):
                replaced["Retry-After"] = response["Retry-After"]
            return replaced
        return response

    for attribute in ("csrf_exempt",):
        if hasattr(view, attribute):
            setattr(wrapper, attribute, getattr(view, attribute))
    wrapper.__name__ = getattr(view, "__name__", "api_view")
    # still ninja's view to the page walkers (haven_views): the API is walked by schemathesis
    wrapper.__module__ = getattr(view, "__module__", None) or "ninja"
    return wrapper


def _is_error_json(response: HttpResponse) -> bool:
    if getattr(response, "streaming", False):
        return False
    try:
        body = json.loads(response.content)
    except ValueError:
        return False
    return isinstance(body, dict) and isinstance(body.get("error"), dict)


def unknown_route(request: HttpRequest, rest: str = "") -> HttpResponse:
    """Any address under /api/v1/ that is not an endpoint."""
    return error_response(404)
