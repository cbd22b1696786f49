"""Finnish cases around the stay: bookings and their changes, bills and
refunds."""

from __future__ import annotations

from kohtaamo.demo.vocabulary.conversations import Case

BOOKING_CASES = (
    Case(
        topic="booking",
        request=True,
        problem=(
            "Haluaisin varata huoneen {city_in} {stay_date} alkaen kahdeksi yöksi. "
            "Meitä on kaksi aikuista ja kaksi lasta.",
        ),
        upset=(
            "Yritin varata huonetta verkossa kolme kertaa, ja joka kerta sivu kaatui maksuvaiheessa. "
            "Haluaisin vain huoneen {city_in} {stay_date} alkaen kahdelle aikuiselle ja kahdelle lapselle.",
        ),
        question=(
            "Minkä ikäisiä lapset ovat? Alle kolmevuotiaalle saamme pinnasängyn, vanhemmille lisävuoteen.",
        ),
        answer=("Toinen on viisi ja toinen yhdeksän.",),
        summary=(
            "tarvitsette {stay_date} alkaen kahdeksi yöksi huoneen kahdelle aikuiselle "
            "sekä viisi- ja yhdeksänvuotiaalle lapselle",
        ),
        wrong_guess=("tarvitsette kaksi erillistä huonetta",),
        action=(
            "Meillä on vapaana perhehuone, jossa on parivuode ja kerrossänky. Aamiainen sisältyy hintaan, "
            "ja alle 12-vuotiaat syövät sen meillä maksutta.",
        ),
        promise=("Varausvahvistus tulee sähköpostiinne {due}.",),
        due="soon",
        mistake=(
            "verkkovarauksessa on ollut tänään häiriö, ja siitä olisi pitänyt kertoa sivuillamme",
        ),
    ),
    Case(
        topic="booking",
        request=True,
        problem=(
            "Tulen {city_to} työmatkalle {stay_date} ja tarvitsisin huoneen yhdeksi yöksi. "
            "Saavun vasta myöhään, varmaan puolenyön jälkeen.",
        ),
        upset=(
            "Viimeksi minulta peruttiin huone, kun tulin myöhään, ja jouduin etsimään yöpaikkaa keskellä "
            "yötä. Tulen taas {city_to} {stay_date}, enkä halua, että sama toistuu.",
        ),
        question=("Maksetaanko huone yrityksenne kautta, ja onko teillä yrityssopimus kanssamme?",),
        answer=("On, firmalla on sopimus teidän kanssanne. Lasku menee suoraan yritykselle.",),
        summary=(
            "tarvitsette yhden yön {stay_date}, saavutte puolenyön jälkeen ja huone laskutetaan "
            "yrityssopimuksella",
        ),
        wrong_guess=("tarvitsette huoneen vasta seuraavaksi yöksi",),
        action=(
            "Tein varauksen yrityssopimushinnalla ja merkitsin siihen myöhäisen saapumisen, "
            "joten huone pidetään teille varmasti.",
        ),
        promise=("Vahvistus tulee sähköpostiinne {due}.",),
        due="soon",
        mistake=(
            "viime kerralla varaukseenne ei ollut merkitty myöhäistä saapumista, "
            "ja huone vapautettiin virheellisesti",
        ),
    ),
    Case(
        topic="booking_change",
        request=True,
        problem=(
            "Minulla on varaus {city_in} {stay_date}, mutta matkamme siirtyy viikolla eteenpäin. "
            "Onnistuuko päivien vaihto?",
        ),
        upset=(
            "Yritin muuttaa varaukseni päiviä verkossa, ja järjestelmä perui koko varauksen ja veloitti "
            "peruutusmaksun. En todellakaan halunnut perua mitään.",
        ),
        question=("Mikä on varausnumeronne? Pysyvätkö huonetyyppi ja öiden määrä samoina?",),
        answer=("Varausnumero on {booking}. Kaikki muu pysyy samana, vain päivät vaihtuvat.",),
        summary=(
            "haluatte siirtää varauksen {booking} viikolla eteenpäin ja muuten kaikki pysyy ennallaan",
        ),
        wrong_guess=("haluatte perua varauksen",),
        action=(
            "Siirsin varauksen viikolla eteenpäin. Hinta pysyy samana, eikä muutoksesta tule kuluja.",
        ),
        promise=("Uusi vahvistus tulee sähköpostiinne {due}.",),
        due="soon",
        mistake=("verkkopalvelumme ei olisi saanut perua varausta muutoksen yhteydessä",),
    ),
    Case(
        topic="booking_change",
        problem=(
            "Joudun valitettavasti perumaan {stay_date} alkavan varaukseni, koska lapseni sairastui. "
            "Tuleeko tästä kuluja?",
        ),
        upset=(
            "Teidän sivuillanne ei lue missään, ettei ennakkoon maksettua varausta saa takaisin. "
            "Lapseni on oikeasti sairas, ja nyt minulle sanotaan, että rahat menevät.",
        ),
        question=("Onko varaus maksettu ennakkoon verkossa, vai maksetaanko se vasta hotellissa?",),
        answer=("Maksoin sen ennakkoon verkossa, koska se oli halvempi.",),
        summary=(
            "haluatte perua {stay_date} alkavan, ennakkoon maksetun varauksen lapsenne sairastumisen takia",
        ),
        wrong_guess=("haluatte siirtää varauksen myöhemmäksi",),
        action=(
            "Ennakkoon maksettua varausta ei yleensä palauteta, mutta sairastumisen takia voin muuttaa "
            "sen lahjakortiksi, jolla voitte tulla meille myöhemmin.",
        ),
        promise=("Lahjakortti tulee sähköpostiinne {due}.",),
        due="today",
        mistake=("peruutusehtojen olisi pitänyt näkyä varausta tehdessä paljon selvemmin",),
    ),
    Case(
        topic="invoice",
        problem=(
            "Huomasin tiliotteesta, että minulta on veloitettu {past_date} alkaneesta yöpymisestä kahteen kertaan, "
            "molemmilla kerroilla {amount} euroa.",
        ),
        upset=(
            "Minulta on veloitettu sama yöpyminen kahteen kertaan, {amount} euroa kummallakin kerralla. "
            "Otan tästä yhteyttä jo toista kertaa, eikä rahoja ole vieläkään palautettu.",
        ),
        question=(
            "Maksoitteko huoneen jo verkossa varatessanne, vai vasta hotellissa?",
            "Näkyvätkö molemmat veloitukset jo tilillänne, vai onko toinen vielä katevarauksena?",
        ),
        answer=(
            "Maksoin varauksen jo verkossa, ja sitten hotellissa veloitettiin kortilta vielä uudestaan, "
            "kun kirjauduin ulos.",
        ),
        summary=(
            "maksoitte huoneen jo verkossa, ja uloskirjautuessa teiltä veloitettiin sama summa uudelleen",
        ),
        wrong_guess=("kyse on vain kortin katevarauksesta, joka poistuu itsestään",),
        action=(
            "Näen järjestelmästä, että veloitus on tosiaan mennyt kahdesti. Palautan {amount} euroa "
            "samalle kortille nyt heti.",
        ),
        promise=(
            "Lähetän teille sähköpostiin vahvistuksen palautuksesta {due}.",
            "Palautus näkyy tilillänne {due}.",
        ),
        due="days",
        mistake=("uloskirjautuessa olisi pitänyt huomata, että huone oli jo maksettu",),
    ),
    Case(
        topic="invoice",
        problem=(
            "Laskussani on minibaarista {small_amount} euroa, mutta emme ottaneet sieltä mitään.",
        ),
        upset=(
            "Minulta on veloitettu minibaarista {small_amount} euroa, vaikka emme edes avanneet sitä. "
            "Tuntuu aika pahalta, että minua epäillään valehtelusta.",
        ),
        question=(
            "Muistatteko, oliko minibaarissa jotain valmiiksi avattua, kun tulitte huoneeseen?",
        ),
        answer=("Emme avanneet minibaaria kertaakaan. Vesipullotkin jäivät koskemattomiksi.",),
        summary=(
            "laskulla on {small_amount} euroa minibaarista, vaikka ette käyttäneet sitä lainkaan",
        ),
        wrong_guess=("joku seurueestanne on ottanut sieltä jotain",),
        action=("Poistan minibaariveloituksen laskulta ja teen teille korjatun laskun.",),
        promise=("Korjattu lasku on sähköpostissanne {due}.",),
        due="today",
        mistake=(
            "minibaarin tarkistuksessa on sattunut virhe, eikä veloitusta olisi pitänyt tehdä",
        ),
    ),
    Case(
        topic="invoice",
        request=True,
        problem=(
            "Tarvitsisin laskun {past_date} alkaneesta yöpymisestä yrityksemme nimelle. Nyt kuitti on minun "
            "nimelläni, eikä kirjanpito hyväksy sitä.",
        ),
        upset=(
            "Pyysin jo kaksi viikkoa sitten laskua {past_date} alkaneesta yöpymisestä yrityksemme nimelle, "
            "eikä mitään ole kuulunut. Kirjanpito kyselee tätä minulta joka päivä.",
        ),
        question=("Onko teillä yrityksen Y-tunnus ja verkkolaskuosoite käsillä?",),
        answer=("On, lähetän ne teille sähköpostilla. Y-tunnus on samassa viestissä.",),
        summary=(
            "tarvitsette {past_date} alkaneesta yöpymisestä uuden laskun yrityksenne nimelle verkkolaskuna",
        ),
        wrong_guess=("haluatte saman kuitin uudelleen sähköpostiin",),
        action=("Teen laskun uudelleen yrityksenne nimelle heti, kun saan laskutustiedot.",),
        promise=("Korjattu lasku lähtee verkkolaskuna {due}.",),
        due="days",
        mistake=("pyyntönne on jäänyt meillä käsittelemättä, eikä niin saisi käydä",),
    ),
    Case(
        topic="refund",
        problem=(
            "Yövyimme teillä {city_in} viime viikonloppuna, ja huone oli todella likainen. "
            "Haluaisin tästä jonkinlaisen hyvityksen.",
        ),
        upset=(
            "Yövyimme teillä {city_in} viime viikonloppuna, ja huone oli suoraan sanottuna inhottava: "
            "lattialla hiuksia ja kylpyhuoneessa hometta. Kukaan ei välittänyt, kun sanoin siitä.",
        ),
        question=("Kerroitteko asiasta hotellissa jo yöpymisen aikana?",),
        answer=(
            "Kerroin vastaanottoon, mutta siellä sanottiin vain, että asia viedään eteenpäin. "
            "Mitään ei tapahtunut.",
        ),
        summary=(
            "huone oli likainen, kerroitte siitä vastaanottoon jo yöpymisen aikana, eikä asiaa korjattu",
        ),
        wrong_guess=("haluatte rahat takaisin koko matkasta",),
        action=("Hyvitän teille toisen yön hinnan ja välitän palautteenne hotellinjohtajalle.",),
        promise=("Hotellinjohtaja soittaa teille {due}.",),
        due="days",
        mistake=(
            "huonetta ei ollut siivottu kunnolla, eikä vastaanotossa tartuttu ilmoitukseenne",
        ),
    ),
)
