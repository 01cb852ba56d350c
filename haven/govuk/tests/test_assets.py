import json
import re
from pathlib import Path

from django.contrib.staticfiles import finders

STATIC = Path(__file__).resolve().parent.parent / "static" / "govuk"


def test_css_is_built_with_arial_and_no_gds_transport():
    css = (STATIC / "haven.min.css").read_text(encoding="utf-8")
    assert "GDS Transport" not in css
    assert "@font-face" not in css
    assert "font-family:arial,sans-serif" in css
    assert ".govuk-generic-header" in css


def test_css_refers_to_no_missing_file():
    css = (STATIC / "haven.min.css").read_text(encoding="utf-8")
    urls = [u for u in re.findall(r"url\(([^)]*)\)", css) if not u.strip("\"'").startswith("data:")]
    assert urls == []


def test_javascript_is_the_govuk_frontend_module_without_a_missing_source_map():
    js = (STATIC / "govuk-frontend.min.js").read_text(encoding="utf-8")
    assert 'const version="6.3.0"' in js
    assert "sourceMappingURL" not in js
    assert "initAll" in (STATIC / "haven.js").read_text(encoding="utf-8")


def test_manifest_icons_exist_and_none_is_a_font():
    manifest = json.loads((STATIC / "assets" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["name"] == "Haven"
    for icon in manifest["icons"]:
        assert (STATIC / "assets" / icon["src"]).is_file(), icon["src"]
    assert not (STATIC / "assets" / "fonts").exists()


def test_static_finders_find_the_built_files():
    assert finders.find("govuk/haven.min.css")
    assert finders.find("govuk/assets/images/favicon.ico")
