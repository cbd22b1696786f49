"""The public QR survey of a unit: staff pages, the answering page, the
rate limit and bad input (issue 4)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from kohtaamo.conftest import Cast
from kohtaamo.core.tests.pages import en, page_client
from kohtaamo.feedback.forms import ERROR_CHOOSE_ONE
from kohtaamo.feedback.models import PublicResponse, PublicSurvey, Response, Survey
from kohtaamo.feedback.public import (
    ERROR_FORM_EXPIRED,
    ERROR_TOO_MANY,
    client_key,
    device_key,
    form_nonce,
    public_survey_create,
)
from kohtaamo.feedback.services import ERROR_COMMENT_TOO_LONG
from kohtaamo.feedback.views.public import DEVICE_COOKIE, DEVICE_COOKIE_SALT

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
    """Load the page first, as a browser does, and post with its tokens.

    The page is asked for as the thanks page's link to another answer asks
    for it: a device that has just answered gets the thanks otherwise."""
    another = f"uusi={int(time.time() * 1000)}"
    page = client.get(url + ("&" if "?" in url else "?") + another)
    nonce = page.text.split('name="nonce" value="')[1].split('"')[0]
    token = page.cookies["csrftoken"].value
    return client.post(url, {**data, "nonce": nonce, "csrfmiddlewaretoken": token})


def _device_id(client: Client) -> str:
    """The id in the device cookie the client's form page set."""
    request = RequestFactory().get("/")
    request.COOKIES[DEVICE_COOKIE] = client.cookies[DEVICE_COOKIE].value
    return str(request.get_signed_cookie(DEVICE_COOKIE, salt=DEVICE_COOKIE_SALT))


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
    assert stored.device_key == device_key(device_id=_device_id(client))
    assert Response.objects.count() == 0


def test_the_qr_page_asks_no_consent_and_stays_small(public: PublicSurvey) -> None:
    response = Client().get(_url(public, lang="en"))
    assert response.status_code == 200
    assert "consent_contact" not in response.text
    assert "<script" not in response.text
    css = Client().get("/static/feedback/survey.css")
    total = len(response.content) + len(b"".join(css.streaming_content))  # type: ignore[attr-defined]
    assert total <= 30 * 1024


def test_the_form_page_gives_an_http_only_same_site_device_cookie(
    public: PublicSurvey,
) -> None:
    response = Client().get(_url(public, lang="en"))
    cookie = response.cookies[DEVICE_COOKIE]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["max-age"] == 365 * 24 * 3600
    assert cookie["secure"] == ""
    # Only this survey's page gets it back: it is the one place that reads it.
    assert cookie["path"] == reverse("feedback:public_survey", kwargs={"code": public.code})
    assert Client().get(_url(public), secure=True).cookies[DEVICE_COOKIE]["secure"] is True


def test_a_device_keeps_its_cookie_from_one_showing_of_the_form_to_the_next(
    public: PublicSurvey,
) -> None:
    client = Client()
    client.get(_url(public))
    first = _device_id(client)
    again = client.get(_url(public))
    assert DEVICE_COOKIE not in again.cookies
    assert _device_id(client) == first


def test_eleven_guests_on_one_wifi_can_all_answer(public: PublicSurvey, settings: Any) -> None:
    # given the default limits and eleven phones behind a lobby's one address
    assert settings.KOHTAAMO_PUBLIC_SURVEY_LIMIT == 10
    phones = [Client(enforce_csrf_checks=True) for _ in range(11)]
    # when each answers once
    statuses = [_post(phone, _url(public, lang="en"), FILLED).status_code for phone in phones]
    # then every answer is stored, under the one address and each phone's own device
    assert statuses == [302] * 11
    stored = PublicResponse.objects.all()
    assert {answer.client_key for answer in stored} == {client_key(address="127.0.0.1")}
    assert sorted(answer.device_key for answer in stored) == sorted(
        device_key(device_id=_device_id(phone)) for phone in phones
    )


def test_one_device_is_refused_after_its_share_with_a_friendly_message(
    public: PublicSurvey, settings: Any
) -> None:
    # given a limit of two answers per device, and a phone that sent two
    settings.KOHTAAMO_PUBLIC_SURVEY_LIMIT = 2
    phone = Client(enforce_csrf_checks=True)
    for _ in range(2):
        assert _post(phone, _url(public, lang="en"), FILLED).status_code == 302
    # when it sends a third, also from another network
    response = _post(phone, _url(public, lang="en"), FILLED)
    phone.defaults["REMOTE_ADDR"] = "10.0.0.7"
    elsewhere = _post(phone, _url(public, lang="en"), FILLED)
    # then it is refused with the friendly page and nothing is stored
    assert (response.status_code, elsewhere.status_code) == (429, 429)
    assert en(ERROR_TOO_MANY) in response.text
    assert PublicResponse.objects.count() == 2
    # while another phone on the same address still answers
    assert _post(Client(), _url(public), FILLED).status_code == 302


