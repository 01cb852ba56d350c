"""The API's documentation page: server-rendered from the OpenAPI schema, with no scripts.

Ninja's Swagger UI and Redoc pages load their JavaScript from a CDN unless `ninja` is an
installed app, and even then need inline styles that Haven's Content-Security-Policy refuses;
a plain page listing the endpoints, with the JSON schema's address, works everywhere."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from ninja.openapi.docs import DocsBase


def _operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            rows.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "statuses": sorted(operation.get("responses", {})),
                }
            )
    return rows


class PlainDocs(DocsBase):
    def render_page(self, request: HttpRequest, api: Any, **kwargs: Any) -> HttpResponse:
        schema = api.get_openapi_schema(path_params=kwargs)
        return render(
            request,
            "partners/api_docs.html",
            {
                "title": api.title,
                "description": api.description,
                "operations": _operations(schema),
                "schema_url": self.get_openapi_url(api, kwargs),
            },
        )
