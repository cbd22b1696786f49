"""The public QR survey of a unit: staff pages, the answering page, the
rate limit and bad input (issue 4)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kohtaamo.conftest import Cast
from kohtaamo.core.tests.pages import en, page_client
from kohtaamo.feedback.forms import ERROR_CHOOSE_ONE
from kohtaamo.feedback.models import PublicResponse, PublicSurvey, Response, Survey
from kohtaamo.feedback.public import (
    ERROR_FORM_EXPIRED,
    ERROR_TOO_MANY,
    client_key,
    form_nonce,
    public_survey_create,
)
from kohtaamo.feedback.services import ERROR_COMMENT_TOO_LONG

FILLED = {"nps": "9", "csat": "5", "ces": "6", "comment": "Ihana aamiainen!"}


def _answer(**values: str) -> dict[str, str]:
    """A filled-in form as the page hands it out, with its one-time value."""
    return {**FILLED, "nonce": form_nonce(), **values}


@pytest.fixture
def public(cast: Cast, survey: Survey) -> PublicSurvey:
    return public_survey_create(unit=cast.hotel, survey=survey, by=cast.manager)


def _url(public: PublicSurvey, **query: str) -> str:
    url = reverse("feedback:public_survey", kwargs={"code": public.code})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def _post(client: Client, url: str, data: dict[str, str]) -> Any:
    """Load the page first, as a browser does, and post with its tokens."""
    page = client.get(url)
    nonce = page.text.split('name="nonce" value="')[1].split('"')[0]
    token = page.cookies["csrftoken"].value
    return client.post(url, {**data, "nonce": nonce, "csrfmiddlewaretoken": token})


def test_manager_creates_a_qr_survey_and_sees_its_code(cast: Cast, survey: Survey) -> None:
    client = page_client(cast.manager)
    response = client.post(
        reverse("feedback:public_list"), {"unit": cast.hotel.pk, "survey": survey.pk}
    )
    created = PublicSurvey.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("feedback:public_detail", args=[created.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert (
        "<svg" in page.text
        and "<title>QR code of the survey of Hotelli Helsinki</title>" in page.text
    )
    assert f"http://127.0.0.1:8000/q/{created.code}/" in page.text
    assert "<script" not in page.text.split("<main")[1]


def test_manager_cannot_make_one_for_a_unit_outside_their_reach(cast: Cast, survey: Survey) -> None:
    response = page_client(cast.manager).post(
        reverse("feedback:public_list"), {"unit": cast.other_unit.pk, "survey": survey.pk}
    )
    assert response.status_code == 400
    assert PublicSurvey.objects.count() == 0


def test_anyone_answers_and_the_answer_is_kept_apart_as_unverified(
    public: PublicSurvey,
) -> None:
    client = Client(enforce_csrf_checks=True)
    response = _post(client, _url(public, lang="fi"), FILLED)
    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert "Kiitos vastauksestasi" in thanks.text
    stored = PublicResponse.objects.get()
    assert (stored.nps, stored.csat, stored.ces, stored.comment) == (9, 5, 6, "Ihana aamiainen!")
    assert stored.language == "fi"
    assert stored.client_key == client_key(address="127.0.0.1")
    assert Response.objects.count() == 0


def test_the_qr_page_asks_no_consent_and_stays_small(public: PublicSurvey) -> None:
    response = Client().get(_url(public, lang="en"))
    assert response.status_code == 200
    assert "consent_contact" not in response.text
    assert "<script" not in response.text
    css = Client().get("/static/feedback/survey.css")
    total = len(response.content) + len(b"".join(css.streaming_content))  # type: ignore[attr-defined]
    assert total <= 30 * 1024


def test_too_many_answers_from_one_client_get_a_friendly_refusal(
    public: PublicSurvey, settings: Any
) -> None:
    settings.KOHTAAMO_PUBLIC_SURVEY_LIMIT = 2
    client = Client()
    for _ in range(2):
        assert client.post(_url(public, lang="en"), _answer()).status_code == 302
    response = client.post(_url(public, lang="en"), _answer())
    assert response.status_code == 429
    assert en(ERROR_TOO_MANY) in response.text
    assert PublicResponse.objects.count() == 2
    # another client is not limited
    other = Client(REMOTE_ADDR="10.0.0.7")
    assert other.post(_url(public), _answer()).status_code == 302


def test_behind_a_proxy_the_limit_counts_the_address_the_proxy_saw(
    public: PublicSurvey, settings: Any
) -> None:
    settings.KOHTAAMO_BEHIND_PROXY = True
    settings.KOHTAAMO_PUBLIC_SURVEY_LIMIT = 1
    client = Client()
    headers = {"X-Forwarded-For": "forged, 192.0.2.10"}
    assert client.post(_url(public), _answer(), headers=headers).status_code == 302
    # a new forged first entry does not get round the limit
    again = {"X-Forwarded-For": "other-forgery, 192.0.2.10"}
    assert client.post(_url(public), _answer(), headers=again).status_code == 429
    assert PublicResponse.objects.get().client_key == client_key(address="192.0.2.10")


def test_bad_values_get_messages_and_store_nothing(public: PublicSurvey) -> None:
    client = Client()
    response = client.post(
        _url(public, lang="en"), {"nps": "11", "csat": "", "ces": "abc", "nonce": form_nonce()}
    )
    assert response.status_code == 400
    assert response.text.count(en(ERROR_CHOOSE_ONE)) == 3
    huge = client.post(_url(public, lang="en"), _answer(comment="x" * 1_000_000))
    assert huge.status_code == 400
    assert en(ERROR_COMMENT_TOO_LONG) % {"limit_value": 4000} in huge.text
    assert PublicResponse.objects.count() == 0


def test_html_in_a_comment_is_stored_as_text_and_shown_escaped(
    public: PublicSurvey, cast: Cast
) -> None:
    client = Client()
    client.post(_url(public), _answer(comment="<script>alert(1)</script>"))
    assert PublicResponse.objects.get().comment == "<script>alert(1)</script>"
    admin_page = page_client(cast.admin).get(
        reverse("admin:feedback_publicresponse_change", args=[PublicResponse.objects.get().pk])
    )
    assert "<script>alert(1)</script>" not in admin_page.text


def test_closed_or_unknown_qr_survey_gets_the_friendly_page(public: PublicSurvey) -> None:
    PublicSurvey.objects.update(active=False)
    for url in (_url(public), reverse("feedback:public_survey", kwargs={"code": "nope"})):
        response = Client().post(url, _answer())
        assert response.status_code == 404
    assert PublicResponse.objects.count() == 0


def test_replayed_post_stores_one_answer_and_says_thank_you(public: PublicSurvey) -> None:
    # given one filled-in form, posted again (a reload, the back button, a script)
    client = Client()
    data = _answer()
    assert client.post(_url(public, lang="en"), data).status_code == 302
    replay = client.post(_url(public, lang="en"), data)
    # then one answer is stored and the replay is thanked, not stored
    assert replay.status_code == 302
    assert "kiitos=1" in replay["Location"]
    assert PublicResponse.objects.count() == 1


def test_forged_or_missing_one_time_value_is_refused_with_a_message(
    public: PublicSurvey,
) -> None:
    client = Client()
    for nonce in ("", "forged", form_nonce() + "x"):
        response = client.post(_url(public, lang="en"), {**FILLED, "nonce": nonce})
        assert response.status_code == 400
        assert en(ERROR_FORM_EXPIRED) in response.text
    assert PublicResponse.objects.count() == 0


def test_html_in_a_unit_name_is_escaped_on_the_qr_sheet(cast: Cast, survey: Survey) -> None:
    from kohtaamo.org.models import Unit

    Unit.objects.filter(pk=cast.hotel.pk).update(name="<b>Hotelli</b>")
    public = public_survey_create(unit=cast.hotel, survey=survey, by=cast.manager)
    page = page_client(cast.manager).get(reverse("feedback:public_detail", args=[public.pk]))
    assert "<b>Hotelli</b>" not in page.text
    assert "&lt;b&gt;Hotelli&lt;/b&gt;" in page.text
    answering = Client().get(_url(public))
    assert "<b>Hotelli</b>" not in answering.text
