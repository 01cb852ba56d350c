"""The answer lists for people: equality monitoring, flags, household and contact choices.

# seed 001 s14: "All protected characteristics to be monitored, as defined in Equality Act 2010"
Reference §9: the nine protected characteristics; ethnic group is the ONS Census 2021 list of 19
categories in 5 groups (GSS harmonised headings), and every question offers "Prefer not to say".
"""

from __future__ import annotations

from django.db import models

PREFER_NOT_TO_SAY = "prefer_not_to_say"


class YesNoPreferNot(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class Sex(models.TextChoices):
    FEMALE = "female", "Female"
    MALE = "male", "Male"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class GenderSameAsBirth(models.TextChoices):
    """Gender reassignment, as Census 2021 asks: is gender the same as sex registered at birth?"""

    YES = "yes", "Yes"
    NO = "no", "No"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class MaritalStatus(models.TextChoices):
    NEVER = "never", "Never married and never registered a civil partnership"
    MARRIED = "married", "Married"
    CIVIL_PARTNERSHIP = "civil_partnership", "In a registered civil partnership"
    SEPARATED = "separated", "Separated, but still legally married or in a civil partnership"
    DIVORCED = "divorced", "Divorced or civil partnership dissolved"
    WIDOWED = "widowed", "Widowed or surviving civil partner"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class PregnancyMaternity(models.TextChoices):
    PREGNANT = "pregnant", "Pregnant"
    RECENT_BIRTH = "recent_birth", "Given birth in the last 26 weeks"
    NEITHER = "neither", "Neither"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class Religion(models.TextChoices):
    NONE = "none", "No religion"
    CHRISTIAN = "christian", "Christian"
    BUDDHIST = "buddhist", "Buddhist"
    HINDU = "hindu", "Hindu"
    JEWISH = "jewish", "Jewish"
    MUSLIM = "muslim", "Muslim"
    SIKH = "sikh", "Sikh"
    OTHER = "other", "Any other religion or belief"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


class SexualOrientation(models.TextChoices):
    STRAIGHT = "straight", "Straight or heterosexual"
    GAY_LESBIAN = "gay_lesbian", "Gay or lesbian"
    BISEXUAL = "bisexual", "Bisexual"
    OTHER = "other", "Other sexual orientation"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


# Reference §9: ONS Census 2021 ethnic group (ethnic_group_tb), codes 1-19, in the 5 groups.
ETHNIC_GROUPS: dict[str, list[tuple[str, str]]] = {
    "Asian or Asian British": [
        ("asian_bangladeshi", "Bangladeshi"),
        ("asian_chinese", "Chinese"),
        ("asian_indian", "Indian"),
        ("asian_pakistani", "Pakistani"),
        ("asian_other", "Any other Asian background"),
    ],
    "Black, Black British, Caribbean or African": [
        ("black_african", "African"),
        ("black_caribbean", "Caribbean"),
        ("black_other", "Any other Black, Black British or Caribbean background"),
    ],
    "Mixed or Multiple ethnic groups": [
        ("mixed_white_asian", "White and Asian"),
        ("mixed_white_black_african", "White and Black African"),
        ("mixed_white_black_caribbean", "White and Black Caribbean"),
        ("mixed_other", "Any other Mixed or Multiple ethnic background"),
    ],
    "White": [
        ("white_british", "English, Welsh, Scottish, Northern Irish or British"),
        ("white_irish", "Irish"),
        ("white_gypsy_traveller", "Gypsy or Irish Traveller"),
        ("white_roma", "Roma"),
        ("white_other", "Any other White background"),
    ],
    "Other ethnic group": [
        ("other_arab", "Arab"),
        ("other_any", "Any other ethnic group"),
    ],
}
ETHNICITY_CHOICES: list[tuple[str, str]] = [
    (value, f"{group}: {label}") for group, items in ETHNIC_GROUPS.items() for value, label in items
] + [(PREFER_NOT_TO_SAY, "Prefer not to say")]
ETHNICITY_GROUP_OF = {value: group for group, items in ETHNIC_GROUPS.items() for value, _ in items}


# seed 004 appendix 1 E10-E13: clients with a physical, visual, hearing or learning disability.
# The type is asked only of someone who considers themselves disabled; mental health and "other"
# complete the list (GSS harmonised impairment types, grouped as the seed groups them). Each type
# is a field of its own (`EqualityData.disability_<key>`), so a return counts them in SQL.
class DisabilityType(models.TextChoices):
    PHYSICAL = "physical", "Physical or mobility"
    VISUAL = "visual", "Visual (blind or partially sighted)"
    HEARING = "hearing", "Hearing (deaf or hard of hearing)"
    LEARNING = "learning", "Learning disability or difficulty"
    MENTAL_HEALTH = "mental_health", "Mental health condition"
    OTHER = "other", "Another type"


# seed 001 s6 (every Leicester lot): "those from black, minority ethnic and refugee communities";
# reference.md s1 (MARAC referral form): "refugee/asylum status and nationality". Not a protected
# characteristic, asked with them. No recourse to public funds stays a dated flag (FlagKind.NRPF):
# it is a condition of some of these statuses, not a status of its own.
class ImmigrationStatus(models.TextChoices):
    BRITISH_IRISH = "british_irish", "British or Irish citizen"
    SETTLED = "settled", "Settled status or indefinite leave to remain"
    LIMITED_LEAVE = "limited_leave", "Limited leave to remain (a visa or pre-settled status)"
    REFUGEE = "refugee", "Refugee status or humanitarian protection"
    ASYLUM_SEEKER = "asylum_seeker", "Asylum seeker (claim or appeal not yet decided)"
    REFUSED_ASYLUM = "refused_asylum", "Refused asylum seeker"
    NO_STATUS = "no_status", "No current immigration status"
    NOT_KNOWN = "not_known", "They do not know their status"
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY, "Prefer not to say"


# seed 001 s6: "refugee communities": granted protection, or seeking it (refused included).
REFUGEE_COMMUNITY_STATUSES = frozenset({"refugee", "asylum_seeker", "refused_asylum"})


class FlagKind(models.TextChoices):
    # seed 001 s6: under-represented groups include those identifying as disabled and those with
    # no recourse to public funds; seed 004 s3.2: "Introduce routine enquiry about ACEs";
    # seed 004 s6.3-6.4: mental health, drug and alcohol.
    DISABILITY = "disability", "Disability"
    NRPF = "nrpf", "No recourse to public funds"
    MENTAL_HEALTH = "mental_health", "Mental health"
    SUBSTANCE_USE = "substance_use", "Substance use"
    ACES = "aces", "Adverse childhood experiences (ACEs)"


class Letters(models.TextChoices):
    ANY_ADDRESS = "any_address", "Yes, to their address"
    SAFE_ADDRESS_ONLY = "safe_address_only", "Only to a safe address"
    NEVER = "never", "No, never send letters"


class HarmerAtAddress(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    UNKNOWN = "unknown", "Not known"


class ChildRelationship(models.TextChoices):
    CHILD = "child", "Child"
    STEPCHILD = "stepchild", "Stepchild"
    GRANDCHILD = "grandchild", "Grandchild"
    OTHER = "other", "Other child in the household"


class HarmRelationship(models.TextChoices):
    CURRENT_PARTNER = "current_partner", "Current partner"
    EX_PARTNER = "ex_partner", "Ex-partner"
    PARENT = "parent", "Parent or step-parent"
    CHILD = "child", "Son or daughter"
    OTHER_FAMILY = "other_family", "Other family member"
    OTHER = "other", "Other"


CHANNEL_LABELS = {
    "phone": "Phone calls",
    "voicemail": "Voicemail messages",
    "sms": "Text messages",
    "email": "Email",
    "letter": "Letters",
    "visit": "Home visits",
}


class PreferredWorkerGender(models.TextChoices):
    """A person's stated wish about their worker (seed 002 Lot 1 s3.7, equalities profile)."""

    NONE = "", "No preference stated"
    FEMALE = "female", "A female worker"
    MALE = "male", "A male worker"
