"""Letters as PDFs (WeasyPrint) addressed only to the safe address; a blocked letter carries
no address at all."""

import pytest

from haven.outbox.letters import letter_html, letter_pdf
from haven.outbox.models import MessageStatus
from haven.outbox.services import message_send
from haven.outbox.tests.conftest import make_safe

pytestmark = pytest.mark.django_db


def test_a_letter_is_a_pdf_to_the_safe_address(vf_case, personas):
    case = vf_case(contact_method="post")
    message = message_send(
        case=case, template_key="first_contact", channel="letter", sent_by=personas.caseworker
    )
    html = letter_html(message)
    assert "10 Synthetic Lane" in html
    assert letter_pdf(message).startswith(b"%PDF")


def test_a_blocked_letter_has_no_address(vf_case, personas):
    case = vf_case(contact_method="post")
    case.person.address_line_1 = "1 Home Street"
    case.person.postcode = "EX9 9ZZ"
    case.person.save(update_fields=["address_line_1", "postcode"])
    make_safe(case.person, letters="any_address", safe_address="")
    message = message_send(
        case=case, template_key="first_contact", channel="letter", sent_by=personas.caseworker
    )
    assert message.status == MessageStatus.BLOCKED
    html = letter_html(message)
    assert "Do not post this letter" in html
    assert "Home Street" not in html
    assert "EX9 9ZZ" not in html
    assert letter_pdf(message).startswith(b"%PDF")
