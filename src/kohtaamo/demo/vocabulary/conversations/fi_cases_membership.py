"""Finnish cases around the stay: the loyalty programme, gift cards, the
spa, online payments, meetings, Lapland and a thank-you."""

from __future__ import annotations

from kohtaamo.demo.vocabulary.conversations import Case

MEMBERSHIP_CASES = (
    Case(
        topic="loyalty",
        problem=(
            "Kanta-asiakaspisteitä ei ole tullut {past_date} alkaneesta yöpymisestä, vaikka annoin jäsennumeroni "
            "vastaanotossa.",
        ),
        upset=(
            "Pisteet puuttuvat taas, jo kolmannen kerran tänä vuonna. Joudun joka kerta soittamaan perään, "
            "ja alkaa tuntua, ettei kanta-asiakkuudella ole mitään väliä.",
        ),
        question=("Voisitteko kertoa jäsennumeronne ja missä hotellissa yövyitte?",),
        answer=("Jäsennumero on {member}, ja yövyin {city_in} kaksi yötä.",),
        summary=("jäsennumerolta {member} puuttuvat pisteet kahden yön yöpymisestä {city_in}",),
        wrong_guess=("pisteet eivät vain ole vielä ehtineet päivittyä",),
        action=("Näen, ettei jäsennumeroa ollut liitetty varaukseen. Lisään pisteet nyt käsin.",),
        promise=("Pisteet näkyvät jäsentilillänne {due}.",),
        due="tomorrow",
        mistake=("jäsennumero olisi pitänyt liittää varaukseen jo vastaanotossa",),
    ),
    Case(
        topic="loyalty",
        problem=(
            "Olen ollut Aurora Plus -tasolla, mutta nyt sovelluksessa lukee perustaso. Mitä on tapahtunut?",
        ),
        upset=(
            "Tasoni on pudotettu ilman mitään ilmoitusta, ja jouduin eilen maksamaan aamiaisesta, "
            "vaikka sen pitäisi kuulua etuihini.",
        ),
        question=("Muistatteko, montako yötä olette yöpyneet meillä tämän vuoden aikana?",),
        answer=(
            "Ainakin kaksitoista, ehkä enemmänkin. Olen käynyt työn takia melkein joka kuukausi.",
        ),
        summary=(
            "tasonne on pudonnut perustasolle, vaikka olette yöpyneet tänä vuonna ainakin kaksitoista yötä",
        ),
        wrong_guess=("ette ole yöpyneet tarpeeksi tason säilyttämiseksi",),
        action=(
            "Osa öistänne on kirjautunut vanhalle jäsennumerollenne. Yhdistän tilit, jolloin Plus-tasonne "
            "palautuu, ja hyvitän eilisen aamiaisen.",
        ),
        promise=("Soitan teille {due} ja varmistan, että taso näkyy taas oikein.",),
        due="days",
        mistake=(
            "tilienne yhdistäminen olisi pitänyt tehdä jo silloin, kun vaihdoitte sähköpostiosoitetta",
        ),
    ),
    Case(
        topic="gift_card",
        problem=(
            "Sain lahjaksi Auroran lahjakortin, mutta huomasin, että se vanheni viime kuussa. "
            "Voiko sitä vielä käyttää?",
        ),
        question=("Mikä on lahjakortin numero ja arvo?",),
        answer=("Numero on {giftcard}, ja arvo on {amount} euroa.",),
        summary=(
            "{amount} euron lahjakorttinne {giftcard} vanheni viime kuussa ennen kuin ehditte käyttää sitä",
        ),
        wrong_guess=("lahjakortti on jo käytetty",),
        action=(
            "Voin jatkaa lahjakortin voimassaoloa puolella vuodella, joten ehditte hyvin käyttää sen.",
        ),
        promise=("Lähetän päivitetyn lahjakortin sähköpostiinne {due}.",),
        due="today",
    ),
    Case(
        topic="spa_booking",
        request=True,
        problem=("Haluaisin varata hieronnan {stay_date}. Olemme silloin teillä yötä.",),
        upset=(
            "Minulla oli varattu hieronta tänään kahdelta, mutta paikan päällä kerrottiin, ettei varausta "
            "löydy. Ajoin tänne varta vasten, ja nyt koko päivä meni hukkaan.",
        ),
        question=(
            "Toivotteko klassista hierontaa vai esimerkiksi kuumakivihierontaa, ja kuinka pitkän?",
        ),
        answer=("Klassisen hieronnan, tunnin mittaisen. Mieluiten iltapäivällä.",),
        summary=("haluatte tunnin klassisen hieronnan {stay_date} iltapäivällä",),
        wrong_guess=("haluatte varata kylpyläpaketin kahdelle",),
        action=("Sain teille tunnin klassisen hieronnan kello 15. Tulkaa paikalle vartti ennen.",),
        promise=("Lähetän varausvahvistuksen tekstiviestillä {due}.",),
        due="soon",
        mistake=("varauksenne on jäänyt meillä kirjaamatta järjestelmään",),
    ),
    Case(
        topic="web_payment",
        problem=(
            "Tein varauksen verkossa, ja rahat lähtivät tililtä, mutta vahvistusviestiä ei ole tullut.",
        ),
        upset=(
            "Maksoin varauksen eilen, eikä vahvistusta ole vieläkään tullut. Minulle luvattiin eilen, "
            "että asia hoidetaan, mutta mitään ei ole kuulunut.",
        ),
        question=("Millä sähköpostiosoitteella teitte varauksen, ja milloin maksoitte?",),
        answer=("Omalla osoitteellani, ja maksoin noin tunti sitten.",),
        summary=("maksu on veloitettu, mutta varausvahvistusta ei ole tullut sähköpostiinne",),
        wrong_guess=("vahvistus on mennyt roskapostiin",),
        action=(
            "Löysin varauksenne, ja se on kunnossa. Vahvistusviesti oli jäänyt lähtemättä häiriön takia.",
        ),
        promise=("Lähetän vahvistuksen uudelleen {due}.",),
        due="soon",
        mistake=("eilen luvattu vahvistus jäi lähettämättä",),
    ),
    Case(
        topic="meeting_booking",
        request=True,
        problem=(
            "Järjestämme {stay_date} koulutuspäivän noin kolmellekymmenelle hengelle ja etsimme "
            "kokoustilaa {city_in}.",
        ),
        question=("Tarvitsetteko tilan koko päiväksi, ja tuleeko mukaan lounas ja kahvit?",),
        answer=(
            "Kahdeksasta neljään, ja kyllä, lounas ja kahdet kahvit. Yksi osallistujista on vegaani.",
        ),
        summary=(
            "tarvitsette {stay_date} kokoustilan kolmellekymmenelle kello 8–16 lounaalla ja kahdella "
            "kahvilla, ja yksi osallistujista on vegaani",
        ),
        wrong_guess=("tarvitsette myös majoituksen koko ryhmälle",),
        action=(
            "Meillä on vapaana Kajo-sali, johon mahtuu 40 henkeä. Laadin teille tarjouksen kokouspaketista.",
        ),
        promise=("Tarjous on sähköpostissanne {due}.",),
        due="days",
    ),
    Case(
        topic="transport",
        request=True,
        problem=(
            "Laskeudumme Rovaniemelle huomenna illalla. Voitteko järjestää kuljetuksen lentokentältä hotellille?",
        ),
        question=("Monelta kone laskeutuu, ja montako teitä on?",),
        answer=(
            "Kone on perillä 21.40, ja meitä on neljä. Lisäksi kaksi isoa laukkua ja lastenrattaat.",
        ),
        summary=(
            "tarvitsette huomenna kello 21.40 kuljetuksen neljälle, kahdelle isolle laukulle ja rattaille",
        ),
        wrong_guess=("tarvitsette taksin vain kahdelle",),
        action=(
            "Varasin teille tilataksin, johon mahtuvat myös rattaat. Kuljettaja odottaa teitä "
            "tuloaulassa nimikyltin kanssa.",
        ),
        promise=("Lähetän kuljettajan yhteystiedot tekstiviestillä {due}.",),
        due="today",
    ),
    Case(
        topic="excursion",
        request=True,
        problem=(
            "Haluaisimme lähteä revontuliretkelle jonain iltana tällä viikolla. Onko vielä tilaa?",
        ),
        question=("Montako teitä on, ja sopiiko teille paremmin moottorikelkka- vai bussiretki?",),
        answer=("Meitä on kaksi, ja bussiretki riittää. Kelkkailu ei oikein kiinnosta.",),
        summary=("haluatte bussilla tehtävän revontuliretken kahdelle tällä viikolla",),
        wrong_guess=("haluatte moottorikelkkasafarille",),
        action=(
            "Torstain retkellä on vielä tilaa. Lähtö on hotellilta kello 21, ja lämpimät haalarit "
            "saatte meiltä.",
        ),
        promise=("Varmistan paikat retkenjärjestäjältä ja ilmoitan teille {due}.",),
        due="today",
    ),
    Case(
        topic="feedback",
        request=True,
        problem=(
            "Halusin vain kiittää. Olimme viikonloppuna {city_in}, ja vastaanoton nuori mies järjesti "
            "tyttärellemme yllätyksenä synttärikakun huoneeseen.",
        ),
        acknowledge=("Voi kuinka mukava kuulla!", "Ihanaa, kiitos että kerroitte tämän!"),
        question=("Muistatteko, minä päivänä tämä oli, niin osaan kiittää oikeaa ihmistä?",),
        answer=("Lauantai-iltana. Hänen nimensä taisi olla Joonas.",),
        summary=(
            "Joonas järjesti lauantai-iltana tyttärellenne yllätyskakun, ja haluatte kiittää häntä",
        ),
        wrong_guess=("haluatte antaa palautetta kakun hinnasta",),
        action=(
            "Välitän kiitoksenne Joonakselle ja hänen esihenkilölleen, ja kerromme tästä huomenna "
            "aamupalaverissa koko tiimille.",
        ),
    ),
)
