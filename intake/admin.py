from datetime import timedelta

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from reversion.admin import VersionAdmin

from core.history import HistoryCompareMixin
from documents.downloads import content_disposition
from intake import review
from intake.models import Attachment, Invitation, Submission

INVITATION_DAYS = 30


# Not translated content: the history without the language tabs of PortalAdmin.
@admin.register(Invitation)
class InvitationAdmin(HistoryCompareMixin, VersionAdmin):
    list_display = ["organisation", "meeting", "email", "link_state", "expires_at", "sent_at", "submission_status"]
    list_filter = ["organisation__kind"]
    search_fields = ["organisation__name_ru", "organisation__name_en", "email"]
    autocomplete_fields = ["organisation", "meeting"]
    fields = ["organisation", "meeting", "email", "language", "expires_at", "revoked_at", "sent_at"]
    readonly_fields = ["revoked_at", "sent_at"]
    actions = ["send_new_link", "revoke_links"]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        return {"expires_at": timezone.now() + timedelta(days=INVITATION_DAYS), **initial}

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation", "meeting", "submission")

    @admin.display(description=_("link"))
    def link_state(self, obj):
        return Invitation.State(obj.state()).label

    @admin.display(description=_("submission"))
    def submission_status(self, obj):
        submission = getattr(obj, "submission", None)
        if submission is None:
            return "—"
        url = reverse("admin:intake_submission_change", args=[submission.pk])
        return format_html('<a href="{}">{}</a>', url, submission.get_status_display())

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            review.send_link(obj)
            self.message_user(request, gettext("The link was sent to %(email)s.") % {"email": obj.email})

    @admin.action(description=_("Send a new link (the old one stops working)"))
    def send_new_link(self, request, queryset):
        sent = 0
        for invitation in queryset.filter(revoked_at__isnull=True):
            review.send_link(invitation)
            sent += 1
        self.message_user(
            request,
            ngettext("%(count)d link sent.", "%(count)d links sent.", sent) % {"count": sent},
        )

    @admin.action(description=_("Revoke the links"))
    def revoke_links(self, request, queryset):
        count = review.revoke(queryset, request.user)
        self.message_user(
            request,
            ngettext("%(count)d link revoked.", "%(count)d links revoked.", count) % {"count": count},
        )


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    can_delete = False
    fields = ["download", "size", "content_type", "uploaded_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("file"))
    def download(self, obj):
        url = reverse("admin:intake_attachment_download", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.original_name)


# The partner's text is not translated by the portal: the history, without the language tabs of PortalAdmin.
@admin.register(Submission)
class SubmissionAdmin(HistoryCompareMixin, VersionAdmin):
    change_form_template = "admin/intake/submission_change_form.html"
    list_display = ["__str__", "meeting", "status", "submitted_at", "reviewed_at"]
    list_filter = ["status"]
    search_fields = ["invitation__organisation__name_ru", "invitation__organisation__name_en"]
    readonly_fields = ["invitation", "status", "submitted_at", "reviewed_at"]
    inlines = [AttachmentInline]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("invitation__organisation", "invitation__meeting")

    def has_add_permission(self, request):
        return False  # partners submit through their links

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status == Submission.Status.ACCEPTED:
            return [field.name for field in obj._meta.fields if field.name != "id"]
        return self.readonly_fields

    @admin.display(description=_("meeting"))
    def meeting(self, obj):
        return obj.invitation.meeting or "—"

    def get_urls(self):
        return [
            path(
                "attachment/<int:pk>/",
                self.admin_site.admin_view(self.download_attachment),
                name="intake_attachment_download",
            ),
            *super().get_urls(),
        ]

    def download_attachment(self, request, pk):
        attachment = get_object_or_404(Attachment, pk=pk)
        if not self.has_view_permission(request, attachment.submission):
            raise PermissionDenied
        response = FileResponse(attachment.file.open("rb"), content_type=attachment.content_type)
        response.headers["Content-Disposition"] = content_disposition(attachment.original_name)
        response.headers["Cache-Control"] = "private, no-store"
        return response

    def response_change(self, request, obj):
        if "_accept" in request.POST and obj.status == Submission.Status.SUBMITTED:
            review.accept(obj, request.user)
            self.message_user(
                request,
                gettext("Accepted: the organisation’s page now shows this information."),
                messages.SUCCESS,
            )
            return HttpResponseRedirect(request.path)
        if "_send_back" in request.POST and obj.status == Submission.Status.SUBMITTED:
            if not obj.review_comment.strip():
                self.message_user(
                    request, gettext("Write a comment to the partner before sending the form back."), messages.ERROR
                )
                return HttpResponseRedirect(request.path)
            review.send_back(obj, request.user, obj.review_comment)
            self.message_user(request, gettext("Sent back to the partner with your comment."), messages.SUCCESS)
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)
