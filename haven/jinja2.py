"""The Jinja2 environment for Django's Jinja2 backend (``TEMPLATES[0]["OPTIONS"]["environment"]``).

App templates load from ``<app>/jinja2/`` through the loader Django builds; the GOV.UK Frontend
macros load from the ``govuk-frontend-jinja`` package under the ``govuk_frontend_jinja/`` prefix,
e.g. ``{% from "govuk_frontend_jinja/components/button/macro.html" import govukButton %}``.
"""

from __future__ import annotations

from typing import Any

import jinja2
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone

from haven.contracts.citations import cite, document_name
from haven.core.formatting import JINJA_FILTERS

GOVUK_PREFIX = "govuk_frontend_jinja"


def url(viewname: str, *args: Any, **kwargs: Any) -> str:
    """``reverse()`` for templates: ``url('contracts:detail', contract.pk)`` or with keywords."""
    return reverse(viewname, args=args or None, kwargs=kwargs or None)


def environment(**options: Any) -> jinja2.Environment:
    """Build Haven's Jinja2 environment: Django's loader plus the GOV.UK Frontend macros."""
    app_loader = options.pop("loader", None) or jinja2.FileSystemLoader([])
    options["loader"] = jinja2.ChoiceLoader(
        [
            app_loader,
            jinja2.PrefixLoader({GOVUK_PREFIX: jinja2.PackageLoader(GOVUK_PREFIX)}),
        ]
    )
    # The GOV.UK macros read optional keys off missing parameters (``params.classes`` when
    # ``params`` was not given), which the plain and debug Undefined types refuse.
    options["undefined"] = jinja2.ChainableUndefined
    options.pop("autoescape", None)  # always on: Haven never renders unescaped user text
    extensions = list(options.pop("extensions", []))
    env = jinja2.Environment(autoescape=True, extensions=[*extensions, "jinja2.ext.do"], **options)
    env.filters.update(JINJA_FILTERS)
    env.filters["cite"] = cite  # "seed 002 s3.7" as the document's title and section
    env.globals.update(
        {"static": static, "url": url, "now": timezone.now, "document_name": document_name}
    )
    return env
