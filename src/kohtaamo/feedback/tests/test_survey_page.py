"""The public survey page `/s/<token>/` (issue 4)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from kohtaamo.feedback.forms import ERROR_CHOOSE_ONE
from kohtaamo.feedback.models import FollowUp, Invitation, Response, Survey
from kohtaamo.feedback.services import ERROR_COMMENT_TOO_LONG
from kohtaamo.feedback.tests.helpers import answer

FULL_ANSWER = {"nps": "4", "csat": "2", "ces": "3", "comment": "", "consent_contact": "on"}


def _url(token: str, **query: str) -> str:
    url = reverse("feedback:survey", kwargs={"token": token})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _csrf_client() -> Client:
    # CSRF checks on, as in a browser: the survey needs no token for them.
    return Client(enforce_csrf_checks=True)


def _post(client: Client, url: str, data: dict[str, str]) -> Any:
    """Load the page first, as a browser does, and post the answers."""
    client.get(url)
    return client.post(url, data)


def test_page_asks_every_question_in_the_invitation_language(
    invited: tuple[Invitation, str], cast: Any
) -> None:
    _invitation, token = invited
    response = Client().get(_url(token), headers={"Accept-Language": "en"})
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Language"] == "fi"
    assert '<html lang="fi">' in html
    assert "<script" not in html
    assert 'name="csrfmiddlewaretoken"' not in html
    assert not response.cookies  # no cookies at all
    assert html.count("<fieldset") == 3
    assert html.count('type="radio" name="nps"') == 11
    assert html.count('type="radio" name="csat"') == 5
    assert html.count('type="radio" name="ces"') == 7
    assert 'name="comment"' in html
    assert 'name="consent_contact"' in html
    assert "base.html" not in [t.name for t in response.templates]


def test_language_switch_shows_the_page_in_english(invited: tuple[Invitation, str]) -> None:
    _invitation, token = invited
    response = Client().get(_url(token, lang="en"))
    html = response.content.decode()
    assert response["Content-Language"] == "en"
    assert (
        "<legend>How likely are you to recommend Hotelli Helsinki to a friend or colleague?</legend>"
        in html
    )
    assert "<legend>Hotelli Helsinki made it easy for me to handle my matter.</legend>" in html
    assert "0 = Not at all likely" in html
    assert "10 = Extremely likely" in html
    assert 'href="?lang=sv"' in html


def test_questions_switched_off_are_not_shown(
    invited: tuple[Invitation, str], survey: Survey
) -> None:
    _invitation, token = invited
    Survey.objects.filter(pk=survey.pk).update(ask_csat=False, ask_ces=False, ask_consent=False)
    html = Client().get(_url(token)).content.decode()
    assert html.count("<fieldset") == 1
    assert 'name="csat"' not in html
    assert 'name="ces"' not in html
    assert 'name="consent_contact"' not in html
    assert 'name="comment"' in html


def test_answering_stores_the_response_and_thanks(invited: tuple[Invitation, str]) -> None:
    invitation, token = invited
    client = _csrf_client()
    response = _post(
        client, _url(token, lang="en"), {**FULL_ANSWER, "comment": "Liian pitkä jono."}
    )
    assert response.status_code == 302
    assert response["Location"] == _url(token, lang="en")
    stored = Response.objects.get()
    assert (stored.nps, stored.csat, stored.ces, stored.comment) == (4, 2, 3, "Liian pitkä jono.")
    assert stored.consent_contact is True
    assert stored.language == "en"
    assert stored.invitation == invitation
    assert FollowUp.objects.get().response == stored
    thanks = client.get(response["Location"])
    assert "Thank you for your answer" in thanks.content.decode()


def test_second_visit_of_an_answered_link_says_thank_you(invited: tuple[Invitation, str]) -> None:
    invitation, token = invited
    answer(invitation)
    page = Client().get(_url(token))
    assert page.status_code == 200
    assert "Kiitos vastauksestasi" in page.content.decode()
    assert "<form" not in page.content.decode()


def test_replayed_post_of_an_answered_link_stores_nothing(invited: tuple[Invitation, str]) -> None:
    # given the form was opened in one tab and answered in another
    invitation, token = invited
    client = _csrf_client()
    client.get(_url(token))
    first = answer(invitation, nps=10)
    # when the first tab posts too
    replay = client.post(_url(token), FULL_ANSWER)
    # then it is led to the page, which thanks, and nothing changes
    assert replay.status_code == 302
    assert replay["Location"] == _url(token)
    thanks = client.get(replay["Location"])
    assert "Kiitos vastauksestasi" in thanks.content.decode()
    assert "<form" not in thanks.content.decode()
    assert list(Response.objects.values_list("pk", "nps")) == [(first.pk, 10)]
    assert FollowUp.objects.count() == 0


def test_missing_and_out_of_range_answers_get_clear_messages(
    invited: tuple[Invitation, str],
) -> None:
    _invitation, token = invited
    response = _post(_csrf_client(), _url(token, lang="en"), {"nps": "11", "ces": "3"})
    html = response.content.decode()
    assert response.status_code == 400
    with translation.override("en"):
        assert html.count(str(ERROR_CHOOSE_ONE)) == 2  # NPS out of range, CSAT missing
    assert 'id="nps-error"' in html
    assert 'id="csat-error"' in html
    assert 'id="ces-error"' not in html
    assert Response.objects.count() == 0


def test_megabyte_comment_is_refused_with_a_message(invited: tuple[Invitation, str]) -> None:
    _invitation, token = invited
    response = _post(
        _csrf_client(), _url(token, lang="en"), {**FULL_ANSWER, "comment": "a" * 1_000_000}
    )
    assert response.status_code == 400
    with translation.override("en"):
        with_limit = str(ERROR_COMMENT_TOO_LONG % {"limit_value": 4000})
    assert with_limit == "The comment can be at most 4000 characters long."
    assert with_limit in response.content.decode()
    assert Response.objects.count() == 0


def test_a_browser_that_keeps_no_cookies_can_answer(invited: tuple[Invitation, str]) -> None:
    # given a customer whose browser refuses cookies: the link is the credential
    invitation, token = invited
    # when the answer is posted with no cookie and no CSRF token
    response = _csrf_client().post(_url(token), FULL_ANSWER)
    # then it is stored once and thanked
    assert response.status_code == 302
    assert not response.cookies
    assert Response.objects.get().invitation == invitation


def test_a_forged_link_posts_nothing(invited: tuple[Invitation, str]) -> None:
    _invitation, token = invited
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = _csrf_client().post(_url(forged), FULL_ANSWER)
    assert response.status_code == 404
    assert Response.objects.count() == 0


def test_unknown_and_expired_links_get_the_same_friendly_page(
    invited: tuple[Invitation, str],
) -> None:
    invitation, token = invited
    unknown = Client().get(_url("Q" * 43), headers={"Accept-Language": "sv"})
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(1))
    expired = Client().get(_url(token), headers={"Accept-Language": "sv"})
    assert unknown.status_code == expired.status_code == 404
    assert unknown["Content-Language"] == "sv"
    assert unknown.content == expired.content
    assert "Hotelli Helsinki" not in expired.content.decode()
    assert "<form" not in expired.content.decode()


def test_unknown_link_follows_the_language_switch(db: None) -> None:
    response = Client().get(_url("Q" * 43, lang="en"))
    assert response.status_code == 404
    assert "This survey link does not work" in response.content.decode()


def test_post_to_an_unknown_link_stores_nothing(db: None) -> None:
    response = Client().post(_url("Q" * 43), FULL_ANSWER)
    assert response.status_code == 404
    assert Response.objects.count() == 0


def test_page_and_its_css_transfer_at_most_30_kb(invited: tuple[Invitation, str]) -> None:
    _invitation, token = invited
    client = Client()
    page = client.get(_url(token))
    css_url = next(
        part.split('"')[0]
        for part in page.content.decode().split('href="')[1:]
        if part.startswith("/static/")
    )
    css = client.get(css_url)
    css_bytes = b"".join(css.streaming_content)
    assert css.status_code == 200
    assert len(css_bytes) > 500
    total = len(page.content) + len(css_bytes)
    print(f"survey page {len(page.content)} B + CSS {len(css_bytes)} B = {total} B")  # noqa: T201
    assert total <= 30 * 1024


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_thank_you_and_unavailable_pages_have_no_script(language: str, db: None) -> None:
    html = Client().get(_url("Q" * 43, lang=language)).content.decode()
    assert f'<html lang="{language}">' in html
    assert "<script" not in html


def test_a_page_sent_back_with_a_message_keeps_the_choices_made(
    invited: tuple[Invitation, str],
) -> None:
    # Given a customer who chose 9 and 6 but skipped the CSAT question
    _invitation, token = invited
    response = _post(_csrf_client(), _url(token, lang="en"), {"nps": "9", "ces": "6"})
    html = response.content.decode()
    # Then the page comes back with the message and both choices still made
    assert response.status_code == 400
    assert 'value="9" id="id_nps_9" required checked>' in html
    assert 'value="6" id="id_ces_5" required checked>' in html
    assert html.count(" checked>") == 2


def test_no_cache_keeps_a_page_of_the_link(invited: tuple[Invitation, str]) -> None:
    # The form, the same form sent back with a message, the thank-you page
    # and the page of an unknown link: each is this link's at this moment.
    invitation, token = invited
    client = Client()
    form = client.get(_url(token))
    sent_back = client.post(_url(token), {"nps": "11"})
    answer(invitation)
    thanks = client.get(_url(token))
    unknown = client.get(_url("x" * 43))
    for page in (form, sent_back, thanks, unknown):
        cache_control = {d.strip() for d in page["Cache-Control"].split(",")}
        assert {"no-cache", "no-store", "must-revalidate", "private"} <= cache_control
