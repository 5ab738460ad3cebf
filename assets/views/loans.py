"""Lending assets (spare or replacement devices) and receiving them back."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from assets.access import can_edit_assets, get_asset_for_user, get_loan_for_user
from assets.forms import LoanFilterForm, LoanForm, LoanReturnForm
from assets.models import AssetLoan
from assets.services import loan_create, loan_return


@login_required
@require_GET
def loan_list(request):
    form = LoanFilterForm(request.GET or None)
    state = form.cleaned_data.get("state") if form.is_valid() else ""
    today = timezone.localdate()
    loans = AssetLoan.objects.visible_to(request.user).select_related("asset__unit", "borrower_unit", "lent_by")
    if state == "overdue":
        loans = loans.overdue(today).order_by("due_date", "pk")
    elif state == "returned":
        loans = loans.filter(returned_at__isnull=False).order_by("-returned_at", "-pk")
    elif state == "all":
        loans = loans.order_by("-lent_on", "-pk")
    else:
        state = "open"
        loans = loans.open().order_by("due_date", "pk")
    page = Paginator(loans, 50).get_page(request.GET.get("page"))
    overdue_count = AssetLoan.objects.visible_to(request.user).overdue(today).count()
    return render(request, "assets/loan_list.html", {
        "form": form, "state": state, "page": page, "loans": page.object_list, "today": today,
        "overdue_count": overdue_count, "can_manage": can_edit_assets(request.user),
    })


@login_required
@require_http_methods(["GET", "POST"])
def loan_new(request, pk):
    asset = get_asset_for_user(request, pk, edit=True)
    form = LoanForm(request.POST or None, asset=asset, initial={"due_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            loan_create(asset=asset, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("บันทึกการให้ยืม %(number)s แล้ว") % {"number": asset.asset_number})
            return redirect("assets:detail", pk=asset.pk)
    return render(request, "assets/loan_form.html", {"form": form, "asset": asset},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_http_methods(["GET", "POST"])
def loan_receive(request, pk):
    loan = get_loan_for_user(request, pk, manage=True)
    form = LoanReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            loan_return(loan=loan, condition=form.cleaned_data["condition"], by=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("รับคืน %(number)s แล้ว") % {"number": loan.asset.asset_number})
            return redirect("assets:detail", pk=loan.asset_id)
    return render(request, "assets/loan_return.html", {"form": form, "loan": loan, "today": timezone.localdate()},
                  status=400 if request.method == "POST" else 200)
