"""Every write to people: atomic, audited, keyword-only (STYLE habit 1).

The code word is never written to the audit trail (the auditor keeps no value for ``code_word``),
and equality answers are special-category data: their audit records say which answers changed,
not what they are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypedDict

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.forms.models import model_to_dict
from django.utils import timezone

from haven.access.restriction import provider_organisations_of
from haven.accounts.models import User
from haven.contracts.models import Organisation
from haven.core.auditor import audit_event, diff
from haven.core.models import AuditAction
from haven.people import reference_codes
from haven.people.choices import DisabilityType, HarmerAtAddress
from haven.people.models import (
    ADULT_AGE,
    EqualityData,
    HarmLink,
    HouseholdLink,
    Person,
    PersonCausingHarm,
    PersonFlag,
    SafeContact,
    age_on,
)
from haven.people.postcodes import normalise_postcode
from haven.validators import birth_date_problem, date_problem, refuse, text_problem

if TYPE_CHECKING:
    from haven.casework.models import BreakGlassGrant

CODE_ATTEMPTS = 20
FLAG_NOTE_MAX_LENGTH = 1000


class PersonDetails(TypedDict, total=False):
    given_name: str
    family_name: str
    preferred_name: str
    date_of_birth: dt.date | None
    dob_is_estimate: bool
    gender: str
    pronouns: str
    phone: str
    email: str
    address_line_1: str
    address_line_2: str
    town: str
    postcode: str
    local_authority: str
    preferred_language: str
    interpreter_needed: bool
    preferred_worker_gender: str


class SafeContactDetails(TypedDict, total=False):
    safe_phone: str
    safe_times: list[dict[str, Any]]
    voicemail_allowed: bool
    texts_allowed: bool
    email_safe: bool
    letters: str
    safe_address: str
    code_word: str
    harmer_at_address: str
    notes: str


class HarmerDetails(TypedDict, total=False):
    given_name: str
    family_name: str
    known_as: str
    date_of_birth: dt.date | None
    gender: str
    description: str


PERSON_FIELDS = frozenset(PersonDetails.__annotations__)
SAFE_CONTACT_FIELDS = frozenset(SafeContactDetails.__annotations__)
EQUALITY_FIELDS = frozenset(
    {
        "sex",
        "gender_same_as_birth",
        "sexual_orientation",
        "disability",
        "ethnicity",
        "ethnicity_other",
        "religion",
        "marital_status",
        "pregnancy_maternity",
        "immigration_status",
    }
)
# seed 004 appendix 1 E10-E13: one boolean field per type of disability
DISABILITY_TYPE_FIELDS = {key: f"disability_{key}" for key in DisabilityType.values}


def _snapshot(instance: Any, fields: frozenset[str]) -> dict[str, Any]:
    return model_to_dict(instance, fields=sorted(fields))


def person_snapshot(person: Person) -> dict[str, Any]:
    """A person's recorded fields as the audit trail records them on creation."""
    return _snapshot(person, PERSON_FIELDS)


def _check_fields(given: Any, allowed: frozenset[str]) -> None:
    unknown = set(given) - allowed
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")


def _check_birth_date(details: Any) -> None:
    """A date of birth is on or after 1 January 1900 and not in the future (issue 9 s4)."""
    born = details.get("date_of_birth")
    if born is not None:
        problem = birth_date_problem(born, subject="Date of birth", today=timezone.localdate())
        refuse({"date_of_birth": problem})


def _organisation_of(user: User) -> Organisation:
    """The provider organisation a user records people in (their only one, for now)."""
    organisations = list(Organisation.objects.filter(pk__in=provider_organisations_of(user)))
    if len(organisations) != 1:
        raise PermissionDenied("A person is recorded in exactly one provider organisation")
    return organisations[0]


def _new_reference_code() -> str:
    for _ in range(CODE_ATTEMPTS):
        code = reference_codes.generate()
        if not Person.objects.filter(reference_code=code).exists():
            return code
    raise IntegrityError("could not find a free reference code")  # 32**8 codes: never in practice


def is_child_today(date_of_birth: dt.date | None, default: bool) -> bool:
    """Under 18 today by the date of birth; ``default`` when it is not known."""
    if date_of_birth is None:
        return default
    return age_on(date_of_birth, timezone.localdate()) < ADULT_AGE


def person_details_tidy(details: PersonDetails) -> PersonDetails:
    """The details as they are stored (postcodes normalised)."""
    tidied = details.copy()
    if "postcode" in tidied:
        tidied["postcode"] = normalise_postcode(tidied["postcode"] or "")
    return tidied


def _set_aliases(person: Person, aliases: Sequence[str]) -> list[str]:
    names = sorted({alias.strip() for alias in aliases if alias.strip()})
    person.aliases.all().delete()
    for name in names:
        person.aliases.create(name=name)
    return names


