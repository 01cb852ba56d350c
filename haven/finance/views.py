"""The finance pages: the contracts (readers), a contract's year (the finance report, open-book
figures, cost per case and property), its files, and for keepers setting a budget line and its
profile, recording income and spend, and importing the finance system's CSV (checked, then
confirmed). Pages show money, never people; the files' downloads are audited as exports."""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import date, timedelta
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from haven.accounts.signed_in import staff_user
from haven.casework.views.rendering import render_page
from haven.contracts.models import Contract
from haven.core.auditor import audit_event
from haven.core.models import AuditAction
from haven.core.read_audit import audits_reads, shows_page
from haven.finance import exports
from haven.finance.forms import (
    BudgetLineForm,
    IncomeForm,
    ProfileForm,
    SpendForm,
    SpendUploadForm,
    TransactionFilterForm,
)
from haven.finance.ledger import add_months, finance_report, year_months
from haven.finance.presenters import (
    CATEGORY_LABELS,
    INCOME_LABELS,
    SOURCE_LABELS,
    unit_costs,
    year_label,
)
from haven.finance.selectors import (
    cases_supported,
    finance_contract_for,
    finance_contracts_for,
    financial_year_first_day,
    financial_year_of,
    line_for,
    profile_of,
    properties_fitted,
    year_data,
)
from haven.finance.services import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    budget_line_set,
    income_record,
    profile_set,
    spend_import,
    spend_import_check,
    spend_record,
)
from haven.finance.transaction_list import (
    Filters,
    filtered,
    period_choices,
    totals,
    transactions,
)
from haven.hardship.money import pounds

type View = Callable[..., HttpResponse]
SESSION_KEY = "finance_import"
PAGE_SIZE = 50


def reads_finance(view: View) -> View:
    """Signed in and reading finance somewhere (service managers, administrators, analysts)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("finance.view_finance"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _contract(request: HttpRequest, contract_id: Any, *, keep: bool = False) -> Contract:
    contract = finance_contract_for(request.user, contract_id)
    if keep and not request.user.has_perm("finance.record_finance", contract):
        raise PermissionDenied
    return contract


def _year(year: int) -> int:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise Http404
    return year


@reads_finance
def index(request: HttpRequest) -> HttpResponse:
    """Each contract with links to this and last financial year's finance report."""
    today = timezone.localdate()
    rows = []
    for contract in finance_contracts_for(request.user):
        this_year = financial_year_of(contract, today)
        rows.append((contract, [this_year, this_year - 1]))
    return render_page(request, "finance/index.html", {"rows": rows})


def _as_at(request: HttpRequest, first: date) -> tuple[date, int | None]:
    """The day the report is to: the end of `?quarter=1..4`, else today (within the year)."""
    quarter = request.GET.get("quarter", "")
    if quarter in {"1", "2", "3", "4"}:
        return add_months(first, 3 * int(quarter)) - timedelta(days=1), int(quarter)
    return timezone.localdate(), None


def _report_context(contract: Contract, year: int, as_at: date) -> dict[str, Any]:
    data = year_data(contract, year)
    report = finance_report(
        first=data.first, as_at=as_at, lines=data.plans, spend=data.spend, income=data.income
    )
    to_date = max(report.as_at, data.first)
    properties, mean = properties_fitted(data, data.first, to_date)
    costs = unit_costs(report, cases_supported(contract, data.first, to_date), properties, mean)
    return {"data": data, "report": report, "costs": costs}


@reads_finance
def report(request: HttpRequest, contract_id: Any, year: int) -> HttpResponse:
    """The finance report (seed 001 s14; seed 002 s16 open book; seed 004 s10)."""
    contract = _contract(request, contract_id)
    year = _year(year)
    first = financial_year_first_day(contract, year)
    as_at, quarter = _as_at(request, first)
    context = _report_context(contract, year, as_at)
    return render_page(
        request,
        "finance/report.html",
        {
            **context,
            "contract": contract,
            "year": year,
            "quarter": quarter,
            "year_label": year_label(first, context["report"].last),
            "may_keep": request.user.has_perm("finance.record_finance", contract),
            "category_labels": CATEGORY_LABELS,
            "income_labels": INCOME_LABELS,
            "source_labels": SOURCE_LABELS,
            "pounds": pounds,
        },
    )


