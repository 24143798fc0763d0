"""The open-data package: a zip of CSV files with a datapackage.json that Frictionless validates."""

import csv
import io
import json
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from frictionless import Package, system
from lxml import html

from actionplan.models import Activity, ProgressUpdate
from documents.models import Audience, Document, DocumentFile
from glossary.models import Term
from indicators.models import IndicatorValue
from meetings.models import Meeting, Participation, StatementParagraph
from opendata import package
from opendata.models import PackageBuild
from participants.models import Organisation, State
from tests.factories import (
    ActivityFactory,
    DocumentFactory,
    DocumentFileFactory,
    IndicatorValueFactory,
    MeetingFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgressUpdateFactory,
    StatementParagraphFactory,
    TermFactory,
)

pytestmark = pytest.mark.django_db
DRAFT = Document.PublicationStatus.DRAFT


@pytest.fixture
def content():
    """Public content of every kind, with a hidden twin of each kind that has one."""
    public_meeting = MeetingFactory(title_en="Public meeting")
    draft_meeting = MeetingFactory(title_en="Secret meeting", publication_status=DRAFT)
    ParticipationFactory(meeting=public_meeting)
    ParticipationFactory(meeting=public_meeting, state=None, organisation=OrganisationFactory())
    ParticipationFactory(meeting=draft_meeting)
    StatementParagraphFactory(statement__meeting=public_meeting, text_en="Public paragraph")
    StatementParagraphFactory(statement__meeting=draft_meeting, text_en="Secret paragraph")
    document = DocumentFactory(meeting=public_meeting, title_en="Public report")
    DocumentFileFactory(document=document, language="ru")
    DocumentFileFactory(document=document, language="en", audience=Audience.DELEGATES)
    DocumentFactory(meeting=None, title_en="Report of no meeting")
    DocumentFileFactory(document=DocumentFactory(title_en="Restricted report", audience=Audience.DELEGATES))
    DocumentFactory(title_en="Draft report", publication_status=DRAFT)
    DocumentFactory(title_en="Report of a secret meeting", meeting=draft_meeting)
    TermFactory(label_en="refugee")
    TermFactory(label_en="secret term", publication_status=DRAFT)
    activity = ActivityFactory(title_en="Public activity")
    ProgressUpdateFactory(activity=activity, text_en="Public update")
    ProgressUpdateFactory(activity=activity, text_en="Proposed update", status="proposed")
    ProgressUpdateFactory(activity__title_en="Draft activity", activity__publication_status=DRAFT)
    IndicatorValueFactory(value=-1250.5)
    IndicatorValueFactory(state__status=State.Status.NONE)


def read_zip(data: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rows(files: dict, name: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(files[name].decode("utf-8-sig"))))


@pytest.fixture
def built(content, settings):
    settings.PORTAL_ORIGIN = "https://almaty-process.example"
    build = package.build(settings.PORTAL_ORIGIN)
    with default_storage.open(build.file, "rb") as stored:
        return build, read_zip(stored.read())


def test_frictionless_finds_the_package_valid(built, tmp_path):
    _build, files = built
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    with system.use_context(trusted=True):
        report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_each_file_has_as_many_rows_as_the_public_can_see(built):
    build, files = built
    expected = {
        "meetings": Meeting.objects.public().count(),
        "participations": Participation.objects.filter(meeting__in=Meeting.objects.public()).count(),
        "paragraphs": StatementParagraph.objects.public().count(),
        "states": State.objects.count(),
        "organisations": Organisation.objects.count(),
        "documents": Document.objects.public().count(),
        "files": DocumentFile.objects.public().count(),
        "glossary_terms": Term.objects.public().count(),
        "activities": Activity.objects.public().count(),
        "activity_updates": ProgressUpdate.objects.public().count(),
        "indicator_values": IndicatorValue.objects.of_participating_states().count(),
    }
    assert {name: len(rows(files, f"{name}.csv")) for name in expected} == expected
    assert build.counts == expected
    assert expected["documents"] == 2 and expected["files"] == 1 and expected["activity_updates"] == 1  # a control


def test_nothing_restricted_or_draft_is_in_the_package(built):
    _build, files = built
    everything = b"".join(files.values()).decode("utf-8")
    for hidden in (
        "Secret meeting",
        "Secret paragraph",
        "Restricted report",
        "Draft report",
        "secret term",
        "Report of a secret meeting",
        "Proposed update",
        "Draft activity",
    ):
        assert hidden not in everything
    assert [row["title_en"] for row in rows(files, "documents.csv")] == ["Public report", "Report of no meeting"]
    assert [row["language"] for row in rows(files, "files.csv")] == ["ru"]


