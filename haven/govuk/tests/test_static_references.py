"""Every static() in a template names a real file: production's hashed manifest has no directories."""

import re
from pathlib import Path

from django.contrib.staticfiles import finders

HAVEN = Path(__file__).resolve().parents[2]
STATIC_CALL = re.compile(r"""static\(\s*["']([^"']+)["']\s*\)""")


def _static_references():
    for template in sorted(HAVEN.glob("*/jinja2/**/*.html")):
        for name in STATIC_CALL.findall(template.read_text(encoding="utf-8")):
            yield template.relative_to(HAVEN), name


def test_templates_reference_static_files_not_directories():
    references = list(_static_references())
    assert len(references) >= 8  # the layout's stylesheet, scripts and icons at least
    not_files = [
        f"{template}: static({name!r})"
        for template, name in references
        if not (found := finders.find(name)) or not Path(found).is_file()
    ]
    assert not_files == [], "static() must name a file the manifest can hash:\n" + "\n".join(
        not_files
    )
