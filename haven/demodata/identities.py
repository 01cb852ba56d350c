"""Synthetic people (Faker en_GB): identity, safe contact, equality data, flags and household.

Faker is slow per call, so a seeded pool of names and streets is drawn once and people are
assembled from it with the build's `random.Random`; the same seed gives the same people.
Phone numbers are in Ofcom's drama range (07700 900xxx) and emails use example domains.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from uuid import UUID

from faker import Faker

from haven.contracts.models import Organisation
from haven.people import choices
from haven.people.models import (
    EqualityData,
    HarmLink,
    HouseholdLink,
    Person,
    PersonAlias,
    PersonCausingHarm,
    PersonFlag,
    SafeContact,
)
from haven.people.reference_codes import generate as generate_reference_code
from haven.people.safe_contact import SafeContactPreferences, SafeTimeWindow

# Towns and postcode areas per local authority named in the profiles' eligibility areas.
AREAS: dict[str, tuple[tuple[str, ...], str]] = {
    "Leicester": (("Leicester",), "LE"),
    "Leicestershire": (
        ("Loughborough", "Hinckley", "Melton Mowbray", "Coalville", "Wigston"),
        "LE",
    ),
    "Rutland": (("Oakham", "Uppingham"), "LE"),
    "Wokingham": (("Wokingham", "Woodley", "Earley", "Crowthorne"), "RG"),
    "Cornwall": (("Truro", "Camborne", "Penzance", "Bodmin", "Newquay"), "TR"),
}
LANGUAGES = ["English"] * 17 + ["Polish", "Gujarati", "Punjabi", "Urdu", "Romanian", "Arabic"]
SAFE_NOTES = [
    "Call the safe number only; do not say where you are calling from.",
    "Text first and wait for a reply before calling.",
    "Use the code word before discussing anything.",
    "",
    "",
]


@dataclass(frozen=True)
class Pools:
    female: tuple[str, ...]
    male: tuple[str, ...]
    family: tuple[str, ...]
    streets: tuple[str, ...]

    @classmethod
    def draw(cls, seed: int, size: int = 400) -> Pools:
        fake = Faker("en_GB")
        fake.seed_instance(seed)
        return cls(
            female=tuple(fake.first_name_female() for _ in range(size)),
            male=tuple(fake.first_name_male() for _ in range(size)),
            family=tuple(fake.last_name() for _ in range(size)),
            streets=tuple(fake.street_address().replace("\n", ", ") for _ in range(size)),
        )


STREAM = 37  # issue 16: the type of disability and immigration status, mixed into the person id


def _disability_and_immigration(equality: EqualityData) -> None:
    """Types of disability for someone disabled (seed 004 appendix 1 E10-E13) and an immigration
    status (seed 001 s6), from a stream of their own seeded by the person's id, so adding them
    left every other value of the demo as it was."""
    rng = random.Random(equality.person.id.int + STREAM)
    if equality.disability == choices.YesNoPreferNot.YES:
        types = list(choices.DisabilityType.values)
        for key in set(rng.choices(types, weights=[35, 8, 10, 10, 30, 7], k=rng.choice([1, 1, 2]))):
            setattr(equality, f"disability_{key}", True)
    equality.immigration_status = rng.choices(
        list(choices.ImmigrationStatus.values), weights=[78, 6, 6, 3, 2, 1, 1, 1, 2]
    )[0]


@dataclass
class PersonRows:
    """A referred person and everything recorded about them, unsaved."""

    person: Person
    preferences: SafeContactPreferences
    rows: list[object] = field(default_factory=list)


class PeopleFactory:
    """Builds synthetic people for one organisation from the pools and a seeded generator."""

    def __init__(
        self,
        *,
        rng: random.Random,
        pools: Pools,
        organisation: Organisation,
        new_id: Callable[[], UUID],
    ) -> None:
        self.rng, self.pools, self.organisation, self.new_id = rng, pools, organisation, new_id
        self.codes: set[str] = set()

    def reference_code(self) -> str:
        while True:
            code = generate_reference_code(self.rng.choice)
            if code not in self.codes:
                self.codes.add(code)
                return code

    def phone(self) -> str:
        return f"07700 900{self.rng.randrange(1000):03d}"

    def postcode(self, prefix: str) -> str:
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        rng = self.rng
        return f"{prefix}{rng.randint(1, 19)} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"

    def _person(self, *, sex: str, born: date, area: str, child: bool = False) -> Person:
        rng, pools = self.rng, self.pools
        given = rng.choice(pools.female if sex == "female" else pools.male)
        family = rng.choice(pools.family)
        towns, prefix = AREAS[area]
        woman_or_man = ("Female", "Male") if not child else ("Girl", "Boy")
        gender = woman_or_man[0] if sex == "female" else woman_or_man[1]
        if not child and rng.random() < 0.02:
            gender = "Non-binary"
        pronouns = {"Female": "she/her", "Male": "he/him", "Non-binary": "they/them"}.get(
            gender, ""
        )
        language = rng.choice(LANGUAGES)
        return Person(
            id=self.new_id(),
            reference_code=self.reference_code(),
            organisation=self.organisation,
            given_name=given,
            family_name=family,
            preferred_name=given[:3] if rng.random() < 0.05 else "",
            date_of_birth=born if rng.random() < 0.95 else None,
            dob_is_estimate=rng.random() < 0.05,
            gender=gender,
            pronouns=pronouns if rng.random() < 0.8 else "",
            phone="" if child else self.phone(),
            email=""
            if child or rng.random() < 0.3
            else f"{given}.{family}{rng.randrange(100)}@example.com".lower(),
            address_line_1=rng.choice(pools.streets),
            town=rng.choice(towns),
            postcode=self.postcode(prefix),
            local_authority=area,
            preferred_language=language,
            interpreter_needed=language != "English" and rng.random() < 0.5,
            is_child=child,
        )

    def referred_person(self, *, sex: str, age: int, area: str, on: date) -> PersonRows:
        """The person named on a referral, with safe contact, equality data, flags and household."""
        rng = self.rng
        born = on - timedelta(days=age * 365 + rng.randrange(365))
        child = age < 18
        person = self._person(sex=sex, born=born, area=area, child=child)
        # Children referred in their own right (family service) still give a phone number.
        if child and not person.phone and age >= 11:
            person.phone = self.phone()
        if person.date_of_birth is None:
            person.is_child = child
        result = PersonRows(person, SafeContactPreferences())
        if rng.random() < 0.97:
            safe = self._safe_contact(person)
            result.rows.append(safe)
            result.preferences = safe.preferences()
        if rng.random() < 0.85:
            result.rows.append(self._equality(person, sex))
        result.rows += self._flags(person, on)
        if rng.random() < 0.05:
            result.rows.append(
                PersonAlias(
                    id=self.new_id(),
                    person=person,
                    name=f"{person.given_name} {rng.choice(self.pools.family)}",
                )
            )
        if not child and rng.random() < 0.35:
            result.rows += self._children(person, on, area)
        if rng.random() < 0.7:
            result.rows += self._harmer(person, sex, on)
        return result

    def _safe_contact(self, person: Person) -> SafeContact:
        rng = self.rng
        times: list[dict[str, object]] = []
        if rng.random() < 0.3:
            window = rng.choice(
                [
                    SafeTimeWindow((0, 1, 2, 3, 4), _t(9), _t(17)),
                    SafeTimeWindow((0, 1, 2, 3, 4), _t(10), _t(15)),
                    SafeTimeWindow((0, 1, 2, 3, 4, 5, 6), _t(9), _t(20)),
                ]
            )
            times = [window.to_dict()]
        letters = rng.choices(
            [choices.Letters.ANY_ADDRESS, choices.Letters.SAFE_ADDRESS_ONLY, choices.Letters.NEVER],
            weights=[7, 2, 1],
        )[0]
        harmer_at_address = rng.choices(list(choices.HarmerAtAddress.values), weights=[15, 70, 15])[
            0
        ]
        safe_address = ""
        if letters == choices.Letters.SAFE_ADDRESS_ONLY or harmer_at_address == "yes":
            safe_address = f"c/o {rng.choice(self.pools.family)}, {rng.choice(self.pools.streets)}"
        return SafeContact(
            id=self.new_id(),
            person=person,
            safe_phone=person.phone if person.phone and rng.random() < 0.8 else self.phone(),
            safe_times=times,
            voicemail_allowed=rng.random() < 0.6,
            texts_allowed=rng.random() < 0.7,
            email_safe=bool(person.email) and rng.random() < 0.6,
            letters=letters,
            safe_address=safe_address,
            code_word=rng.choice(["", "", "", "bluebell", "lighthouse", "marmalade"]),
            harmer_at_address=harmer_at_address,
            notes=rng.choice(SAFE_NOTES),
        )

    def _equality(self, person: Person, sex: str) -> EqualityData:
        rng = self.rng

        def pick(values: list[str], weights: list[int]) -> str:
            return rng.choices(values, weights=weights)[0]

        ethnicity = pick(
            [value for value, _ in choices.ETHNICITY_CHOICES],
            [3] * 5 + [2] * 3 + [1] * 4 + [60, 2, 1, 1, 6, 1, 1, 2],
        )
        equality = EqualityData(
            id=self.new_id(),
            person=person,
            sex=sex if rng.random() < 0.95 else choices.PREFER_NOT_TO_SAY,
            gender_same_as_birth=pick(["yes", "no", choices.PREFER_NOT_TO_SAY], [95, 2, 3]),
            sexual_orientation=pick(list(choices.SexualOrientation.values), [85, 5, 4, 1, 5]),
            disability=pick(list(choices.YesNoPreferNot.values), [20, 75, 5]),
            ethnicity=ethnicity,
            religion=pick(list(choices.Religion.values), [35, 40, 1, 4, 1, 8, 3, 2, 6]),
            marital_status=pick(list(choices.MaritalStatus.values), [45, 20, 1, 15, 12, 2, 5]),
            pregnancy_maternity=pick(list(choices.PregnancyMaternity.values), [4, 3, 88, 5])
            if sex == "female"
            else "",
        )
        _disability_and_immigration(equality)
        return equality

    def _flags(self, person: Person, on: date) -> list[PersonFlag]:
        rng = self.rng
        flags = []
        for kind in choices.FlagKind.values:
            if rng.random() < 0.08:
                flags.append(
                    PersonFlag(
                        id=self.new_id(),
                        person=person,
                        kind=kind,
                        started_on=on - timedelta(days=rng.randrange(30, 2000)),
                        ended_on=None,
                        note="",
                    )
                )
        return flags

    def _children(self, parent: Person, on: date, area: str) -> list[object]:
        rows: list[object] = []
        for _ in range(self.rng.choice([1, 1, 2, 2, 3])):
            age = self.rng.randrange(0, 17)
            born = on - timedelta(days=age * 365 + self.rng.randrange(365))
            child = self._person(
                sex=self.rng.choice(["female", "male"]), born=born, area=area, child=True
            )
            child.family_name = parent.family_name
            child.address_line_1, child.town, child.postcode = (
                parent.address_line_1,
                parent.town,
                parent.postcode,
            )
            rows.append(child)
            rows.append(
                HouseholdLink(
                    id=self.new_id(),
                    person=parent,
                    member=child,
                    relationship=self.rng.choices(
                        list(choices.ChildRelationship.values), weights=[8, 2, 1, 1]
                    )[0],
                    lives_with_person=self.rng.random() < 0.9,
                )
            )
        return rows

    def _harmer(self, person: Person, sex: str, on: date) -> list[object]:
        rng = self.rng
        harmer_sex = "male" if (sex == "female") == (rng.random() < 0.9) else "female"
        harmer = PersonCausingHarm(
            id=self.new_id(),
            organisation=self.organisation,
            given_name=rng.choice(self.pools.male if harmer_sex == "male" else self.pools.female),
            family_name=rng.choice(self.pools.family),
            date_of_birth=on - timedelta(days=rng.randrange(18 * 365, 60 * 365)),
            gender="Male" if harmer_sex == "male" else "Female",
            description=rng.choice(
                ["", "", "Drives a grey van", "Tall, shaved head", "Works nights"]
            ),
        )
        relationship = rng.choices(
            list(choices.HarmRelationship.values), weights=[40, 35, 8, 5, 8, 4]
        )[0]
        link = HarmLink(
            id=self.new_id(),
            person=person,
            harmer=harmer,
            relationship=relationship,
            lives_with_person=relationship == "current_partner" and rng.random() < 0.5,
        )
        return [harmer, link]


def _t(hour: int) -> time:
    return time(hour, 0)
