"""Read the forms on a rendered page as a browser would submit them (tests only).

``post_forms(html)`` gives each ``<form method="post">`` with its action and the values a browser
would send untouched: text inputs and hidden inputs, checked radios and checkboxes, the selected
(or first) option of each select, textareas. Tests then change only what they mean to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class HtmlForm:
    action: str
    method: str
    values: dict[str, str] = field(default_factory=dict)
    options: dict[str, list[str]] = field(default_factory=dict)  # radios and selects: all values

    def data(self, **overrides: object) -> dict[str, str]:
        """The values a browser would send, with ``overrides`` (None removes a field)."""
        merged: dict[str, str] = dict(self.values)
        for name, value in overrides.items():
            if value is None:
                merged.pop(name, None)
            else:
                merged[name] = str(value)
        return merged


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[HtmlForm] = []
        self._form: HtmlForm | None = None
        self._select: str | None = None
        self._select_chosen = False
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = HtmlForm(action=a.get("action", ""), method=a.get("method", "get").lower())
            self.forms.append(self._form)
            return
        form = self._form
        if form is None:
            return
        name = a.get("name", "")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("radio", "checkbox"):
                form.options.setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    form.values[name] = a.get("value", "on")
            elif kind not in ("submit", "button", "file", "image", "reset"):
                form.values[name] = a.get("value", "")
        elif tag == "select" and name:
            self._select, self._select_chosen = name, False
        elif tag == "option" and self._select:
            value = a.get("value", "")
            form.options.setdefault(self._select, []).append(value)
            if "selected" in a or self._select not in form.values:
                if not self._select_chosen:
                    form.values[self._select] = value
                self._select_chosen = self._select_chosen or "selected" in a
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            self._form.values[self._textarea] = "".join(self._text).removeprefix("\n")
            self._textarea = None


def forms_on(html: str) -> list[HtmlForm]:
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


def post_forms(html: str) -> list[HtmlForm]:
    return [form for form in forms_on(html) if form.method == "post"]


def form_posting_to(html: str, url: str) -> HtmlForm:
    """The page's POST form that sends to ``url`` (or to the page itself, with no action)."""
    for form in post_forms(html):
        if form.action in ("", url):
            return form
    raise LookupError(f"no form posts to {url}")
