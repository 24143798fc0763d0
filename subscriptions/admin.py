from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from subscriptions.models import Subscription, masked


# A plain ModelAdmin, not core.admin.PortalAdmin: subscriptions are not translated content, and a version
# history would keep an address after its owner unsubscribed.
@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ("masked_email", "topic", "language", "status", "sent_count", "created_at", "last_sent_at")
    list_filter = ("topic", "language", ("confirmed_at", admin.EmptyFieldListFilter))
    readonly_fields = ("email", "language", "topic", "query", "created_at", "confirmed_at", "last_sent_at")
    exclude = ("baseline",)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(sent_total=Count("sent_items"))

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("e-mail address"))
    def masked_email(self, obj):
        return masked(obj.email)

    @admin.display(description=_("status"))
    def status(self, obj):
        return _("confirmed") if obj.is_confirmed else _("awaiting confirmation")

    @admin.display(description=_("items sent"), ordering="sent_total")
    def sent_count(self, obj):
        return obj.sent_total