@reads_finance
def export(request: HttpRequest, contract_id: Any, year: int, fmt: str) -> HttpResponse:
    """The report as CSV or XLSX, audited as an export."""
    contract = _contract(request, contract_id)
    year = _year(year)
    if fmt not in exports.FORMATS:
        raise Http404
    first = financial_year_first_day(contract, year)
    as_at, _ = _as_at(request, first)
    context = _report_context(contract, year, as_at)
    title = f"{contract.name}: finance, {year_label(first, context['report'].last)}"
    book = exports.sheets(title, context["report"], context["costs"], context["data"])
    body = exports.as_csv(book) if fmt == "csv" else exports.as_xlsx(book)
    audit_event(
        actor=request.user,
        action=AuditAction.EXPORT,
        target=contract,
        reason=f"finance {year} as at {context['report'].as_at.isoformat()} ({fmt})",
    )
    response = HttpResponse(body, content_type=exports.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="finance-{contract.slug}-{year}.{fmt}"'
    response["Cache-Control"] = "no-store"
    return response


@reads_finance
@audits_reads
def transaction_list(request: HttpRequest, contract_id: Any, year: int) -> HttpResponse:
    """Every transaction the report counts, filtered by budget line, month or quarter and source,
    with the filtered set's totals. Audited as a read: descriptions and suppliers are free text,
    and hardship grants are paid to people (no one is named here)."""
    contract = _contract(request, contract_id)
    year = _year(year)
    data = year_data(contract, year)
    form = TransactionFilterForm(
        request.GET, periods=period_choices(data.first), sources=SOURCE_LABELS
    )
    form.is_valid()  # a value that is no choice is shown as an error and not applied
    filters = Filters(
        **{name: form.cleaned_data.get(name) or "" for name in ("category", "period", "source")}
    )
    details = {s.pk: (s.transaction_ref, s.description, s.supplier) for s in data.spend_records}
    rows = filtered(transactions(data.spend, details, data.links), data.first, filters)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    chosen = {k: v for k, v in vars(filters).items() if v}
    response = render_page(
        request,
        "finance/transactions.html",
        {
            "contract": contract,
            "year": year,
            "form": form,
            "page": page,
            "totals": totals(rows),
            "query_without_page": urlencode(chosen) + "&" if chosen else "",
            # the pages holding a grant or a fitted item, for those who may open them
            "may_open": {
                "hardship:fund": request.user.has_perm("hardship.view_funds"),
                "targethardening:job": request.user.has_perm("targethardening.view_budget"),
            },
            "category_labels": CATEGORY_LABELS,
            "source_labels": SOURCE_LABELS,
            "pounds": pounds,
        },
    )
    if shows_page(response):
        audit_event(
            actor=request.user,
            action=AuditAction.VIEW,
            target=contract,
            changes={
                "page": "finance:transactions",
                "filters": chosen,
                "shown": [str(row.id) for row in page],
            },
        )
    return response


def _back(contract: Contract, year: int) -> HttpResponse:
    return redirect("finance:report", contract.pk, year)


@reads_finance
def budget_line(request: HttpRequest, contract_id: Any, year: int) -> HttpResponse:
    """Set one budget line of the year (its profile spread evenly)."""
    contract = _contract(request, contract_id, keep=True)
    year = _year(year)
    form = BudgetLineForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: budget_line_set(
                contract=contract,
                year=year,
                category=data["category"],
                amount=data["amount"],
                set_by=staff_user(request),
            )
        ):
            messages.success(request, "Budget line set")
            return _back(contract, year)
    return _form_page(request, form, contract, year, "Set a budget line")


def _form_page(
    request: HttpRequest, form: Any, contract: Contract, year: int, title: str, **extra: Any
) -> HttpResponse:
    return render_page(
        request,
        "finance/form.html",
        {"form": form, "contract": contract, "year": year, "title": title, **extra},
    )