@transaction.atomic
def person_create(
    *,
    created_by: User,
    details: PersonDetails,
    aliases: Sequence[str] = (),
    organisation: Organisation | None = None,
    is_child: bool = False,
    restricted_match_acknowledged: bool = False,
) -> Person:
    """Record a new person with a fresh reference code, empty safe-contact and equality records.

    ``restricted_match_acknowledged``: the recorder confirmed that a restricted record which
    looked like a match is someone else (kept in the audit event)."""
    _check_fields(details, PERSON_FIELDS)
    _check_birth_date(details)
    details = person_details_tidy(details)
    person = Person(
        reference_code=_new_reference_code(),
        organisation=organisation or _organisation_of(created_by),
        created_by=created_by,
        **details,
    )
    person.is_child = is_child_today(person.date_of_birth, is_child)
    person.full_clean(exclude=["reference_code"])
    person.save()
    SafeContact.objects.create(person=person)
    EqualityData.objects.create(person=person)
    alias_names = _set_aliases(person, aliases)
    changes = diff({}, {**_snapshot(person, PERSON_FIELDS), "aliases": alias_names})
    changes.update(diff({}, {"reference_code": person.reference_code, "is_child": person.is_child}))
    if restricted_match_acknowledged:
        changes.update(diff({}, {"restricted_match_acknowledged": True}))
    audit_event(actor=created_by, action=AuditAction.CREATE, target=person, changes=changes)
    return person


@transaction.atomic
def person_update(
    *,
    person: Person,
    updated_by: User,
    details: PersonDetails,
    aliases: Sequence[str] | None = None,
) -> Person:
    """Change a person's identity and contact details."""
    _check_fields(details, PERSON_FIELDS)
    _check_birth_date(details)
    before = {**_snapshot(person, PERSON_FIELDS), "aliases": [a.name for a in person.aliases.all()]}
    for field, value in person_details_tidy(details).items():
        setattr(person, field, value)
    person.is_child = is_child_today(person.date_of_birth, person.is_child)
    person.full_clean(exclude=["reference_code"])
    person.save()
    after = {**_snapshot(person, PERSON_FIELDS), "aliases": before["aliases"]}
    if aliases is not None:
        after["aliases"] = _set_aliases(person, aliases)
    changes = diff(before, after)
    if changes:
        audit_event(actor=updated_by, action=AuditAction.UPDATE, target=person, changes=changes)
    return person


@transaction.atomic
def safe_contact_update(
    *, person: Person, updated_by: User, preferences: SafeContactDetails
) -> SafeContact:
    """Record how the person may be contacted safely (reference §5.1)."""
    _check_fields(preferences, SAFE_CONTACT_FIELDS)
    safe_contact = person.safe_contact_or_default()
    before = _snapshot(safe_contact, SAFE_CONTACT_FIELDS)
    for field, value in preferences.items():
        setattr(safe_contact, field, value)
    safe_contact.full_clean(exclude=["person"])
    safe_contact.windows()  # refuses badly shaped safe times before anything is saved
    safe_contact.save()
    changes = diff(before, _snapshot(safe_contact, SAFE_CONTACT_FIELDS))
    if changes:
        audit_event(
            actor=updated_by, action=AuditAction.UPDATE, target=safe_contact, changes=changes
        )
    return safe_contact


@transaction.atomic
def equality_update(
    *,
    person: Person,
    updated_by: User,
    answers: dict[str, str],
    disability_types: Sequence[str] | None = None,
) -> EqualityData:
    """Record equality monitoring answers; the audit says which changed, never the answers.

    `disability_types` (choices.DisabilityType keys) replaces the types recorded; None leaves
    them as they are. Types are kept only for someone who considers themselves disabled (seed
    004 appendix 1 E10-E13): given with another answer they are refused, and an answer other
    than "yes" clears them."""
    _check_fields(answers, EQUALITY_FIELDS)
    equality = person.equality_or_default()
    tracked = EQUALITY_FIELDS | frozenset(DISABILITY_TYPE_FIELDS.values())
    before = _snapshot(equality, tracked)
    for field, value in answers.items():
        setattr(equality, field, value)
    if disability_types is not None:
        unknown = sorted(set(disability_types) - set(DISABILITY_TYPE_FIELDS))
        if unknown:
            raise ValidationError({"disability_types": "Choose types of disability from the list"})
        if disability_types and equality.disability != "yes":
            raise ValidationError(
                {
                    "disability_types": "Only say the type of disability when they consider "
                    "themselves to have one"
                }
            )
        for key, field in DISABILITY_TYPE_FIELDS.items():
            setattr(equality, field, key in disability_types)
    if equality.disability != "yes":
        for field in DISABILITY_TYPE_FIELDS.values():
            setattr(equality, field, False)
    if equality.ethnicity not in {
        "asian_other",
        "black_other",
        "mixed_other",
        "white_other",
        "other_any",
    }:
        equality.ethnicity_other = ""
    equality.full_clean(exclude=["person"])
    equality.save()
    after = _snapshot(equality, tracked)
    changed = {field: ["[changed]", "[changed]"] for field in diff(before, after)}
    if changed:
        audit_event(actor=updated_by, action=AuditAction.UPDATE, target=equality, changes=changed)
    return equality


