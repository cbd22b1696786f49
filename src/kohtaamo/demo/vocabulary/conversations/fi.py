"""Finnish: the staff address the customer politely with "te"."""

from __future__ import annotations

from kohtaamo.demo.vocabulary.conversations import LanguagePack, Place
from kohtaamo.demo.vocabulary.conversations.fi_cases_booking import BOOKING_CASES
from kohtaamo.demo.vocabulary.conversations.fi_cases_membership import MEMBERSHIP_CASES
from kohtaamo.demo.vocabulary.conversations.fi_cases_stay import STAY_CASES

PACK = LanguagePack(
    code="fi",
    desk={
        "front_desk": "{hotel}, vastaanotto",
        "front_desk_lapland": "{hotel}, vastaanotto",
        "restaurant": "{hotel}, ravintola",
        "sales": "Aurora-hotellien kokousmyynti",
        "phone_centre": "Aurora-hotellien asiakaspalvelu",
        "chat_email": "Aurora-hotellien asiakaspalvelu",
        "loyalty": "Aurora Plus -kanta-asiakaspalvelu",
        "spa": "Aurora Spa Naantali",
        "airport_desk": "Auroran palvelupiste, Rovaniemen lentoasema",
    },
    places={
        "helsinki": Place("Hotelli Aurora Helsinki", "Helsinki", "Helsingissä", "Helsinkiin"),
        "turku": Place("Hotelli Aurora Turku", "Turku", "Turussa", "Turkuun"),
        "naantali": Place(
            "Kylpylähotelli Aurora Naantali", "Naantali", "Naantalissa", "Naantaliin"
        ),
        "oulu": Place("Hotelli Aurora Oulu", "Oulu", "Oulussa", "Ouluun"),
        "rovaniemi": Place("Hotelli Aurora Rovaniemi", "Rovaniemi", "Rovaniemellä", "Rovaniemelle"),
    },
    greeting={
        "phone": (
            "{desk}, {agent} puhelimessa. Miten voin auttaa?",
            "{good_day}, {desk}, täällä {agent}. Kuinka voin auttaa?",
            "Kiitos, kun odotitte. {desk}, {agent} palvelee. Miten voin auttaa?",
            "{desk}, {agent}, hei. Mitä asiaa teillä olisi?",
        ),
        "chat": (
            "Hei ja tervetuloa Aurora-hotellien chattiin! Täällä {agent}, miten voin auttaa?",
            "Hei! {agent} täällä Auroran asiakaspalvelusta. Kuinka voin auttaa?",
            "{good_day}, {agent} Aurora-hotellien asiakaspalvelusta. Mitä asiaa teillä olisi?",
        ),
    },
    curt_greeting={
        "phone": ("{desk}.", "{agent}.", "Asiakaspalvelu, {agent}, mitä asiaa?"),
        "chat": ("Hei.", "Hei, mitä asiaa?"),
    },
    hello=("Hei.", "Hei!", "{good_day}.", "Moi.", ""),
    acknowledge_problem=(
        "Voi harmi, ikävä kuulla. Selvitetään tämä.",
        "Kiitos, että kerroitte tästä.",
        "Ymmärrän, tuo ei kuulosta hyvältä. Katsotaan asiaa.",
        "Hyvä, että otitte yhteyttä heti.",
    ),
    acknowledge_request=(
        "Totta kai, katsotaan.",
        "Mielellään autan.",
        "Selvä, katsotaan yhdessä.",
        "Onnistuu varmasti, katsotaan.",
    ),
    verify=(
        "Ymmärsinkö oikein, että {summary}?",
        "Varmistan vielä, että ymmärsin oikein: {summary}, pitääkö paikkansa?",
        "Eli jos ymmärsin oikein, {summary}?",
        "Katsotaan, että minulla on tämä oikein: {summary}. Näinkö?",
    ),
    confirm=(
        "Kyllä, juuri niin.",
        "Joo, niin se on.",
        "Kyllä.",
        "Juuri näin.",
        "Kyllä, pitää paikkansa.",
    ),
    thanks=(
        "Kiitos paljon, tämä auttoi tosi paljon.",
        "Hienoa, kiitos!",
        "Kiitos, kuulostaa hyvältä.",
        "Kiitos, tämähän hoitui nopeasti.",
        "Ihanaa, kiitos avusta.",
    ),
    anything_else=(
        "Voinko auttaa vielä jossain muussa?",
        "Oliko vielä jotain muuta, missä voin auttaa?",
        "Tuleeko mieleen vielä jotain muuta?",
    ),
    nothing_else=("Ei, tässä oli kaikki. Kiitos!", "Ei muuta, kiitos.", "Ei tällä kertaa, kiitos."),
    closing={
        "phone": (
            "Kiitos soitostanne ja {wish}!",
            "Kiitos, kun soititte. Oikein {wish}!",
            "Kiitos yhteydenotosta ja {wish}!",
        ),
        "chat": ("Kiitos yhteydenotosta ja {wish}!", "Mukava, että sain auttaa. Oikein {wish}!"),
    },
    goodbye={
        "phone": ("Kiitos samoin, hei hei.", "Kiitos, kuulemiin.", "Kiitos, hei."),
        "chat": ("Kiitos, moi!", "Kiitti, hei.", "Kiitos samoin!"),
    },
    wishes=("mukavaa päivänjatkoa", "mukavaa illanjatkoa"),
    times_of_day=("Hyvää huomenta", "Hyvää päivää", "Hyvää iltaa"),
    upset_opening=(
        "Nyt on kyllä pakko sanoa, että olen tosi pettynyt.",
        "Anteeksi, mutta olen nyt aika vihainen.",
        "Tämä on kyllä ihan uskomatonta.",
        "Haluan tehdä valituksen.",
    ),
    apology=(
        "Olen todella pahoillani. Tämä ei ole sitä palvelua, jota haluamme antaa.",
        "Pahoittelen tätä todella paljon. Ymmärrän hyvin, että olette harmissanne.",
        "Olen pahoillani, että joudutte ottamaan tästä yhteyttä. Haluan selvittää asian kunnolla.",
    ),
    still_upset=("No niin.", "Kerroin tämän jo aiemmin, mutta kerron uudestaan.", "Niin.", ""),
    admit=(
        "Olette aivan oikeassa, tässä on tapahtunut virhe meidän puolellamme: {mistake}.",
        "Virhe on meidän, ja myönnän sen suoraan: {mistake}.",
        "Tämä on meidän virheemme, {mistake}. Pahoittelen sitä.",
    ),
    generic_promise=(
        "Soitan teille {due} ja kerron, miten asia on edennyt.",
        "Hoidan tämän itse loppuun ja olen teihin yhteydessä {due}.",
    ),
    calming=(
        "No hyvä. Kiitos, että otitte tämän tosissanne.",
        "Okei. Tuo kuulostaa jo paremmalta.",
        "Kiitos. Arvostan, että myönsitte virheen.",
        "No niin, hyvä että asia nyt hoituu. Anteeksi, että tiuskin alussa.",
    ),
    recovery_closing=(
        "Pahoittelen vielä kerran, ja kiitos, että kerroitte tästä suoraan. Oikein {wish}!",
        "Kiitos kärsivällisyydestänne, ja vielä kerran anteeksi. {wish_cap}!",
    ),
    assume=(
        "Kyse on varmaan siitä, että {wrong_guess}.",
        "Joo, tämä on varmaan taas sitä, että {wrong_guess}.",
        "Ahaa. Luultavasti {wrong_guess}.",
    ),
    correct=(
        "Ei, ei ole kyse siitä. {answer}",
        "Ei, ei. {answer}",
        "Ette nyt kuuntele. {answer}",
    ),
    rush=(
        "Tämän voi hoitaa kätevimmin verkkosivujen lomakkeella, sieltä se menee oikeaan paikkaan.",
        "Meillä on nyt tosi kiire. Voisitteko laittaa asiasta sähköpostia?",
        "Joo, kirjaan tämän ylös. Oliko muuta?",
        "Tälle en voi tästä tehdä mitään, se on eri osaston asia.",
    ),
    pushback=(
        "Enkö voi hoitaa tätä nyt, kun kerran otin yhteyttä?",
        "Eli kukaan ei nyt siis hoida tätä?",
        "Hetkinen, en ehtinyt vielä edes kertoa kaikkea.",
        "Odottakaa, eikö tätä voi tarkistaa nyt?",
    ),
    vague=(
        "Laitan viestin eteenpäin, joku katsoo sitä sitten, kun ehtii.",
        "Kyllä se varmaan järjestyy jotenkin.",
        "Sitä en osaa sanoa. Joku ottaa yhteyttä, jos tarvitsee.",
        "Yritetään katsoa sitä joskus ensi viikolla.",
    ),
    unhappy_end=(
        "Aha. No, kiitos sitten vaan.",
        "Tämä ei kyllä ratkaissut yhtään mitään.",
        "Selvä. Taidan varata jatkossa jostain muualta.",
        "No, hei sitten.",
    ),
    dismissive_closing=("Joo, hei.", "Hyvää päivänjatkoa.", ""),
    due={
        "soon": (
            "vartin sisällä",
            "puolen tunnin sisällä",
            "ihan hetken päästä, viimeistään puolen tunnin sisällä",
        ),
        "today": (
            "tänään ennen kello {hour}",
            "tänään kello {hour} mennessä",
            "vielä tänään, viimeistään kello {hour}",
        ),
        "tomorrow": (
            "huomenna klo 12 mennessä",
            "huomenna ennen kello {hour}",
            "huomenna aamupäivän aikana, viimeistään kello 11",
        ),
        "days": (
            "{weekday} kello {hour} mennessä",
            "viimeistään {weekday}",
            "kahden arkipäivän kuluessa",
        ),
    },
    weekdays=(
        "maanantaina",
        "tiistaina",
        "keskiviikkona",
        "torstaina",
        "perjantaina",
        "lauantaina",
        "sunnuntaina",
    ),
    cases=STAY_CASES + BOOKING_CASES + MEMBERSHIP_CASES,
)
