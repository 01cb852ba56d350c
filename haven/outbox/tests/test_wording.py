"""The message templates are validated at load: every shipped file, for every contract, and the
rules a template must keep (discreet unless marked, never the code word, known placeholders)."""

import pytest

from haven.outbox.wording import TEMPLATES_DIR, WordingError, parse_wording, wording_for

DEFAULT = {"sender": "The support team", "phone": "0300 123 4567"}
PROFILE_SLUGS = sorted(
    path.stem for path in (TEMPLATES_DIR.parent.parent / "contracts" / "profiles").glob("*.yaml")
)


@pytest.mark.parametrize("slug", PROFILE_SLUGS)
def test_every_contract_has_valid_templates(slug):
    wording = wording_for(slug)
    keys = {template.key for template in wording.templates}
    # seed 002 s3.7 (first contact, final letter, home visit) and s3.6 (web chat)
    assert {"first_contact", "final_letter", "appointment_confirmation"} <= keys
    assert "webchat_confirmation" in keys


def _template(**changes):
    template = {
        "key": "t",
        "label": "T",
        "channels": {"sms": {"body": "Hello {name}"}},
    }
    return {**DEFAULT, "templates": [{**template, **changes}]}


def test_a_template_that_names_domestic_abuse_is_refused_unless_marked():
    body = {"sms": {"body": "Our domestic abuse service"}}
    with pytest.raises(ValueError, match=r"names the service \(domestic, abuse\)"):
        parse_wording(_template(channels=body), None)
    assert parse_wording(_template(channels=body, names_service=True), None)


def test_the_code_word_is_never_a_placeholder():
    with pytest.raises(ValueError, match="never contains the person's code word"):
        parse_wording(_template(channels={"sms": {"body": "Code {code_word}"}}), None)


def test_an_unknown_placeholder_is_refused():
    with pytest.raises(ValueError, match="unknown placeholder"):
        parse_wording(_template(channels={"sms": {"body": "Hi {address}"}}), None)


def test_a_date_placeholder_must_be_listed_under_needs():
    with pytest.raises(ValueError, match="list visit_at under needs"):
        parse_wording(_template(channels={"sms": {"body": "On {visit_at}"}}), None)


def test_a_contract_file_replaces_a_template_by_key():
    base = _template()
    merged = parse_wording(
        base, {"templates": [{"key": "t", "label": "New", "channels": {"sms": {"body": "Hi"}}}]}
    )
    assert merged.template("t").label == "New"


def test_a_bad_file_names_itself(tmp_path, monkeypatch):
    import haven.outbox.wording as wording

    (tmp_path / "default.yaml").write_text((TEMPLATES_DIR / "default.yaml").read_text())
    (tmp_path / "bad-contract.yaml").write_text("sender: Refuge services\nphone: '1'\n")
    monkeypatch.setattr(wording, "TEMPLATES_DIR", tmp_path)
    wording.wording_for.cache_clear()
    try:
        with pytest.raises(WordingError, match=r"bad-contract\.yaml"):
            wording.wording_for("bad-contract")
    finally:
        wording.wording_for.cache_clear()
