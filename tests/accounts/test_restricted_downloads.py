import pytest

from accounts.models import RestrictedDownload
from documents.models import Audience
from tests.factories import DelegateFactory, DocumentFactory, DocumentFileFactory

pytestmark = pytest.mark.django_db


def test_a_delegate_download_of_a_delegates_only_file_is_logged(client):
    delegate = DelegateFactory(user__username="aigul@example.org")
    document_file = DocumentFileFactory(audience=Audience.DELEGATES, language="en")
    client.force_login(delegate.user)

    response = client.get(document_file.get_absolute_url(), REMOTE_ADDR="203.0.113.5")

    assert response.status_code == 200
    log = RestrictedDownload.objects.get()
    assert (log.user, log.username, log.document_file, log.state, log.audience, log.ip_address) == (
        delegate.user,
        "aigul@example.org",
        document_file,
        delegate.state,
        "delegates",
        "203.0.113.5",
    )


def test_a_file_of_a_delegates_only_document_is_logged_under_the_document_audience(client):
    delegate = DelegateFactory()
    document_file = DocumentFileFactory(document=DocumentFactory(audience=Audience.DELEGATES))
    client.force_login(delegate.user)

    client.get(document_file.get_absolute_url())

    assert list(RestrictedDownload.objects.values_list("audience", flat=True)) == ["delegates"]


def test_public_downloads_are_not_logged(client):
    document_file = DocumentFileFactory()

    response = client.get(document_file.get_absolute_url())

    assert response.status_code == 200
    assert RestrictedDownload.objects.count() == 0


def test_a_refused_download_is_not_logged(client):
    document_file = DocumentFileFactory(audience=Audience.DELEGATES)

    response = client.get(document_file.get_absolute_url())

    assert response.status_code == 404
    assert RestrictedDownload.objects.count() == 0


def test_the_log_keeps_who_and_what_after_the_file_is_deleted(admin_client):
    document_file = DocumentFileFactory(audience=Audience.DELEGATES)
    admin_client.get(document_file.get_absolute_url())
    label = str(document_file)

    document_file.delete()

    log = RestrictedDownload.objects.get()
    assert (log.document_file, log.file_label, log.username) == (None, label, "admin")


def test_the_log_is_read_only_in_the_admin(admin_client):
    DocumentFileFactory(audience=Audience.DELEGATES)

    assert admin_client.get("/en/admin/accounts/restricteddownload/").status_code == 200
    assert admin_client.get("/en/admin/accounts/restricteddownload/add/").status_code == 403


def test_a_download_in_byte_ranges_is_logged_once_at_its_first_range(client):
    delegate = DelegateFactory()
    document_file = DocumentFileFactory(audience=Audience.DELEGATES)
    client.force_login(delegate.user)
    url = document_file.get_absolute_url()

    first = client.get(url, HTTP_RANGE="bytes=0-9")
    later = [client.get(url, HTTP_RANGE=f"bytes={start}-{start + 9}") for start in (10, 20)]
    client.head(url)

    assert [first.status_code] + [response.status_code for response in later] == [206, 206, 206]
    assert RestrictedDownload.objects.count() == 1


def test_each_whole_download_is_logged(client):
    delegate = DelegateFactory()
    document_file = DocumentFileFactory(audience=Audience.DELEGATES)
    client.force_login(delegate.user)

    client.get(document_file.get_absolute_url())
    client.get(document_file.get_absolute_url(), HTTP_RANGE="bytes=0-")

    assert RestrictedDownload.objects.count() == 2


def test_the_log_records_the_address_the_rate_limits_see_behind_a_proxy(client, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    delegate = DelegateFactory()
    document_file = DocumentFileFactory(audience=Audience.DELEGATES)
    client.force_login(delegate.user)

    client.get(document_file.get_absolute_url(), REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="198.51.100.7")

    assert RestrictedDownload.objects.get().ip_address == "198.51.100.7"


def test_a_malformed_proxy_address_is_left_out_of_the_log_rather_than_failing(client, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    delegate = DelegateFactory()
    document_file = DocumentFileFactory(audience=Audience.DELEGATES)
    client.force_login(delegate.user)

    response = client.get(document_file.get_absolute_url(), HTTP_X_REAL_IP="not-an-address")

    assert response.status_code == 200
    assert RestrictedDownload.objects.get().ip_address is None
