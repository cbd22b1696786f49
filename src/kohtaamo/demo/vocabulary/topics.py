"""What customers contact the chain about, and how it ends, as the staff
would write it into the system (in Finnish, whatever the customer spoke)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    label: str
    outcomes: tuple[tuple[str, int], ...]  # (outcome, weight)


TOPICS: dict[str, Topic] = {
    "booking": Topic(
        "Huonevaraus",
        (("Varaus tehty", 6), ("Tietoa annettu", 3), ("Odottaa asiakkaan vahvistusta", 1)),
    ),
    "booking_change": Topic(
        "Varauksen muutos tai peruutus",
        (("Varaus muutettu", 5), ("Varaus peruttu", 3), ("Peruutusehdot selitetty", 1)),
    ),
    "early_checkin": Topic(
        "Aikainen sisäänkirjautuminen",
        (("Järjestetty", 6), ("Ei mahdollista, vaihtoehto tarjottu", 2)),
    ),
    "late_checkout": Topic(
        "Myöhäinen uloskirjautuminen",
        (("Järjestetty", 6), ("Järjestetty lisämaksusta", 3), ("Ei mahdollista", 1)),
    ),
    "room_problem": Topic(
        "Huoneen vika tai puute",
        (("Korjattu", 5), ("Huone vaihdettu", 2), ("Huoltopyyntö tehty", 3), ("Hyvitetty", 1)),
    ),
    "noise": Topic(
        "Häiriö tai melu",
        (("Ratkaistu", 5), ("Huone vaihdettu", 2), ("Hyvitetty", 1)),
    ),
    "invoice": Topic(
        "Lasku ja maksut",
        (
            ("Ratkaistu", 5),
            ("Korjattu lasku lähetetty", 3),
            ("Siirretty laskutukseen", 2),
            ("Hyvitetty", 1),
        ),
    ),
    "refund": Topic(
        "Hyvitys- tai korvauspyyntö",
        (("Hyvitetty", 4), ("Siirretty esihenkilölle", 2), ("Ei hyvitystä, perusteltu", 2)),
    ),
    "feedback": Topic(
        "Palaute hotellikäynnistä",
        (("Palaute kirjattu", 6), ("Välitetty hotellin johdolle", 2)),
    ),
    "loyalty": Topic(
        "Kanta-asiakasohjelma",
        (("Ratkaistu", 5), ("Pisteet lisätty", 3), ("Tietoa annettu", 3)),
    ),
    "lost_property": Topic(
        "Löytötavarat",
        (
            ("Löytyi, lähetetään postitse", 3),
            ("Löytyi, asiakas noutaa", 2),
            ("Ei löytynyt", 2),
            ("Etsintä kesken", 1),
        ),
    ),
    "breakfast": Topic(
        "Aamiainen",
        (("Tietoa annettu", 5), ("Järjestetty", 3), ("Palaute kirjattu", 1)),
    ),
    "diet": Topic("Ruokavaliot ja allergiat", (("Järjestetty", 5), ("Tietoa annettu", 3))),
    "table_booking": Topic(
        "Pöytävaraus", (("Varaus tehty", 7), ("Ei tilaa, vaihtoehto tarjottu", 2))
    ),
    "meeting_booking": Topic(
        "Kokous- ja ryhmävaraus",
        (("Tarjous lähetetty", 5), ("Varaus tehty", 3), ("Odottaa asiakkaan vahvistusta", 2)),
    ),
    "spa_booking": Topic(
        "Kylpylähoitovaraus",
        (("Varaus tehty", 6), ("Varaus muutettu", 2), ("Jonotuslistalla", 1)),
    ),
    "spa_info": Topic("Kylpylä ja aukioloajat", (("Tietoa annettu", 8),)),
    "gift_card": Topic(
        "Lahjakortit",
        (("Ratkaistu", 4), ("Voimassaoloa jatkettu", 2), ("Tietoa annettu", 3)),
    ),
    "parking": Topic("Pysäköinti ja sähköauton lataus", (("Tietoa annettu", 5), ("Ratkaistu", 3))),
    "transport": Topic("Kuljetukset", (("Kuljetus järjestetty", 5), ("Tietoa annettu", 3))),
    "excursion": Topic("Safarit ja retket", (("Varaus tehty", 5), ("Tietoa annettu", 3))),
    "luggage": Topic("Matkatavarat", (("Säilytys järjestetty", 5), ("Ratkaistu", 2))),
    "web_payment": Topic(
        "Verkkomaksu tai vahvistusviesti",
        (
            ("Ratkaistu", 5),
            ("Vahvistus lähetetty uudelleen", 3),
            ("Siirretty tekniseen tukeen", 1),
        ),
    ),
}

# How an encounter that went badly is written down.
UNRESOLVED_OUTCOMES = ("Ei ratkaistu", "Ohjattu verkkolomakkeelle", "Asiakas tyytymätön")
# How a recovered one is: the mistake fixed, often with a gesture.
RECOVERED_OUTCOMES = ("Ratkaistu, virhe korjattu", "Hyvitetty", "Ratkaistu, soitetaan perään")
