"""Telling, approving and thanking wow stories, and the promoters' candidates."""

from __future__ import annotations

from html import escape

import pytest
from django.urls import reverse
from django.utils import translation

from kohtaamo.conftest import Cast
from kohtaamo.lineup.models import (
    Notice,
    NoticeKind,
    StorySource,
    StoryStatus,
    StoryThanks,
    WowStory,
)
from kohtaamo.lineup.services import (
    ERROR_ALREADY_A_STORY,
    ERROR_ALREADY_THANKED,
    ERROR_CUSTOMER_NOT_VISIBLE,
    ERROR_EMPTY_STORY,
    ERROR_ENCOUNTER_NOT_VISIBLE,
    ERROR_HERO_NOT_IN_TEAM,
    ERROR_NOT_YOUR_LINEUP,
    ERROR_THANK_YOURSELF,
    lineup_settings_update,
    story_tell,
)
from kohtaamo.lineup.tests.helpers import answered
from kohtaamo.testing.clients import client_for
from kohtaamo.testing.factories import CustomerFactory, EncounterFactory

pytestmark = pytest.mark.django_db


def _tell(cast: Cast, **data: object) -> object:
    form = {
        "team": cast.team.pk,
        "text": "Aino soitti asiakkaalle takaisin.",
        "heroes": [cast.agent.pk],
    }
    form.update(data)  # type: ignore[arg-type]
    return client_for(cast.agent).post(reverse("lineup:story_new"), form)


def _fi(message: object) -> str:
    """The message as the (Finnish) page shows it, HTML-escaped."""
    with translation.override("fi"):
        return escape(str(message))


def test_agents_story_waits_for_the_lead_with_its_heroes(cast: Cast, encounter: object) -> None:
    # given an agent telling about their colleague's encounter
    response = _tell(cast, heroes=[cast.agent.pk, cast.lead.pk], encounter=encounter.pk)  # type: ignore[attr-defined]
    # then the story is stored, waiting, with both heroes and the encounter's customer
    story = WowStory.objects.get()
    assert response.status_code == 302  # type: ignore[attr-defined]
    assert response["Location"] == reverse("lineup:story_detail", kwargs={"pk": story.pk})  # type: ignore[index]
    assert story.status == StoryStatus.PENDING
    assert story.told_by == cast.agent
    assert set(story.heroes.all()) == {cast.agent, cast.lead}
    assert story.customer_id == encounter.customer_id  # type: ignore[attr-defined]
    assert story.approved_at is None


def test_leads_own_story_and_an_auto_approving_team_go_straight_to_the_lineup(cast: Cast) -> None:
    lead_story = story_tell(by=cast.lead, team=cast.team, text="Hieno hetki.", heroes=[cast.agent])
    assert (lead_story.status, lead_story.approved_by) == (StoryStatus.APPROVED, cast.lead)
    lineup_settings_update(team=cast.team, by=cast.lead, auto_approve_stories=True)
    agent_story = story_tell(by=cast.agent, team=cast.team, text="Toinen.", heroes=[cast.lead])
    assert agent_story.status == StoryStatus.APPROVED
    assert agent_story.approved_by is None


def test_story_about_an_encounter_the_teller_may_not_see_is_refused(
    cast: Cast, other_encounter: object
) -> None:
    response = _tell(cast, encounter=other_encounter.pk)  # type: ignore[attr-defined]
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert _fi(ERROR_ENCOUNTER_NOT_VISIBLE) in response.content.decode()  # type: ignore[attr-defined]
    assert WowStory.objects.count() == 0


def test_colleagues_encounter_is_not_the_agents_to_tell_about(cast: Cast) -> None:
    # an agent sees only their own encounters, even in their own team
    colleague = EncounterFactory(staff=cast.lead, team=cast.team)
    response = _tell(cast, encounter=colleague.pk)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert WowStory.objects.count() == 0


def test_empty_story_is_refused_with_a_message(cast: Cast) -> None:
    response = _tell(cast, text="   \n  ")
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert _fi(ERROR_EMPTY_STORY) in response.content.decode()  # type: ignore[attr-defined]
    assert WowStory.objects.count() == 0


def test_hero_from_another_team_is_refused(cast: Cast) -> None:
    with pytest.raises(Exception) as refused:
        story_tell(by=cast.lead, team=cast.team, text="Olli auttoi.", heroes=[cast.outsider])
    assert refused.value.messages == [str(ERROR_HERO_NOT_IN_TEAM)]  # type: ignore[attr-defined]
    assert WowStory.objects.count() == 0


def test_agent_cannot_tell_for_another_team(cast: Cast) -> None:
    response = _tell(cast, team=cast.other_team.pk, heroes=[cast.outsider.pk])
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert WowStory.objects.count() == 0