@transaction.atomic
def flag_add(
    *, person: Person, added_by: User, kind: str, started_on: dt.date, note: str = ""
) -> PersonFlag:
    today = timezone.localdate()
    refuse(
        {
            "started_on": "The date the flag started must be today or in the past"
            if started_on > today
            else date_problem(started_on, subject="The date the flag started"),
            "note": text_problem(note, subject="Note", limit=FLAG_NOTE_MAX_LENGTH),
        }
    )
    flag = PersonFlag(person=person, kind=kind, started_on=started_on, note=note)
    flag.full_clean()
    flag.save()
    changes = diff({}, {"person": person.pk, "kind": kind, "started_on": started_on, "note": note})
    audit_event(actor=added_by, action=AuditAction.CREATE, target=flag, changes=changes)
    return flag


@transaction.atomic
def flag_end(*, flag: PersonFlag, ended_by: User, ended_on: dt.date) -> PersonFlag:
    """Mark a flag as no longer current; the flag is kept with its dates."""
    if flag.ended_on is not None:
        raise ValidationError({"ended_on": "This flag has already ended"})
    if ended_on > timezone.localdate():
        raise ValidationError({"ended_on": "The end date must be today or in the past"})
    if ended_on < flag.started_on:
        raise ValidationError(
            {"ended_on": "The end date must be the same as or after the date the flag started"}
        )
    flag.ended_on = ended_on
    flag.save(update_fields=["ended_on", "updated_at"])
    audit_event(
        actor=ended_by,
        action=AuditAction.UPDATE,
        target=flag,
        changes=diff({"ended_on": None}, {"ended_on": ended_on}),
    )
    return flag


@transaction.atomic
def child_add(
    *,
    person: Person,
    added_by: User,
    details: PersonDetails,
    relationship: str,
    lives_with_person: bool = True,
) -> HouseholdLink:
    """Record a child in the person's household as a Person with their own reference code."""
    child = person_create(
        created_by=added_by, details=details, organisation=person.organisation, is_child=True
    )
    link = HouseholdLink(
        person=person, member=child, relationship=relationship, lives_with_person=lives_with_person
    )
    link.full_clean()
    link.save()
    changes = diff(
        {},
        {
            "person": person.pk,
            "member": child.pk,
            "relationship": relationship,
            "lives_with_person": lives_with_person,
        },
    )
    audit_event(actor=added_by, action=AuditAction.CREATE, target=link, changes=changes)
    return link


@transaction.atomic
def harmer_add(
    *,
    person: Person,
    added_by: User,
    details: HarmerDetails,
    relationship: str,
    lives_with_person: bool,
) -> HarmLink:
    """Record who is causing harm to the person. If they live together, letters and visits to the
    address are blocked from now on (safe contact: the person causing harm lives at the address).
    """
    _check_fields(details, frozenset(HarmerDetails.__annotations__))
    _check_birth_date(details)
    harmer = PersonCausingHarm(organisation=person.organisation, created_by=added_by, **details)
    harmer.full_clean()
    harmer.save()
    audit_event(
        actor=added_by,
        action=AuditAction.CREATE,
        target=harmer,
        changes=diff({}, _snapshot(harmer, frozenset(HarmerDetails.__annotations__))),
    )
    link = HarmLink(
        person=person, harmer=harmer, relationship=relationship, lives_with_person=lives_with_person
    )
    link.full_clean()
    link.save()
    changes = diff(
        {},
        {
            "person": person.pk,
            "harmer": harmer.pk,
            "relationship": relationship,
            "lives_with_person": lives_with_person,
        },
    )
    audit_event(actor=added_by, action=AuditAction.CREATE, target=link, changes=changes)
    if (
        lives_with_person
        and person.safe_contact_or_default().harmer_at_address != HarmerAtAddress.YES
    ):
        safe_contact_update(
            person=person,
            updated_by=added_by,
            preferences={"harmer_at_address": HarmerAtAddress.YES},
        )
    return link


def person_view_record(
    *, person: Person, viewed_by: User, grant: BreakGlassGrant | None = None
) -> None:
    """Audit that someone read a person's record (a sensitive read); for a restricted person,
    as a restricted view with the break-glass reason."""
    if grant is not None:
        audit_event(
            actor=viewed_by, action=AuditAction.VIEW_RESTRICTED, target=person, reason=grant.reason
        )
    else:
        audit_event(actor=viewed_by, action=AuditAction.VIEW, target=person)


def harmer_view_record(*, harmer: PersonCausingHarm, viewed_by: User) -> None:
    audit_event(actor=viewed_by, action=AuditAction.VIEW, target=harmer)
