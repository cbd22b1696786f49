"""The demo organisation: the Aurora hotel and spa chain.

Three regions, eight units under them (hotels, a spa, a customer service
centre and an airport service desk, at depths one and two) and twelve teams.
The structure is the same for every seed; the seed picks the people.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    parent: str | None = None


@dataclass(frozen=True)
class TeamSpec:
    code: str
    name: str
    unit: str
    kind: str  # a key of vocabulary.activity.ACTIVITIES
    agents: int
    volume: int  # share of the encounters, out of 20,000
    hotel: str | None  # the hotel the team's customers talk about; None: any
    languages: tuple[float, float, float]  # share of fi, sv, en customers
    busier_towards_christmas: bool = False


# Parents come before their children: they are created in this order.
UNITS = (
    UnitSpec("aurora-etela", "Etelä-Suomi"),
    UnitSpec("aurora-lansi", "Länsi-Suomi"),
    UnitSpec("aurora-pohjoinen", "Pohjois-Suomi ja Lappi"),
    UnitSpec("aurora-helsinki", "Hotelli Aurora Helsinki", "aurora-etela"),
    UnitSpec("aurora-asiakaspalvelu", "Aurora-asiakaspalvelukeskus", "aurora-etela"),
    UnitSpec("aurora-turku", "Hotelli Aurora Turku", "aurora-lansi"),
    UnitSpec("aurora-naantali", "Kylpylähotelli Aurora Naantali", "aurora-lansi"),
    UnitSpec("aurora-naantali-kylpyla", "Aurora Spa Naantali", "aurora-naantali"),
    UnitSpec("aurora-oulu", "Hotelli Aurora Oulu", "aurora-pohjoinen"),
    UnitSpec("aurora-rovaniemi", "Hotelli Aurora Rovaniemi", "aurora-pohjoinen"),
    UnitSpec(
        "aurora-rovaniemi-lentoasema",
        "Palvelupiste Rovaniemen lentoasema",
        "aurora-rovaniemi",
    ),
)

REGION_CODES = tuple(u.code for u in UNITS if u.parent is None)

HOTELS = {
    "helsinki": "Hotelli Aurora Helsinki",
    "turku": "Hotelli Aurora Turku",
    "naantali": "Kylpylähotelli Aurora Naantali",
    "oulu": "Hotelli Aurora Oulu",
    "rovaniemi": "Hotelli Aurora Rovaniemi",
}

TEAMS = (
    TeamSpec(
        "aurora-hki-vastaanotto", "Vastaanotto, Helsinki", "aurora-helsinki",
        "front_desk", 5, 2500, "helsinki", (0.72, 0.12, 0.16),
    ),
    TeamSpec(
        "aurora-hki-ravintola", "Ravintola ja aamiainen, Helsinki", "aurora-helsinki",
        "restaurant", 3, 1100, "helsinki", (0.74, 0.10, 0.16),
    ),
    TeamSpec(
        "aurora-hki-myynti", "Kokous- ja ryhmämyynti", "aurora-helsinki",
        "sales", 2, 500, "helsinki", (0.86, 0.08, 0.06),
    ),
    TeamSpec(
        "aurora-apk-puhelin", "Puhelinpalvelu", "aurora-asiakaspalvelu",
        "phone_centre", 6, 4200, None, (0.82, 0.10, 0.08),
    ),
    TeamSpec(
        "aurora-apk-chat", "Chat ja sähköposti", "aurora-asiakaspalvelu",
        "chat_email", 5, 3300, None, (0.80, 0.09, 0.11),
    ),
    TeamSpec(
        "aurora-apk-kanta-asiakas", "Kanta-asiakaspalvelu", "aurora-asiakaspalvelu",
        "loyalty", 3, 1400, None, (0.84, 0.10, 0.06),
    ),
    TeamSpec(
        "aurora-tku-vastaanotto", "Vastaanotto, Turku", "aurora-turku",
        "front_desk", 4, 1600, "turku", (0.72, 0.20, 0.08),
    ),
    TeamSpec(
        "aurora-ntl-vastaanotto", "Vastaanotto, Naantali", "aurora-naantali",
        "front_desk", 3, 1200, "naantali", (0.70, 0.24, 0.06),
    ),
    TeamSpec(
        "aurora-ntl-kylpyla", "Kylpylä ja hoidot, Naantali", "aurora-naantali-kylpyla",
        "spa", 3, 1300, "naantali", (0.70, 0.24, 0.06),
    ),
    TeamSpec(
        "aurora-oulu-vastaanotto", "Vastaanotto, Oulu", "aurora-oulu",
        "front_desk", 3, 1200, "oulu", (0.90, 0.02, 0.08),
    ),
    TeamSpec(
        "aurora-rvn-vastaanotto", "Vastaanotto ja retket, Rovaniemi", "aurora-rovaniemi",
        "front_desk_lapland", 3, 1200, "rovaniemi", (0.50, 0.03, 0.47),
        busier_towards_christmas=True,
    ),
    TeamSpec(
        "aurora-rvn-lentoasema", "Palvelupiste, Rovaniemen lentoasema",
        "aurora-rovaniemi-lentoasema", "airport_desk", 2, 500, "rovaniemi",
        (0.45, 0.03, 0.52), busier_towards_christmas=True,
    ),
)  # fmt: skip

# Managers of a unit and everything under it: one per region, and the heads
# of the customer service centre and of the spa hotel.
MANAGED_UNITS = (
    "aurora-etela",
    "aurora-lansi",
    "aurora-pohjoinen",
    "aurora-asiakaspalvelu",
    "aurora-naantali",
)

# Agents who also work in a second team of the same place: (from, also in).
SECOND_TEAMS = (
    ("aurora-hki-vastaanotto", "aurora-hki-ravintola"),
    ("aurora-apk-chat", "aurora-apk-puhelin"),
    ("aurora-ntl-vastaanotto", "aurora-ntl-kylpyla"),
    ("aurora-rvn-vastaanotto", "aurora-rvn-lentoasema"),
)

# Whose logins the demo prints: the manager of the south region, and the lead
# and an agent of the phone service, whose calls have the most transcripts.
LOGIN_MANAGER_UNIT = "aurora-etela"
LOGIN_TEAM = "aurora-apk-puhelin"

# Share of staff with a Swedish name: higher on the south-west coast.
SWEDISH_NAME_SHARE = {"aurora-tku": 0.3, "aurora-ntl": 0.35, "aurora-hki": 0.2}
SWEDISH_NAME_SHARE_DEFAULT = 0.12