def test_html_in_a_story_is_shown_escaped(cast: Cast) -> None:
    story = story_tell(
        by=cast.lead,
        team=cast.team,
        text='<script>alert("x")</script><b>hieno</b>',
        heroes=[cast.agent],
    )
    pages = [
        reverse("lineup:story_detail", kwargs={"pk": story.pk}),
        reverse("lineup:team_lineup", kwargs={"pk": cast.team.pk}),
        reverse("lineup:stories"),
        reverse("lineup:person_stories", kwargs={"pk": cast.agent.pk}),
    ]
    for url in pages:
        html = client_for(cast.agent).get(url).content.decode()
        assert (
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;hieno&lt;/b&gt;" in html
        ), url
        assert "<b>hieno</b>" not in html, url


def test_lead_approves_a_waiting_story_and_the_heroes_hear_of_it(cast: Cast) -> None:
    story = story_tell(
        by=cast.agent, team=cast.team, text="Leena jäi auttamaan.", heroes=[cast.lead, cast.agent]
    )
    response = client_for(cast.lead).post(reverse("lineup:story_approve", kwargs={"pk": story.pk}))
    story.refresh_from_db()
    assert response.status_code == 302
    assert (story.status, story.approved_by) == (StoryStatus.APPROVED, cast.lead)
    # the approver is not told of their own approval
    assert list(Notice.objects.values_list("recipient", "kind")) == [
        (cast.agent.pk, NoticeKind.STORY_APPROVED)
    ]


def test_agent_cannot_approve_and_nothing_changes(cast: Cast) -> None:
    story = story_tell(by=cast.agent, team=cast.team, text="Oma tarina.", heroes=[cast.lead])
    response = client_for(cast.agent).post(reverse("lineup:story_approve", kwargs={"pk": story.pk}))
    assert response.status_code == 403
    assert _fi(ERROR_NOT_YOUR_LINEUP) in response.content.decode()
    story.refresh_from_db()
    assert story.status == StoryStatus.PENDING


def test_waiting_story_is_not_shown_to_the_rest_of_the_team(cast: Cast) -> None:
    story = story_tell(by=cast.lead, team=cast.team, text="Hyväksytty.", heroes=[cast.agent])
    colleague = EncounterFactory(team=cast.team).staff
    from kohtaamo.testing.factories import MembershipFactory

    MembershipFactory(user=colleague, team=cast.team)
    pending = story_tell(by=cast.agent, team=cast.team, text="Odottaa.", heroes=[cast.agent])
    assert (
        client_for(colleague)
        .get(reverse("lineup:story_detail", kwargs={"pk": story.pk}))
        .status_code
        == 200
    )
    assert (
        client_for(colleague)
        .get(reverse("lineup:story_detail", kwargs={"pk": pending.pk}))
        .status_code
        == 404
    )


def test_promoter_comment_becomes_a_story_crediting_the_encounters_staff(cast: Cast) -> None:
    # given a promoter with a comment, a promoter without one and a passive with one
    promoter = answered(staff=cast.agent, team=cast.team, nps=10, comment="Aino pelasti lomamme!")
    answered(staff=cast.agent, team=cast.team, nps=9, comment="")
    answered(staff=cast.agent, team=cast.team, nps=8, comment="Ihan ok.")
    page = client_for(cast.lead).get(reverse("lineup:stories"))
    assert [r.pk for r in page.context["candidates"]] == [promoter.pk]
    # when the lead clicks once
    response = client_for(cast.lead).post(
        reverse("lineup:candidate_story", kwargs={"pk": promoter.pk})
    )
    # then an approved story credits the agent, in the customer's words
    story = WowStory.objects.get()
    assert response.status_code == 302
    assert (story.source, story.status, story.text) == (
        StorySource.PROMOTER,
        StoryStatus.APPROVED,
        "Aino pelasti lomamme!",
    )
    assert list(story.heroes.all()) == [cast.agent]
    assert story.response_id == promoter.pk
    assert client_for(cast.lead).get(reverse("lineup:stories")).context["candidates"] == []
    # and a second click changes nothing
    again = client_for(cast.lead).post(
        reverse("lineup:candidate_story", kwargs={"pk": promoter.pk})
    )
    assert again.status_code == 400
    assert _fi(ERROR_ALREADY_A_STORY) in again.content.decode()
    assert WowStory.objects.count() == 1


def test_outsider_lead_cannot_use_another_teams_promoter(cast: Cast) -> None:
    promoter = answered(staff=cast.agent, team=cast.team, nps=10, comment="Kiitos!")
    response = client_for(cast.outsider_lead).post(
        reverse("lineup:candidate_story", kwargs={"pk": promoter.pk})
    )
    assert response.status_code == 404
    assert WowStory.objects.count() == 0


def test_colleague_thanks_the_heroes_once_and_each_hero_is_notified(cast: Cast) -> None:
    story = story_tell(
        by=cast.lead, team=cast.team, text="Tiimityötä.", heroes=[cast.agent, cast.lead]
    )
    manager = client_for(cast.manager)
    url = reverse("lineup:story_thank", kwargs={"pk": story.pk})
    assert manager.post(url).status_code == 302
    thanked = Notice.objects.filter(kind=NoticeKind.THANKED)
    assert sorted(thanked.values_list("recipient", flat=True)) == sorted(
        [cast.agent.pk, cast.lead.pk]
    )
    again = manager.post(url)
    assert again.status_code == 400
    assert _fi(ERROR_ALREADY_THANKED) in again.content.decode()
    assert StoryThanks.objects.count() == 1
    assert thanked.count() == 2