def test_the_address_limit_refuses_every_device_once_reached(
    public: PublicSurvey, settings: Any
) -> None:
    # given an address limit of three answers
    settings.KOHTAAMO_PUBLIC_SURVEY_ADDRESS_LIMIT = 3
    # when four phones behind one address answer once each
    statuses = [_post(Client(), _url(public, lang="en"), FILLED) for _ in range(4)]
    # then the fourth is refused and three are stored
    assert [response.status_code for response in statuses] == [302, 302, 302, 429]
    assert en(ERROR_TOO_MANY) in statuses[-1].text
    assert PublicResponse.objects.count() == 3
    # while a phone at another address still answers
    assert _post(Client(REMOTE_ADDR="10.0.0.7"), _url(public), FILLED).status_code == 302


def test_a_tampered_device_cookie_does_not_reset_the_device_count(
    public: PublicSurvey, settings: Any
) -> None:
    # given a phone that has sent its two answers
    settings.KOHTAAMO_PUBLIC_SURVEY_LIMIT = 2
    phone = Client()
    for _ in range(2):
        assert _post(phone, _url(public), FILLED).status_code == 302
    signed = phone.cookies[DEVICE_COOKIE].value
    other = HttpResponse()
    other.set_signed_cookie(DEVICE_COOKIE, "fresh", salt="another purpose")
    other_salt = other.cookies[DEVICE_COOKIE].value
    # when it posts again with its cookie forged, altered or signed for something else
    for tampered in ("forged", "x" + signed[1:], signed + "x", other_salt):
        phone.cookies[DEVICE_COOKIE] = tampered
        response = phone.post(_url(public, lang="en"), _answer())
        # then it counts as its address, which has sent two: still refused
        assert response.status_code == 429
        assert en(ERROR_TOO_MANY) in response.text
    assert PublicResponse.objects.count() == 2


def test_posts_without_a_device_cookie_count_as_one_device_per_address(
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
    assert set(PublicResponse.objects.values_list("device_key", flat=True)) == {""}
    # another address is not limited
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


def test_going_back_to_the_form_just_after_answering_shows_the_thanks(
    public: PublicSurvey,
) -> None:
    # given a phone that has just answered in Swedish
    phone = Client()
    assert _post(phone, _url(public, lang="sv"), FILLED).status_code == 302
    # when it asks for the form again, as the back button does
    back = phone.get(_url(public, lang="sv"))
    # then it gets the thanks, whose language links keep the thanks
    assert back.status_code == 200
    assert 'name="nonce"' not in back.text
    assert 'href="?lang=fi&amp;kiitos=1"' in back.text
    # and its link to another answer gives the form, until that one is sent
    link = back.text.split('class="another"><a href="')[1].split('"')[0].replace("&amp;", "&")
    assert 'name="nonce"' in phone.get(link).text
    assert phone.post(_url(public, lang="sv"), _answer()).status_code == 302
    assert 'name="nonce"' not in phone.get(link).text
    assert PublicResponse.objects.count() == 2
    # while another phone gets the form at once
    assert 'name="nonce"' in Client().get(_url(public, lang="sv")).text


def test_a_post_without_the_cookie_gets_a_friendly_page_in_the_surveys_language(
    public: PublicSurvey,
) -> None:
    # given a browser that keeps no cookies, on the Swedish form
    page = Client().get(_url(public, lang="sv"))
    nonce = page.text.split('name="nonce" value="')[1].split('"')[0]
    # when it sends the answers without the CSRF cookie
    refused = Client(enforce_csrf_checks=True).post(
        _url(public, lang="sv"), {**FILLED, "nonce": nonce}
    )
    # then a page in Swedish and the survey's look says why and leads back
    assert refused.status_code == 403
    assert refused["Content-Language"] == "sv"
    assert 'lang="sv"' in refused.text
    assert "survey.css" in refused.text
    assert 'href="/q/' in refused.text and "lang=sv" in refused.text
    assert "DEBUG" not in refused.text
    assert PublicResponse.objects.count() == 0


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
