"""What the open-data outputs remember: documents withdrawn from the public, and the built data package."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WithdrawnRecordQuerySet(models.QuerySet):
    def in_set(self, spec: str):
        """Withdrawn records that belonged to this OAI-PMH set (or to a set below it) when they were withdrawn."""
        return self.filter(models.Q(set_specs__contains=f" {spec} ") | models.Q(set_specs__contains=f" {spec}:"))


class WithdrawnRecord(models.Model):
    """A document the public could see and no longer can (deleted, unpublished, restricted): OAI-PMH reports it as
    deleted. Written by opendata.withdrawals when the change is saved; the row stays when the document comes back,
    marked as public again, and its change time becomes the datestamp the harvesters see."""

    document_id = models.PositiveBigIntegerField(_("document number"), unique=True)
    changed_at = models.DateTimeField(_("visibility changed"))
    is_withdrawn = models.BooleanField(_("withdrawn from the public"), default=True)
    # The OAI-PMH sets the record was in, between spaces (" document-kind:report process:almaty-process ").
    set_specs = models.TextField(_("sets"), blank=True)

    objects = WithdrawnRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("withdrawn record")
        verbose_name_plural = _("withdrawn records")
        ordering = ["document_id"]

    def __str__(self):
        return f"document {self.document_id}"

    @property
    def set_spec_list(self) -> list[str]:
        return self.set_specs.split()


class PackageBuild(models.Model):
    """One build of the open-data package (a zip of CSV files and its datapackage.json) in the file storage."""

    file = models.CharField(_("file in storage"), max_length=300)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    built_at = models.DateTimeField(_("built"))
    counts = models.JSONField(_("rows per file"), default=dict)

    class Meta:
        verbose_name = _("open-data package build")
        verbose_name_plural = _("open-data package builds")
        ordering = ["-built_at"]
        get_latest_by = "built_at"

    def __str__(self):
        return self.file
