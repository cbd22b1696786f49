"""What customers write in the survey's comment box, by how happy they were
and in their own language, and what a lead notes after calling one back.

`{agent}` is the first name of the person who served the customer.
"""

from __future__ import annotations

PROMOTER = "promoter"
PASSIVE = "passive"
DETRACTOR = "detractor"

COMMENTS: dict[str, dict[str, tuple[str, ...]]] = {
    "fi": {
        PROMOTER: (
            "Kiitos {agent}, asia hoitui nopeasti ja ystävällisesti!",
            "Erittäin hyvää palvelua. {agent} kuunteli ja tarkisti vielä, että ymmärsi oikein.",
            "Huone oli valmiina jo ennen kolmea, iso kiitos!",
            "{agent} lupasi soittaa takaisin ja soittikin sovittuun aikaan. Harvinaista nykyään.",
            "Aamiainen oli loistava ja gluteenittomat vaihtoehdot oli mietitty hyvin.",
            "Sain vastauksen heti enkä joutunut selittämään asiaa kahteen kertaan.",
            "Ihana henkilökunta, tulemme varmasti uudestaan.",
            "Varauksen muutos onnistui puhelimessa parissa minuutissa.",
            "Virhe laskussa korjattiin heti ja pahoittelu tuntui aidolta.",
            "Kylpylähoito oli rentouttava ja aikataulu piti.",
            "Kiitos joustavuudesta myöhäisen uloskirjautumisen kanssa!",
            "{agent} ehdotti itse parempaa ratkaisua kuin osasin pyytää.",
            "Asiallista, lämmintä ja kiireetöntä palvelua.",
        ),
        PASSIVE: (
            "Asia hoitui, mutta jonotin puhelimessa aika pitkään.",
            "Ihan ok, ei valittamista mutta ei mitään erityistäkään.",
            "Vastaus tuli, mutta vasta toisella yhteydenotolla.",
            "Palvelu oli ystävällistä, huone tosin hieman meluisa.",
            "Pysäköinnistä olisi saanut kertoa selkeämmin jo varausvaiheessa.",
            "Hyvä lopputulos, vaikka chatissa kesti hetki ennen kuin joku vastasi.",
            "Aamiaisella oli ruuhkaa ja osa tarjottavista loppui.",
            "Sain avun, mutta ohjeet olivat vähän sekavat.",
        ),
        DETRACTOR: (
            "Jonotin yli puoli tuntia eikä asia silti ratkennut.",
            "Minulle luvattiin soitto takaisin, mutta kukaan ei soittanut.",
            "Laskussa oli virhe, eikä kukaan tuntunut ottavan vastuuta.",
            "Asiakaspalvelija ei kuunnellut vaan oletti, mitä tarkoitin.",
            "Huone ei ollut siivottu saapuessamme, ja jouduimme odottamaan tunnin.",
            "Minut ohjattiin verkkolomakkeelle, vaikka olin jo täyttänyt sen kahdesti.",
            "Tuntui, että minulla oli kiire pois linjalta.",
            "Hyvitystä ei luvattu, vaikka virhe oli selvästi teidän.",
            "Sain kolmelta eri ihmiseltä kolme eri vastausta.",
            "Kanta-asiakasetuni eivät näkyneet, eikä asiaa korjattu.",
        ),
    },
    "sv": {
        PROMOTER: (
            "Tack {agent}, snabb och vänlig service!",
            "{agent} lyssnade och kontrollerade att hen hade förstått rätt. Mycket bra.",
            "Rummet var klart tidigt, stort tack!",
            "Smidig ändring av bokningen per telefon.",
            "Härlig personal, vi kommer gärna tillbaka.",
        ),
        PASSIVE: (
            "Det ordnade sig, men jag fick vänta länge i telefon.",
            "Helt okej, men informationen om parkeringen var otydlig.",
            "Bra till slut, fast det tog två kontakter.",
        ),
        DETRACTOR: (
            "Jag blev lovad ett samtal tillbaka, men ingen ringde.",
            "Fel på fakturan och ingen tog ansvar.",
            "Kundtjänsten lyssnade inte utan antog vad jag menade.",
            "Vi fick vänta en timme på att rummet skulle städas.",
        ),
    },
    "en": {
        PROMOTER: (
            "Thank you {agent}, quick and friendly help!",
            "{agent} listened and checked that they had understood me. Excellent.",
            "Early check-in was a lovely surprise. Thanks!",
            "The spa treatment was wonderful and right on time.",
            "Great staff, we will definitely be back.",
        ),
        PASSIVE: (
            "Sorted in the end, but I waited a long time on the phone.",
            "Fine overall, though the parking instructions were unclear.",
            "Good result, but it took two contacts.",
        ),
        DETRACTOR: (
            "I was promised a call back and nobody called.",
            "There was an error on the bill and nobody took responsibility.",
            "The agent did not listen and assumed what I meant.",
            "Our room was not cleaned when we arrived and we waited an hour.",
        ),
    },
}

# What the lead notes after the call-back, by outcome.
FOLLOWUP_NOTES: dict[str, tuple[str, ...]] = {
    "resolved": (
        "Soitin asiakkaalle ja pahoittelin. Hyvitimme yhden yön aamiaisen.",
        "Asiakas oli tyytyväinen, kun asia korjattiin saman päivän aikana.",
        "Kävimme tilanteen läpi; laskuvirhe korjattu ja uusi lasku lähetetty.",
        "Pahoittelin viivettä ja sovimme uuden ajan. Asiakas kiitti yhteydenotosta.",
        "Käyn tapauksen läpi tiimin aamupalaverissa: muistetaan tarkistaa ja luvata vain se, mikä pidetään.",
    ),
    "not_reached": (
        "Soitin kahdesti, ei vastausta. Lähetin sähköpostin.",
        "Asiakas ei vastannut; jätin viestin vastaajaan.",
    ),
    "customer_declined": ("Asiakas kiitti soitosta, mutta ei halunnut käydä asiaa enempää läpi.",),
    "other": (
        "Asia siirretty kiinteistöhuollolle; asiakas saa tiedon korjauksesta.",
        "Välitetty kanta-asiakasohjelman tiimille selvitettäväksi.",
    ),
}
