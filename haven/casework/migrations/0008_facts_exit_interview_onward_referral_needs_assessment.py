"""Facts that returns count get their own rows: every exit interview, onward referral and needs
assessment recorded so far only as a timeline entry (`CaseEvent.kind`, `data`) becomes an
ExitInterview, OnwardReferral or NeedsAssessment row, and the entry points at it. Reversed, the
rows are deleted and the entries point where they did before (a needs assessment at its task).
"""

import re
import uuid

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

INTERVIEW_METHODS = {"in_person", "phone", "video", "declined"}
NEEDS_STAGES = {"initial", "review", "exit"}
FACT_LABELS = ["casework.exitinterview", "casework.onwardreferral", "casework.needsassessment"]
# An old referral's agency type, when its name clearly says it (first match wins); else "other".
AGENCY_WORDS = [
    ("social_care_children", r"children.?s (social care|services)|\bcsc\b"),
    ("social_care_adults", r"adults?.? (social care|services)|\basc\b"),
    ("mental_health", r"mental health|\bcmht\b|crisis team|\biapt\b"),
    ("substance_misuse", r"\bdrugs?\b|alcohol|substance"),
    ("target_hardening", r"target hardening|sanctuary"),
    ("perpetrator_programme", r"perpetrator|respect programme"),
    ("idva", r"\bidvas?\b"),
    ("counselling", r"counsell?ing|therap"),
    ("police", r"\bpolice\b"),
    ("legal", r"solicitor|\blegal\b|law cent"),
    ("housing", r"housing|homeless"),
    ("health", r"\bgp\b|hospital|\bnhs\b|sexual health|health visitor"),
]


def agency_type_of(agency):
    text = (agency or "").lower()
    return next((kind for kind, words in AGENCY_WORDS if re.search(words, text)), "other")


def _text(data, key, limit=None):
    value = data.get(key)
    value = value.strip() if isinstance(value, str) else ""
    return value[:limit] if limit else value


def facts_from_events(apps, schema_editor):
    CaseEvent = apps.get_model("casework", "CaseEvent")
    Task = apps.get_model("casework", "Task")
    ExitInterview = apps.get_model("casework", "ExitInterview")
    OnwardReferral = apps.get_model("casework", "OnwardReferral")
    NeedsAssessment = apps.get_model("casework", "NeedsAssessment")
    kinds = ["exit_interview", "onward_referral", "needs_assessment"]
    events = CaseEvent.objects.filter(kind__in=kinds).exclude(object_type__in=FACT_LABELS)
    for event in events.order_by("occurred_at").iterator(chunk_size=2000):
        data = event.data if isinstance(event.data, dict) else {}
        common = {
            "id": uuid.uuid4(),
            "case_id": event.case_id,
            "recorded_by_id": event.actor_id,
            "recorded_at": event.created_at,
        }
        if event.kind == "exit_interview":
            method = data.get("method")
            method = method if method in INTERVIEW_METHODS else "not_recorded"
            outcome = data.get("outcome")
            if outcome not in {"held", "declined"}:
                outcome = "declined" if method == "declined" else "held"
            row = ExitInterview.objects.create(
                held_at=event.occurred_at,
                method=method,
                outcome=outcome,
                summary=_text(data, "summary"),
                **common,
            )
            label = "casework.exitinterview"
        elif event.kind == "onward_referral":
            agency = _text(data, "agency", 200) or "Not recorded"
            row = OnwardReferral.objects.create(
                made_at=event.occurred_at,
                agency=agency,
                agency_type=agency_type_of(agency),
                need=_text(data, "need", 200),
                consent=data.get("consent", True) is not False,  # refused without consent
                note=_text(data, "note"),
                **common,
            )
            label = "casework.onwardreferral"
        else:
            stage = data.get("stage")
            task_id = event.object_id if event.object_type == "casework.task" else None
            if task_id and not Task.objects.filter(pk=task_id).exists():
                task_id = None
            row = NeedsAssessment.objects.create(
                stage=stage if stage in NEEDS_STAGES else "initial",
                assessed_at=event.occurred_at,
                summary=_text(data, "summary"),
                rule_key=_text(data, "rule_key", 80),
                task_id=task_id,
                **common,
            )
            label = "casework.needsassessment"
        event.object_type, event.object_id = label, str(row.pk)
        event.save(update_fields=["object_type", "object_id"])