def test_every_column_has_a_title_and_a_description_in_english_and_russian(built):
    _build, files = built
    descriptor = json.loads(files["datapackage.json"])
    assert [resource["path"] for resource in descriptor["resources"]] == [table.path for table in package.TABLES]
    assert sorted(files) == sorted(["datapackage.json", *(table.path for table in package.TABLES)])
    for resource in descriptor["resources"]:
        header = next(csv.reader(io.StringIO(files[resource["path"]].decode("utf-8-sig"))))
        assert [field["name"] for field in resource["schema"]["fields"]] == header
        for item in [resource, *resource["schema"]["fields"]]:
            assert item["title"] and item["description"] and item["title_ru"] and item["description_ru"]
            assert item["description_ru"] != item["description"], item["name"]  # translated, not copied
    meetings = descriptor["resources"][0]["schema"]["fields"]
    kind = next(field for field in meetings if field["name"] == "kind")
    assert kind["title_ru"] == "Вид встречи"
    assert kind["constraints"]["enum"] == list(Meeting.Kind.values)


def test_addresses_name_the_portal_and_numbers_stay_numbers(built):
    _build, files = built
    document = Document.objects.get(title_en="Public report")
    [row] = [row for row in rows(files, "documents.csv") if row["id"] == str(document.pk)]
    assert row["permalink"] == f"https://almaty-process.example/en/documents/{document.pk}/"
    assert row["meeting_id"] == str(document.meeting_id)
    values = [row["value"] for row in rows(files, "indicator_values.csv")]
    assert values == ["-1250.5"]  # a number, without the apostrophe that keeps a formula from running


def test_the_command_builds_the_package_and_the_page_offers_it(content, client, settings, capsys):
    settings.PORTAL_ORIGIN = "https://almaty-process.example"
    call_command("build_open_data")
    assert "open-data/almaty-process-" in capsys.readouterr().out
    build = PackageBuild.objects.get()

    response = client.get("/open-data/almaty-process.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="almaty-process.zip"'
    assert len(read_zip(b"".join(response.streaming_content))["documents.csv"]) > 0

    for language, heading in (("ru", "Открытые данные"), ("en", "Open data")):
        page = html.fromstring(client.get(f"/{language}/open-data/").content)
        assert page.findtext(".//h1") == heading
        assert page.xpath("//a[@download]/@href") == ["/open-data/almaty-process.zip"]
        listed = {row.findtext("td/code"): row.findtext("td[3]") for row in page.xpath("//table//tbody/tr")}
        assert listed == {f"{name}.csv": str(count) for name, count in build.counts.items()}


def test_a_new_build_replaces_the_one_before_the_previous(content, settings):
    first, second, third = (package.build("https://almaty-process.example") for _ in range(3))
    assert list(PackageBuild.objects.values_list("pk", flat=True)) == [third.pk, second.pk]
    assert not default_storage.exists(first.file) and default_storage.exists(second.file)


def test_before_the_first_build_the_file_is_a_404_and_the_page_says_so(client):
    assert client.get("/open-data/almaty-process.zip").status_code == 404
    page = html.fromstring(client.get("/en/open-data/").content)
    assert page.xpath("//p[@class='empty']/text()") == ["The package has not been built yet."]


def test_the_sitemap_lists_the_open_data_page_in_both_languages(client):
    from tests.core.test_sitemap import sitemap_urls

    urls = sitemap_urls(client)
    assert urls["http://testserver/ru/open-data/"]["en"] == "http://testserver/en/open-data/"


def test_the_background_job_builds_the_package(content, settings):
    settings.PORTAL_ORIGIN = "https://almaty-process.example"
    # Without a worker (the tests, make demo) a job runs at once: the build is there when enqueue returns.
    result = package.build_open_data_package.enqueue(settings.PORTAL_ORIGIN)
    build = PackageBuild.objects.get()
    assert result.return_value == build.file
    assert build.counts["documents"] == Document.objects.public().count()


def test_the_command_refuses_an_origin_that_is_not_a_site_address(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="scheme and host only"):
        call_command("build_open_data", "--origin", "almaty-process.example/path")
    assert not PackageBuild.objects.exists()


def test_each_file_has_as_many_rows_as_the_api_gives_an_anonymous_reader(built, client):
    """The package and the JSON API (docs/api.md) are two doors to the same public content."""
    build, _files = built

    def listed(endpoint: str) -> list[dict]:
        answer = client.get(f"/api/v1/{endpoint}/", {"page_size": 100}).json()
        assert answer["next"] is None  # one page holds them all here
        return answer["results"]

    api = {
        "meetings": len(listed("meetings")),
        "participations": len(listed("participations")),
        "paragraphs": len(listed("paragraphs")),
        "states": len(listed("states")),
        "organisations": len(listed("organisations")),
        "documents": len(documents := listed("documents")),
        "files": sum(len(document["files"]) for document in documents),
        "glossary_terms": len(listed("glossary")),
        "activities": len(activities := listed("activities")),
        "activity_updates": sum(len(activity["updates"]) for activity in activities),
        "indicator_values": len(listed("indicator-values")),
    }

    assert api == build.counts
