"""A partner fills in the participant information form through its secret link; the secretariat reviews it."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from lxml import html

from intake import review
from intake.models import Attachment, Invitation, Submission
from participants.models import Organisation
from tests.documents.samples import pdf_bytes
from tests.factories import MeetingFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

FILLED = {
    "description_ru": "Будапештский процесс — консультативный форум по вопросам миграции.",
    "description_en": "The Budapest Process is a consultative forum on migration.",
    "activities_in_central_asia_ru": "Семинары для пограничных служб.",
    "activities_in_central_asia_en": "",
    "meetings_with_central_asia_ru": "",
    "meetings_with_central_asia_en": "Senior Officials Meeting, Istanbul.",
    "best_practices_ru": "",
    "best_practices_en": "",
    "contact_details_ru": "",
    "contact_details_en": "Secretariat, Vienna.",
}


def invite(organisation=None, *, days=30, **fields) -> tuple[Invitation, str]:
    invitation = Invitation.objects.create(
        organisation=organisation or OrganisationFactory(kind=Organisation.Kind.PROCESS),
        email="secretariat@partner.example.org",
        expires_at=timezone.now() + timedelta(days=days),
        **fields,
    )
    return invitation, review.send_link(invitation)


def form_url(token, language="ru"):
    return f"/{language}/participant-information/{token}/"


def page(response):
    return html.fromstring(response.content)


def status_text(response):
    return " ".join(page(response).xpath("//p[contains(@class, 'form-status')]")[0].text_content().split())


def organisation_page(client, organisation, language="en"):
    return page(client.get(f"/{language}{organisation.get_absolute_url()[3:]}"))


def test_the_invitation_mails_a_link_that_opens_the_form_in_the_partners_language(
    client, django_capture_on_commit_callbacks
):
    meeting = MeetingFactory(title_en="Third Senior Officials Meeting")
    with django_capture_on_commit_callbacks(execute=True):
        invitation, _token = invite(meeting=meeting, language="en")

    assert [message.to for message in mail.outbox] == [["secretariat@partner.example.org"]]
    assert "Third Senior Officials Meeting" in mail.outbox[0].body
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    assert link.startswith("http://localhost:8000/en/participant-information/")
    response = client.get(link.removeprefix("http://localhost:8000"))
    assert response.status_code == 200
    assert page(response).xpath("//h1")[0].text_content().strip() == invitation.organisation.name_en
    assert response.headers["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response.headers["Cache-Control"]


def test_only_a_hash_of_the_link_is_stored():
    invitation, token = invite()

    invitation.refresh_from_db()
    assert token not in invitation.token_hash
    assert Invitation.objects.for_token(token) == invitation


@pytest.mark.parametrize("language", ["ru", "en"])
def test_an_unknown_link_gets_a_clear_404_page(client, language):
    invite()

    response = client.get(form_url("not-a-real-token", language))

    assert response.status_code == 404
    expected = {"ru": "По этому адресу", "en": "There is no participant information form at this address"}
    assert status_text(response).startswith(expected[language])


@pytest.mark.parametrize("language", ["ru", "en"])
def test_an_expired_link_answers_410_and_says_it_expired(client, language):
    invitation, token = invite()
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))

    get, post = client.get(form_url(token, language)), client.post(form_url(token, language), FILLED)

    assert (get.status_code, post.status_code) == (410, 410)
    expected = {"ru": "Срок действия этой ссылки", "en": "This link to the participant information form has expired."}
    assert status_text(get).startswith(expected[language])
    assert Submission.objects.count() == 0


def test_a_revoked_link_answers_410_and_a_new_link_replaces_the_old_one(client):
    invitation, old = invite()
    new = review.send_link(invitation)

    assert client.get(form_url(old)).status_code == 404
    assert client.get(form_url(new)).status_code == 200

    review.revoke(Invitation.objects.filter(pk=invitation.pk))

    response = client.get(form_url(new, "en"))
    assert response.status_code == 410
    assert (
        status_text(response) == "This link to the participant information form has been withdrawn by the secretariat."
    )


def test_a_submission_is_received_and_nothing_is_published_before_acceptance(client):
    organisation = OrganisationFactory(kind=Organisation.Kind.PROCESS, description_en="Old description.")
    invitation, token = invite(organisation)

    response = client.post(form_url(token, "en"), FILLED)

    assert response.status_code == 302
    submission = Submission.objects.get()
    assert (submission.status, submission.description_en) == ("submitted", FILLED["description_en"])
    received = client.get(form_url(token, "en"))
    assert status_text(received).startswith("Thank you: the secretariat has received your information")
    assert page(received).xpath("//form[@class='participant-form']") == []
    text = organisation_page(client, organisation).text_content()
    assert "Old description." in text
    assert FILLED["description_en"] not in text
    assert "Senior Officials Meeting, Istanbul." not in text


def test_a_link_is_single_use_for_submission(client):
    _invitation, token = invite()
    client.post(form_url(token), FILLED)

    again = client.post(form_url(token), {**FILLED, "description_en": "Changed afterwards."})

    assert again.status_code == 200
    assert Submission.objects.get().description_en == FILLED["description_en"]


def test_acceptance_publishes_the_information_on_the_organisations_page_in_both_languages(client, editor):
    organisation = OrganisationFactory(kind=Organisation.Kind.PROCESS, contact_details_ru="Старые контакты.")
    _invitation, token = invite(organisation)
    client.post(form_url(token), FILLED)

    review.accept(Submission.objects.get(), editor)

    en = organisation_page(client, organisation, "en")
    headings = [h.text_content() for h in en.xpath("//section[@aria-labelledby='participant-information-heading']//h3")]
    assert headings == [
        "Activities in Central Asia",
        "Meetings with Central Asian participation",
        "Contacts",
    ]
    assert FILLED["description_en"] in en.text_content()
    assert "Senior Officials Meeting, Istanbul." in en.text_content()
    ru = organisation_page(client, organisation, "ru").text_content()
    assert FILLED["description_ru"] in ru
    assert "Старые контакты." in ru  # an empty Russian field keeps the organisation's Russian text
    assert status_text(client.get(form_url(token, "en"))) == "The secretariat has accepted your information. Thank you."


def test_acceptance_is_kept_in_the_organisations_history(client, editor):
    from reversion.models import Version

    organisation = OrganisationFactory(kind=Organisation.Kind.PROCESS)
    _invitation, token = invite(organisation)
    client.post(form_url(token), FILLED)

    review.accept(Submission.objects.get(), editor)

    versions = Version.objects.get_for_object(organisation)
    assert [v.revision.user for v in versions] == [editor]
    assert versions[0].field_dict["description_en"] == FILLED["description_en"]


def test_a_form_sent_back_shows_the_comment_and_can_be_sent_again(client, editor, django_capture_on_commit_callbacks):
    organisation = OrganisationFactory(kind=Organisation.Kind.PROCESS)
    _invitation, token = invite(organisation, language="en")
    client.post(form_url(token), FILLED)

    with django_capture_on_commit_callbacks(execute=True):
        review.send_back(Submission.objects.get(), editor, "Please add the dates of the meetings.")

    assert "Please add the dates of the meetings." in mail.outbox[-1].body
    form = client.get(form_url(token, "en"))
    comment = page(form).xpath("//section[@id='review-comment']//p")[0].text_content()
    assert comment == "Please add the dates of the meetings."
    textarea = page(form).xpath("//textarea[@name='meetings_with_central_asia_en']")[0]
    assert textarea.text_content().strip() == "Senior Officials Meeting, Istanbul."

    client.post(form_url(token), {**FILLED, "meetings_with_central_asia_en": "Istanbul, 19 April 2013."})

    submission = Submission.objects.get()
    assert (submission.status, submission.meetings_with_central_asia_en) == ("submitted", "Istanbul, 19 April 2013.")
    assert organisation_page(client, organisation).xpath("//h3") == []


def test_an_empty_form_is_refused_with_a_message(client):
    _invitation, token = invite()

    response = client.post(form_url(token, "en"), {})

    assert response.status_code == 400
    errors = page(response).xpath("//div[@class='form-errors']/p/text()")
    assert errors == ["Fill in at least one field, in Russian or in English."]
    assert Submission.objects.count() == 0


def test_a_bad_attachment_is_refused_with_a_message_and_the_rest_of_the_form_is_kept(client):
    _invitation, token = invite()
    program = SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 100)

    response = client.post(form_url(token, "en"), {**FILLED, "attachments": [program]})

    assert response.status_code == 400
    errors = page(response).xpath("//p[@class='field-error']/text()")
    assert len(errors) == 1
    assert errors[0].startswith("report.pdf: This file is not accepted: its contents are a Windows program")
    kept = page(response).xpath("//textarea[@name='description_en']")[0].text_content().strip()
    assert kept == FILLED["description_en"]
    assert Submission.objects.count() == 0


def test_good_attachments_are_kept_for_the_secretariat_only(client, editor):
    _invitation, token = invite()
    report = SimpleUploadedFile("Отчёт.pdf", pdf_bytes("Silk Routes"), content_type="application/pdf")

    client.post(form_url(token), {**FILLED, "attachments": [report]})

    attachment = Attachment.objects.get()
    assert (attachment.original_name, attachment.content_type) == ("Отчёт.pdf", "application/pdf")
    url = f"/ru/admin/intake/submission/attachment/{attachment.pk}/"
    assert client.get(url).status_code == 302  # to the sign-in page
    client.force_login(editor)
    download = client.get(url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_the_forms_posts_are_rate_limited(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "participant_form": "2/h"}
    _invitation, token = invite()

    answers = [client.post(form_url(token, "en"), {}).status_code for _ in range(3)]

    assert answers == [400, 400, 429]


def test_the_secretariat_invites_from_the_admin_and_the_mail_carries_a_working_link(
    editor_client, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(kind=Organisation.Kind.PROCESS)
    expires = (timezone.now() + timedelta(days=10)).strftime("%d.%m.%Y")
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            "/ru/admin/intake/invitation/add/",
            {
                "organisation": organisation.pk,
                "email": "partner@example.org",
                "language": "ru",
                "expires_at_0": expires,
                "expires_at_1": "12:00:00",
            },
        )

    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["partner@example.org"]]
    path = re.search(r"http://localhost:8000(\S+)", mail.outbox[0].body).group(1)
    assert editor_client.get(path).status_code == 200


def submitted(client) -> Submission:
    _invitation, token = invite()
    client.post(form_url(token), FILLED)
    return Submission.objects.get()


def admin_change(submission):
    return f"/en/admin/intake/submission/{submission.pk}/change/"


def admin_form_data(submission, **changes):
    names = [f"{name}_{language}" for name in review.FORM_FIELDS for language in ("ru", "en")]
    data = {name: FILLED[name] for name in names}
    return {
        **data,
        "review_comment": "",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        **changes,
    }


def test_the_secretariat_accepts_a_submission_with_one_button_in_the_admin(client, editor_client):
    submission = submitted(client)

    response = editor_client.post(admin_change(submission), {**admin_form_data(submission), "_accept": "1"})

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == "accepted"
    organisation = Organisation.objects.get(pk=submission.invitation.organisation_id)
    assert organisation.description_en == FILLED["description_en"]


def test_a_submission_is_not_sent_back_without_a_comment(client, editor_client):
    submission = submitted(client)

    response = editor_client.post(
        admin_change(submission), {**admin_form_data(submission), "_send_back": "1"}, follow=True
    )

    submission.refresh_from_db()
    assert submission.status == "submitted"
    messages = [str(m) for m in response.context["messages"]]
    assert messages[-1] == "Write a comment to the partner before sending the form back."


@pytest.mark.parametrize("token", ["x" * 5000, "%D0%B9", "a.b~c"])
def test_a_malformed_or_overlong_link_is_a_clear_404(client, token):
    response = client.get(form_url(token, "en"))

    assert response.status_code == 404
    assert status_text(response).startswith("There is no participant information form at this address")


def test_the_form_page_runs_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    _invitation, token = invite()
    report = SimpleUploadedFile("report.pdf", pdf_bytes("Silk Routes"), content_type="application/pdf")
    client.post(form_url(token), {**FILLED, "attachments": [report] * 1})
    submission = Submission.objects.get()
    for number in range(8):
        Attachment.objects.create(
            submission=submission,
            file=f"intake/x/{number}.pdf",
            original_name=f"{number}.pdf",
            size=1,
            content_type="application/pdf",
        )

    with django_assert_max_num_queries(8):
        response = client.get(form_url(token, "en"))

    assert status_text(response).startswith("Thank you")
    assert " ".join(page(response).xpath("//article/p[last()]/text()")[0].split()) == "9 files attached."


def test_revoking_from_the_admin_closes_the_link_and_is_kept_in_the_history(client, editor_client):
    from reversion.models import Version

    invitation, token = invite()

    response = editor_client.post(
        "/en/admin/intake/invitation/",
        {"action": "revoke_links", "_selected_action": [invitation.pk]},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == ["1 link revoked."]
    client.logout()
    assert client.get(form_url(token)).status_code == 410
    comments = [v.revision.comment for v in Version.objects.get_for_object(invitation)]
    assert comments[0] == "Link revoked."