def events_from_facts(apps, schema_editor):
    """Delete the rows; each timeline entry points where it did before (a task, or nothing)."""
    CaseEvent = apps.get_model("casework", "CaseEvent")
    NeedsAssessment = apps.get_model("casework", "NeedsAssessment")
    facts = {
        "casework.exitinterview": apps.get_model("casework", "ExitInterview"),
        "casework.onwardreferral": apps.get_model("casework", "OnwardReferral"),
        "casework.needsassessment": NeedsAssessment,
    }
    with_task = NeedsAssessment.objects.exclude(task=None).values_list("pk", "task_id")
    tasks = {str(pk): task_id for pk, task_id in with_task}
    for event in CaseEvent.objects.filter(object_type__in=list(facts)).iterator(chunk_size=2000):
        task_id = tasks.get(event.object_id)
        event.object_type = "casework.task" if task_id else ""
        event.object_id = str(task_id) if task_id else ""
        event.save(update_fields=["object_type", "object_id"])
    for model in facts.values():
        model.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0007_case_risk_level_choices"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="caseevent",
            name="kind",
            field=models.CharField(
                choices=[
                    ("referral_received", "Referral received"),
                    ("case_opened", "Case opened"),
                    ("allocated", "Allocated"),
                    ("restriction", "Restriction changed"),
                    ("named_staff", "Named staff changed"),
                    ("break_glass", "Restricted case opened with a reason"),
                    ("attempt", "Contact attempt"),
                    ("final_letter_requested", "Final letter requested"),
                    ("state_changed", "State changed"),
                    ("note", "Note added"),
                    ("note_correction", "Correction added"),
                    ("note_edited", "Note edited"),
                    ("task_created", "Deadline set"),
                    ("task_completed", "Deadline done"),
                    ("task_breached", "Deadline missed"),
                    ("risk_assessment", "Risk assessment"),
                    ("risk_level_changed", "Risk level changed"),
                    ("marac_referral_required", "MARAC referral required"),
                    ("needs_assessment", "Needs assessment"),
                    ("exit_interview", "Exit interview"),
                    ("onward_referral", "Onward referral"),
                    ("case_closed", "Case closed"),
                ],
                db_index=True,
                max_length=40,
            ),
        ),
        migrations.CreateModel(
            name="ExitInterview",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("held_at", models.DateTimeField()),
                (
                    "method",
                    models.CharField(
                        choices=[
                            ("in_person", "In person"),
                            ("phone", "By phone"),
                            ("video", "By video call"),
                            ("declined", "Declined by the survivor"),
                            ("not_recorded", "Not recorded"),
                        ],
                        max_length=12,
                    ),
                ),
                (
                    "outcome",
                    models.CharField(
                        choices=[("held", "Held"), ("declined", "Declined by the survivor")],
                        max_length=10,
                    ),
                ),
                ("summary", models.TextField(blank=True)),
                ("recorded_at", models.DateTimeField()),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="exit_interviews",
                        to="casework.case",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-held_at"],
                "indexes": [
                    models.Index(fields=["case", "held_at"], name="exit_interview_case_held"),
                    models.Index(fields=["held_at"], name="exit_interview_held"),
                ],
            },
        ),
        migrations.CreateModel(
            name="NeedsAssessment",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "stage",
                    models.CharField(
                        choices=[
                            ("initial", "Initial"),
                            ("review", "Review"),
                            ("exit", "Before closure (distance travelled)"),
                        ],
                        max_length=10,
                    ),
                ),
                ("assessed_at", models.DateTimeField()),
                ("summary", models.TextField(blank=True)),
                ("rule_key", models.CharField(blank=True, max_length=80)),
                ("recorded_at", models.DateTimeField()),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="needs_assessments",
                        to="casework.case",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "task",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="casework.task",
                    ),
                ),
            ],
            options={
                "ordering": ["-assessed_at"],
                "indexes": [
                    models.Index(
                        fields=["case", "assessed_at"], name="needs_assessment_case_assessed"
                    ),
                    models.Index(fields=["assessed_at"], name="needs_assessment_assessed"),
                ],
            },
        ),
        migrations.CreateModel(
            name="OnwardReferral",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                ("made_at", models.DateTimeField()),
                ("agency", models.CharField(max_length=200)),
                (
                    "agency_type",
                    models.CharField(
                        choices=[
                            ("housing", "Housing"),
                            ("mental_health", "Mental health"),
                            ("substance_misuse", "Drug or alcohol service"),
                            ("social_care_adults", "Adult social care"),
                            ("social_care_children", "Children’s social care"),
                            ("police", "Police"),
                            ("legal", "Legal advice or representation"),
                            ("health", "Health (GP, hospital, sexual health)"),
                            ("idva", "IDVA service"),
                            ("target_hardening", "Target hardening (sanctuary scheme)"),
                            ("perpetrator_programme", "Perpetrator programme"),
                            ("counselling", "Counselling or therapy"),
                            ("other", "Other"),
                        ],
                        max_length=30,
                    ),
                ),
                ("need", models.CharField(blank=True, max_length=200)),
                ("consent", models.BooleanField()),
                ("note", models.TextField(blank=True)),
                ("recorded_at", models.DateTimeField()),
                (
                    "case",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="onward_referrals",
                        to="casework.case",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["-made_at"],
                "indexes": [
                    models.Index(fields=["case", "made_at"], name="onward_referral_case_made"),
                    models.Index(fields=["made_at"], name="onward_referral_made"),
                ],
            },
        ),
        migrations.RunPython(facts_from_events, events_from_facts),
    ]
