import pytest
from django.core.exceptions import ValidationError

from participants.models import Organisation, State
from tests.factories import OrganisationFactory, ProcessFactory, StateFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("alpha2", "alpha3"),
    [("K", "KAZ"), ("KZ1", "KAZ"), ("KZ", "KA"), ("KZ", "K4Z"), ("кз", "KAZ")],
)
def test_state_codes_must_be_valid_iso_codes(alpha2, alpha3):
    state = State(name_ru="Казахстан", name_en="Kazakhstan", slug="kazakhstan", iso_alpha2=alpha2, iso_alpha3=alpha3)
    with pytest.raises(ValidationError):
        state.full_clean()


def test_lower_case_codes_are_accepted_and_stored_in_capitals():
    state = State(name_ru="Казахстан", name_en="Kazakhstan", slug="kazakhstan", iso_alpha2="kz", iso_alpha3="kaz")
    state.full_clean()
    assert (state.iso_alpha2, state.iso_alpha3) == ("KZ", "KAZ")


def test_two_states_cannot_share_a_code():
    StateFactory(iso_alpha2="KZ", iso_alpha3="KAZ")
    twin = State(name_ru="Двойник", name_en="Twin", slug="twin", iso_alpha2="KZ", iso_alpha3="KAZ")
    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert set(error.value.message_dict) == {"iso_alpha2", "iso_alpha3"}


def test_a_non_participating_state_has_no_year_of_joining():
    state = StateFactory.build(status=State.Status.NONE, year_joined=2013)
    with pytest.raises(ValidationError) as error:
        state.full_clean()
    assert list(error.value.message_dict) == ["year_joined"]


def test_participating_states_are_members_and_observers():
    member = StateFactory(status=State.Status.MEMBER)
    observer = StateFactory(status=State.Status.OBSERVER)
    StateFactory(status=State.Status.FORMER)
    StateFactory(status=State.Status.NONE, year_joined=None)
    assert set(State.objects.participating()) == {member, observer}


def test_only_a_process_has_a_secretariat():
    agency = OrganisationFactory(kind=Organisation.Kind.INTERNATIONAL)
    ngo = OrganisationFactory.build(kind=Organisation.Kind.NGO, secretariat=agency)
    with pytest.raises(ValidationError) as error:
        ngo.full_clean()
    assert list(error.value.message_dict) == ["secretariat"]
    process = ProcessFactory.build(secretariat=agency)
    process.full_clean()


def test_state_and_organisation_pages_have_stable_addresses():
    state = StateFactory(slug="kazakhstan")
    process = ProcessFactory(slug="budapest-process")
    assert state.get_absolute_url() == "/ru/states/kazakhstan/"
    assert process.get_absolute_url() == "/ru/organisations/budapest-process/"