def test_hero_cannot_thank_themselves(cast: Cast) -> None:
    story = story_tell(by=cast.lead, team=cast.team, text="Tiimityötä.", heroes=[cast.agent])
    response = client_for(cast.agent).post(reverse("lineup:story_thank", kwargs={"pk": story.pk}))
    assert response.status_code == 400
    assert _fi(ERROR_THANK_YOURSELF) in response.content.decode()
    assert StoryThanks.objects.count() == 0


def test_hero_reads_the_notice_and_it_is_no_longer_new(cast: Cast) -> None:
    story = story_tell(by=cast.lead, team=cast.team, text="Tiimityötä.", heroes=[cast.agent])
    client_for(cast.manager).post(reverse("lineup:story_thank", kwargs={"pk": story.pk}))
    stories = client_for(cast.agent).get(reverse("lineup:stories"))
    assert stories.context["unread_notices"] == 2
    assert 'id="unread-notices">2<' in stories.content.decode()
    page = client_for(cast.agent).get(reverse("lineup:notices"))
    with translation.override("fi"):
        assert "Matti Manageri" in page.content.decode()
    assert [n.kind for n in page.context["notices"]] == [
        NoticeKind.THANKED,
        NoticeKind.STORY_APPROVED,
    ]
    assert Notice.objects.filter(recipient=cast.agent, read_at__isnull=True).count() == 0
    assert client_for(cast.agent).get(reverse("lineup:stories")).context["unread_notices"] == 0


def test_persons_page_lists_the_stories_they_appear_in(cast: Cast) -> None:
    mine = story_tell(by=cast.lead, team=cast.team, text="Ainon tarina.", heroes=[cast.agent])
    story_tell(by=cast.agent, team=cast.team, text="Leenan tarina.", heroes=[cast.lead])
    page = client_for(cast.lead).get(reverse("lineup:person_stories", kwargs={"pk": cast.agent.pk}))
    assert [c.story.pk for c in page.context["cards"]] == [mine.pk]


def test_customer_is_named_by_first_name_and_contacts_are_hidden(cast: Cast) -> None:
    customer = CustomerFactory(
        name="Maija Virtanen", email="maija.virtanen@example.com", phone="+358401234567"
    )
    encounter = EncounterFactory(staff=cast.agent, team=cast.team, customer=customer)
    story = story_tell(
        by=cast.lead,
        team=cast.team,
        text="Maija Virtanen soitti (+358401234567, maija.virtanen@example.com) ja kiitti.",
        heroes=[cast.agent],
        encounter=encounter,
    )
    html = (
        client_for(cast.lead)
        .get(reverse("lineup:story_detail", kwargs={"pk": story.pk}))
        .content.decode()
    )
    assert "Maija soitti (…, …) ja kiitti." in html
    for detail in ("Virtanen", "+358401234567", "maija.virtanen@example.com"):
        assert detail not in html


def test_story_links_its_encounter_only_for_those_who_may_see_it(cast: Cast) -> None:
    encounter = EncounterFactory(staff=cast.lead, team=cast.team)
    story = story_tell(
        by=cast.lead, team=cast.team, text="Hyvä puhelu.", heroes=[cast.lead], encounter=encounter
    )
    url = reverse("lineup:story_detail", kwargs={"pk": story.pk})
    link = reverse("encounters:detail", kwargs={"pk": encounter.pk})
    assert link in client_for(cast.lead).get(url).content.decode()
    assert link not in client_for(cast.agent).get(url).content.decode()


def test_a_number_that_is_no_encounter_gets_the_same_answer_as_someone_elses(
    cast: Cast, other_encounter: object
) -> None:
    missing = _tell(cast, encounter=other_encounter.pk + 1000)  # type: ignore[attr-defined]
    hidden = _tell(cast, encounter=other_encounter.pk)  # type: ignore[attr-defined]
    assert missing.status_code == hidden.status_code == 400  # type: ignore[attr-defined]
    assert _fi(ERROR_ENCOUNTER_NOT_VISIBLE) in missing.content.decode()  # type: ignore[attr-defined]
    assert _fi(ERROR_ENCOUNTER_NOT_VISIBLE) in hidden.content.decode()  # type: ignore[attr-defined]
    assert WowStory.objects.count() == 0


def test_story_about_a_customer_the_teller_may_not_see_is_refused(cast: Cast) -> None:
    stranger = CustomerFactory()
    response = _tell(cast, customer=stranger.pk)
    assert response.status_code == 400  # type: ignore[attr-defined]
    assert _fi(ERROR_CUSTOMER_NOT_VISIBLE) in response.content.decode()  # type: ignore[attr-defined]
    assert WowStory.objects.count() == 0
