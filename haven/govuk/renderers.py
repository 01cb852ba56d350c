"""Render Django forms and fields through Haven's Jinja2 engine (``FORM_RENDERER``).

Field templates (``govuk/fields/*.html``) call the GOV.UK Frontend Jinja macros, so they need the
project's Jinja2 environment; Django's own widget and form templates are the fallback, and
templates that exist only in the Django template language (the admin's widgets, such as
``admin/widgets/related_widget_wrapper.html``) come from Django's DTL renderer last.
"""

from __future__ import annotations

from typing import Any

from django.forms.renderers import BaseRenderer
from django.forms.renderers import DjangoTemplates as DjangoTemplatesRenderer
from django.forms.renderers import Jinja2 as DjangoJinja2Renderer
from django.template import TemplateDoesNotExist, engines
from django.template.backends.jinja2 import Jinja2
from django.utils.functional import cached_property


class GovukFormRenderer(BaseRenderer):
    """Find templates in the project's Jinja2 engine, then in Django's built-in form templates."""

    form_template_name = "govuk/form.html"

    @cached_property
    def engine(self) -> Jinja2:
        for engine in engines.all():
            if isinstance(engine, Jinja2):
                return engine
        raise TemplateDoesNotExist("GovukFormRenderer needs a Jinja2 entry in settings.TEMPLATES")

    @cached_property
    def django_templates(self) -> DjangoJinja2Renderer:
        return DjangoJinja2Renderer()

    @cached_property
    def django_dtl_templates(self) -> DjangoTemplatesRenderer:
        """Django's own DTL renderer: its engine reads every installed app's ``templates/``."""
        return DjangoTemplatesRenderer()

    def get_template(self, template_name: str) -> Any:
        try:
            return self.engine.get_template(template_name)
        except TemplateDoesNotExist:
            pass
        try:
            return self.django_templates.get_template(template_name)
        except TemplateDoesNotExist:
            return self.django_dtl_templates.get_template(template_name)
