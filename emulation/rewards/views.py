"""Money pages: a decision's money and its PDF (following the decision's access), the funds and their ledgers."""

import tablib
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from emulation.decisions.permissions import get_award_for_user, get_decision_for_user
from emulation.rewards.fund import ledger
from emulation.rewards.money import decision_money
from emulation.rewards.pdfs import decision_pdf, pdf_filename
from emulation.rewards.permissions import can_see_funds, funds_for_user, get_fund_for_user
from units.listing.exports import CONTENT_TYPES


@login_required
@require_GET
def decision_money_page(request, pk):
    decision = get_decision_for_user(request.user, pk)
    context = {"decision": decision, "money": decision_money(decision)}
    return render(request, "emulation/rewards/decision_money.html", context)


@login_required
@require_GET
def decision_pdf_download(request, pk):
    return _pdf_response(get_decision_for_user(request.user, pk))


def _pdf_response(decision) -> HttpResponse:
    response = HttpResponse(decision_pdf(decision), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf_filename(decision)}"'
    return response


@login_required
@require_GET
def award_decision_pdf(request, pk):
    """The recipient (and whoever sees the award) downloads the decision granting it — the link of the notification
    the recipient received lands on the award."""
    award = get_award_for_user(request.user, pk)
    return _pdf_response(award.decision)


@login_required
@require_GET
def fund_list(request):
    if not can_see_funds(request.user):
        raise PermissionDenied
    funds = [ledger(fund) for fund in funds_for_user(request.user).select_related("unit")]
    return render(request, "emulation/rewards/fund_list.html", {"ledgers": funds})


@login_required
@require_GET
def fund_detail(request, pk):
    book = ledger(get_fund_for_user(request.user, pk))
    if request.GET.get("_export") == "xlsx":
        return _xlsx(book)
    return render(request, "emulation/rewards/fund_detail.html", {"ledger": book})


def _xlsx(book) -> HttpResponse:
    """The ledger as a sheet: one row per decision, then the budget, spending, to-recover and remainder."""
    headers = [_("Quyết định"), _("Ngày"), _("Trích yếu"), _("Số khen thưởng"), _("Số tiền"), _("Phải thu hồi")]
    data = tablib.Dataset(headers=headers, title=str(book.fund.year))
    for line in book.lines:
        d = line.decision
        data.append([d.number, d.decided_on, d.subject, len(line.money.lines), line.money.total, line.money.to_recover])
    for label, value in (
        (_("Dự toán quỹ"), book.fund.budget),
        (_("Đã chi"), book.spent),
        (_("Phải thu hồi"), book.to_recover),
        (_("Còn lại"), book.remainder),
    ):
        data.append([label, None, None, None, value, None])
    response = HttpResponse(data.export("xlsx"), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="quy-thi-dua-{book.fund.unit.code}-{book.fund.year}.xlsx"'
    return response
