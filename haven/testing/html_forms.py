"""Read the forms (and links) of a rendered page with ``html.parser``, as a browser would submit.

One parse, two views of each form: ``fields`` (every named control with its kind, options and
inputmode, for the page walkers, which post back every field a page offers without knowing the
form class) and ``values`` / ``options`` / ``data()`` (what a browser would send untouched, for
tests that change only what they mean to: ``post_forms(html)``, ``form_posting_to(html, url)``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

CHOICES = frozenset({"radio", "checkbox", "select"})
NOT_SENT_UNTOUCHED = frozenset({"submit", "file"})  # a browser sends these only when used


@dataclass
class HtmlField:
    """One named control: its kind ("text", "textarea", "radio", "select", "hidden"…)."""

    name: str
    kind: str
    value: str = ""  # as rendered (checked/selected value for choices)
    options: list[str] = field(default_factory=list)
    inputmode: str = ""
    chosen: bool = False  # a radio or checkbox is checked, or an option selected


@dataclass
class HtmlForm:
    action: str  # absolute path (the page itself when the form gives none; "" with no page URL)
    method: str
    fields: dict[str, HtmlField] = field(default_factory=dict)
    multipart: bool = False

    def add(
        self, name: str, kind: str, value: str = "", checked: bool = False, **extra: str
    ) -> None:
        existing = self.fields.get(name)
        if existing is None:
            existing = self.fields[name] = HtmlField(name, kind, **extra)
            if kind not in {"radio", "checkbox", "select", "submit"}:
                existing.value = value
        if kind in {"radio", "checkbox", "submit"}:
            existing.options.append(value)
            if checked:
                existing.chosen = True
                if not existing.value:
                    existing.value = value

    @property
    def values(self) -> dict[str, str]:
        """What a browser sends untouched: text and hidden inputs, textareas, checked radios
        and checkboxes, the selected (or first) option of each select."""
        sent: dict[str, str] = {}
        for name, item in self.fields.items():
            if item.kind in NOT_SENT_UNTOUCHED:
                continue
            if item.kind not in CHOICES or item.chosen:
                sent[name] = item.value
            elif item.kind == "select" and item.options:
                sent[name] = item.options[0]
        return sent

    @property
    def options(self) -> dict[str, list[str]]:
        """Every value of each radio group, checkbox and select."""
        return {name: item.options for name, item in self.fields.items() if item.kind in CHOICES}

    def data(self, **overrides: object) -> dict[str, str]:
        """The values a browser would send, with ``overrides`` (None removes a field)."""
        merged = self.values
        for name, value in overrides.items():
            if value is None:
                merged.pop(name, None)
            else:
                merged[name] = str(value)
        return merged


class _PageParser(HTMLParser):
    def __init__(self, page_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[HtmlForm] = []
        self.links: list[str] = []
        self._form: HtmlForm | None = None
        self._select: HtmlField | None = None
        self._textarea: HtmlField | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.page_url, a["href"]))
        if tag == "form":
            action = urljoin(self.page_url, a.get("action") or self.page_url)
            self._form = HtmlForm(
                action=urlsplit(action).path
                + (f"?{urlsplit(action).query}" if urlsplit(action).query else ""),
                method=(a.get("method") or "get").lower(),
                multipart="multipart" in a.get("enctype", ""),
            )
            self.forms.append(self._form)
            return
        form = self._form
        if tag == "option" and self._select is not None:
            value = a.get("value", "")
            self._select.options.append(value)
            if "selected" in a:
                self._select.value, self._select.chosen = value, True
            return
        if form is None or not a.get("name") or "disabled" in a:
            return
        name = a["name"]
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in {"button", "reset", "image"}:
                return
            form.add(
                name,
                kind,
                a.get("value", "on" if kind in {"radio", "checkbox"} else ""),
                checked="checked" in a,
                inputmode=a.get("inputmode", ""),
            )
        elif tag == "button" and a.get("type", "submit") == "submit":
            form.add(name, "submit", a.get("value", ""))
        elif tag == "select":
            form.add(name, "select")
            self._select = form.fields[name]
        elif tag == "textarea":
            form.add(name, "textarea")
            self._textarea = form.fields[name]

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._textarea.value += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self._textarea.value = self._textarea.value.removeprefix("\n")
            self._textarea = None


def parse_page(html: str, page_url: str = "") -> tuple[list[HtmlForm], list[str]]:
    """The page's forms and the absolute URLs of its links."""
    parser = _PageParser(page_url)
    parser.feed(html)
    parser.close()
    return parser.forms, parser.links


def post_forms(html: str) -> list[HtmlForm]:
    return [form for form in parse_page(html)[0] if form.method == "post"]


def form_posting_to(html: str, url: str) -> HtmlForm:
    """The page's POST form that sends to ``url`` (or to the page itself, with no action)."""
    for form in post_forms(html):
        if form.action in ("", url):
            return form
    raise LookupError(f"no form posts to {url}")