@reads_finance
def profile(request: HttpRequest, contract_id: Any, year: int, line_id: Any) -> HttpResponse:
    """Change a budget line's planned spend month by month (they add up to its budget)."""
    contract = _contract(request, contract_id, keep=True)
    year = _year(year)
    line = line_for(contract, year, line_id)
    months = year_months(financial_year_first_day(contract, year))
    current = profile_of(line)
    form = ProfileForm(
        request.POST if request.method == "POST" else None,
        months=months,
        initial={f"m{n}": f"{current.get(m, 0) / 100:.2f}" for n, m in enumerate(months)},
    )
    if request.method == "POST" and form.is_valid():
        amounts = {m: form.cleaned_data[f"m{n}"] for n, m in enumerate(months)}
        if form.saved_by(
            lambda: profile_set(line=line, amounts=amounts, set_by=staff_user(request))
        ):
            messages.success(request, "Profile of spend changed")
            return _back(contract, year)
    return _form_page(
        request,
        form,
        contract,
        year,
        f"Profile of spend: {line.get_category_display()}",
        lead=f"The months must add up to the budget of {pounds(line.amount_pence)}.",
    )


@reads_finance
def income_add(request: HttpRequest, contract_id: Any, year: int) -> HttpResponse:
    contract = _contract(request, contract_id, keep=True)
    year = _year(year)
    form = IncomeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: income_record(
                contract=contract,
                received_on=data["received_on"],
                kind=data["kind"],
                source=data["source"],
                amount=data["amount"],
                recorded_by=staff_user(request),
            )
        ):
            messages.success(request, "Income recorded")
            return _back(contract, year)
    return _form_page(request, form, contract, year, "Record income")


@reads_finance
def spend_add(request: HttpRequest, contract_id: Any, year: int) -> HttpResponse:
    contract = _contract(request, contract_id, keep=True)
    year = _year(year)
    form = SpendForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if form.saved_by(
            lambda: spend_record(
                contract=contract,
                spent_on=data["spent_on"],
                category=data["category"],
                description=data["description"],
                supplier=data["supplier"],
                amount=data["amount"],
                recorded_by=staff_user(request),
            )
        ):
            messages.success(request, "Spend recorded")
            return _back(contract, year)
    return _form_page(request, form, contract, year, "Record spend")


@reads_finance
def import_upload(request: HttpRequest, contract_id: Any) -> HttpResponse:
    """Upload the finance system's CSV: every bad row is listed (row, field, reason) and nothing
    is saved; a good file goes on to the check page."""
    contract = _contract(request, contract_id, keep=True)
    form = SpendUploadForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    problems: tuple[Any, ...] = ()
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["upload"]
        content = upload.read()
        check = spend_import_check(contract=contract, content=content)
        problems = check.problems
        if not problems:
            request.session[SESSION_KEY] = {
                "contract": str(contract.pk),
                "name": str(upload.name)[:255],
                "content": base64.b64encode(content).decode("ascii"),
            }
            return redirect("finance:import_confirm", contract.pk)
    year = financial_year_of(contract, timezone.localdate())
    return render_page(
        request,
        "finance/import.html",
        {"form": form, "contract": contract, "year": year, "problems": problems},
    )


@reads_finance
def import_confirm(request: HttpRequest, contract_id: Any) -> HttpResponse:
    """What the checked file would add (and the rows already imported); importing it saves
    them all at once."""
    contract = _contract(request, contract_id, keep=True)
    staged = request.session.get(SESSION_KEY)
    if not isinstance(staged, dict) or staged.get("contract") != str(contract.pk):
        messages.info(request, "Choose the file to import")
        return redirect("finance:import", contract.pk)
    content = base64.b64decode(staged["content"])
    year = financial_year_of(contract, timezone.localdate())
    if request.method == "POST":
        request.session.pop(SESSION_KEY, None)
        try:
            run = spend_import(
                contract=contract,
                file_name=staged["name"],
                content=content,
                imported_by=staff_user(request),
            )
        except ValidationError:
            messages.error(request, "The file has changed problems: upload it again")
            return redirect("finance:import", contract.pk)
        messages.success(
            request,
            f"{run.rows_added} rows of spend imported; "
            f"{run.rows_already_imported} were imported before",
        )
        return _back(contract, year)
    check = spend_import_check(contract=contract, content=content)
    return render_page(
        request,
        "finance/import_confirm.html",
        {
            "contract": contract,
            "year": year,
            "check": check,
            "file_name": staged["name"],
            "category_labels": CATEGORY_LABELS,
            "pounds": pounds,
        },
    )
