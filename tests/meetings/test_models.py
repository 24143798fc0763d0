import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from meetings.models import Participation, StatementParagraph
from tests.factories import (
    MeetingFactory,
    OrganisationFactory,
    OutcomeStatementFactory,
    ParticipationFactory,
    StateFactory,
    StatementParagraphFactory,
)

pytestmark = pytest.mark.django_db


def test_meeting_cannot_end_before_it_starts():
    meeting = MeetingFactory.build(
        process=OrganisationFactory(kind="process"),
        start_date=datetime.date(2016, 11, 2),
        end_date=datetime.date(2016, 11, 1),
    )
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert list(error.value.message_dict) == ["end_date"]


def test_one_day_meeting_is_valid_and_not_multi_day():
    meeting = MeetingFactory()
    meeting.full_clean()
    assert meeting.is_multi_day is False


def test_meeting_must_belong_to_a_consultative_process():
    meeting = MeetingFactory.build(process=OrganisationFactory(kind="ngo"))
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "process" in error.value.message_dict


def test_a_state_cannot_be_listed_twice_at_one_meeting():
    first = ParticipationFactory()
    second = Participation(meeting=first.meeting, state=first.state, role=Participation.Role.OBSERVER)
    with translation.override("en"), pytest.raises(ValidationError) as error:
        second.full_clean()
    assert error.value.messages == ["This state is already listed at this meeting."]


def test_the_same_state_may_attend_different_meetings():
    state = StateFactory()
    ParticipationFactory(state=state)
    other = Participation(meeting=MeetingFactory(), state=state)
    other.full_clean()


def test_participation_names_a_state_or_an_organisation_not_both():
    both = Participation(meeting=MeetingFactory(), state=StateFactory(), organisation=OrganisationFactory())
    neither = Participation(meeting=MeetingFactory())
    for participation in (both, neither):
        with pytest.raises(ValidationError):
            participation.full_clean()


def test_paragraph_numbers_are_unique_within_a_statement():
    paragraph = StatementParagraphFactory(number=7)
    duplicate = StatementParagraph(statement=paragraph.statement, number=7, text_ru="Другой текст")
    with pytest.raises(ValidationError):
        duplicate.full_clean()


def test_the_same_paragraph_number_may_appear_in_another_statement():
    StatementParagraphFactory(number=1)
    other = StatementParagraph(statement=OutcomeStatementFactory(), number=1, text_ru="Текст")
    other.full_clean()


def test_each_paragraph_has_its_own_address_on_the_meeting_page():
    paragraph = StatementParagraphFactory(number=7)
    meeting = paragraph.statement.meeting
    assert paragraph.get_absolute_url() == f"/ru/meetings/{meeting.slug}/#p7"


def test_a_meeting_cannot_take_the_address_of_the_participation_matrix():
    meeting = MeetingFactory.build(process=OrganisationFactory(kind="process"), slug="matrix")
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert list(error.value.message_dict) == ["slug"]
