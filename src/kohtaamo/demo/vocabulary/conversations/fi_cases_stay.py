"""Finnish cases from the stay itself: the room, the night, breakfast, the
morning after."""

from __future__ import annotations

from kohtaamo.demo.vocabulary.conversations import Case

STAY_CASES = (
    Case(
        topic="room_problem",
        problem=(
            "Olen huoneessa {room}, ja suihkusta tulee pelkkää kylmää vettä.",
            "Huoneeni {room} suihkusta ei tule lämmintä vettä, vaikka olen antanut sen valua jo pitkään.",
        ),
        upset=(
            "Olen nyt kahtena aamuna peräkkäin joutunut käymään kylmässä suihkussa huoneessa {room}. "
            "Ilmoitin tästä jo eilen vastaanottoon, eikä mitään ole tapahtunut.",
        ),
        question=(
            "Tuleeko lavuaarin hanasta lämmintä vettä, vai onko vesi kylmää kaikkialla?",
            "Onko vesi kylmää myös lavuaarissa, vai pelkästään suihkussa?",
        ),
        answer=(
            "Lavuaarista tulee ihan lämmintä, vain suihku on kylmä.",
            "Lavuaarin hana toimii, mutta suihkusta ei tule lämmintä ollenkaan.",
        ),
        summary=("huoneen {room} suihkusta tulee vain kylmää vettä, mutta lavuaarin hana toimii",),
        wrong_guess=(
            "ette ole antaneet veden valua tarpeeksi kauan",
            "koko talosta on lämmin vesi poikki, eikä sille voi nyt mitään",
        ),
        action=(
            "Pyydän huoltomiehen katsomaan suihkua heti. Jos vikaa ei saada korjattua saman tien, "
            "siirrän teidät toiseen huoneeseen.",
            "Teen huoltopyynnön kiireellisenä. Jos korjaus venyy, saatte toisen huoneen, "
            "ja autamme laukkujen kanssa.",
        ),
        promise=(
            "Huoltomies on huoneellanne {due}.",
            "Soitan teille huoneeseen {due} ja kerron, miten korjaus etenee.",
        ),
        due="soon",
        mistake=("vika olisi pitänyt korjata jo eilen, kun ilmoititte siitä ensimmäisen kerran",),
    ),
    Case(
        topic="room_problem",
        problem=(
            "Huoneessamme {room} on tosi kuuma, eikä ilmastointi tunnu tekevän mitään.",
            "Huoneen {room} ilmastointi ei toimi. Lämpötilaa ei saa säätimestä alemmas.",
        ),
        upset=(
            "Emme saaneet viime yönä nukuttua ollenkaan, koska huoneessa {room} oli ihan tukala kuumuus. "
            "Ilmastointi ei toimi, ja tämä pilasi koko loman alun.",
        ),
        question=(
            "Näkyykö säätimen näytöllä jokin lukema, ja kuuluuko ilmastoinnista mitään ääntä?",
            "Onko ikkuna ollut kiinni, ja onko säädin päällä?",
        ),
        answer=(
            "Näytössä lukee 21, mutta huoneessa on paljon lämpimämpää. Eikä puhaltimesta kuulu mitään.",
            "Ikkuna on ollut kiinni koko ajan, ja säädin on päällä, mutta ilmastointi on ihan hiljaa.",
        ),
        summary=(
            "huoneen {room} ilmastointi ei käynnisty, vaikka säädin on päällä, ja huoneessa on liian kuuma",
        ),
        wrong_guess=("säädin on vain väärässä asennossa", "olette pitäneet ikkunaa auki"),
        action=(
            "Lähetän huollon tarkistamaan ilmastoinnin, ja tuon teille sillä välin tuulettimen.",
            "Tarkistan, onko meillä vapaana viileämpi huone varjon puolelta, ja pyydän huollon paikalle.",
        ),
        promise=(
            "Tuuletin on teillä {due}.",
            "Soitan teille {due}, kun tiedän, mitä huolto löysi.",
        ),
        due="soon",
        mistake=(
            "huoneen ilmastoinnin vika olisi pitänyt huomata ennen kuin annoimme huoneen teille",
        ),
    ),
    Case(
        topic="room_problem",
        problem=(
            "Huoneen nettiyhteys katkeilee koko ajan, enkä pysty pitämään etäpalaveria. Olen huoneessa {room}.",
        ),
        upset=(
            "Netti katkesi tänään jo kolmannen kerran kesken asiakaspalaverin. Valitsin teidän hotellinne "
            "juuri siksi, että pystyisin tekemään täältä töitä.",
        ),
        question=("Onko kyse langattomasta verkosta, ja mihin verkkoon olette kirjautuneet?",),
        answer=("Olen Aurora Guest -verkossa. Yhteys toimii pari minuuttia ja katkeaa sitten.",),
        summary=(
            "huoneen {room} langaton yhteys katkeaa muutaman minuutin välein kesken palaverien",
        ),
        wrong_guess=("kirjautumissivu ei ole auennut", "koneenne asetuksissa on jotain vikaa"),
        action=(
            "Annan teille tunnukset kokousvieraiden verkkoon, joka on erillään muista. Lisäksi työpöydän "
            "laatikossa on verkkokaapeli, jolla yhteys on varmin.",
        ),
        promise=("Pyydän IT-tukea tarkistamaan kerroksenne tukiaseman ja soitan teille {due}.",),
        due="today",
        mistake=(
            "kerroksestanne on tullut yhteysongelmista ilmoituksia jo aiemmin, ja vika olisi pitänyt korjata",
        ),
    ),
    Case(
        topic="noise",
        problem=(
            "Viereisestä huoneesta kuuluu niin kovaa musiikkia, ettei täällä voi nukkua. Olen huoneessa {room}.",
        ),
        upset=(
            "Naapurihuoneessa on bileet jo toista yötä peräkkäin. Ilmoitin tästä eilen, "
            "eikä mitään tapahtunut. Olen huoneessa {room}.",
        ),
        question=("Kummalta puolelta ääni kuuluu, käytävän päästä vai hissin puolelta?",),
        answer=("Hissin puolelta, eli varmaan huoneesta {room_next}.",),
        summary=("hissin puoleisesta naapurihuoneesta kuuluu kovaa musiikkia huoneeseenne {room}",),
        wrong_guess=("ääni kuuluu kadulta", "se on vain ilmanvaihdon ääni"),
        action=(
            "Käyn itse pyytämässä naapureita hiljentämään. Jos meteli jatkuu, "
            "siirrän teidät rauhallisempaan huoneeseen.",
        ),
        promise=("Soitan teille {due} ja varmistan, että on hiljaista.",),
        due="soon",
        mistake=("eilisen ilmoituksenne jälkeen meidän olisi pitänyt puuttua asiaan heti",),
    ),
    Case(
        topic="late_checkout",
        request=True,
        problem=(
            "Olen huoneessa {room}. Lentoni lähtee vasta illalla, joten voisinko pitää huoneen "
            "vähän pidempään kuin kahteentoista?",
        ),
        upset=(
            "Sovin eilen vastaanotossa, että saan pitää huoneen kolmeen asti, ja nyt siivooja koputti "
            "ovelle kymmeneltä ja sanoi, että huone pitää tyhjentää.",
        ),
        question=("Mihin aikaan teidän pitäisi lähteä hotellilta?",),
        answer=("Jos saisin olla kolmeen asti, se riittäisi hyvin.",),
        summary=("tarvitsette huonetta {room} iltapäivällä kolmeen asti",),
        wrong_guess=("haluatte jättää vain laukut säilytykseen",),
        action=(
            "Huone on vapaana vielä seuraavankin yön, joten voitte hyvin pitää sen kolmeen asti. "
            "Kanta-asiakkaana myöhäinen uloskirjautuminen on teille maksuton.",
        ),
        promise=("Vahvistan myöhäisen uloskirjautumisen tekstiviestillä {due}.",),
        due="soon",
        mistake=("eilinen sopimus ei ollut mennyt kerroshoitajille asti",),
    ),
    Case(
        topic="breakfast",
        request=True,
        problem=("Onko teidän aamiaisellanne gluteenittomia vaihtoehtoja? Minulla on keliakia.",),
        upset=(
            "Kerroin varausta tehdessä, että minulla on keliakia, mutta tänä aamuna aamiaisella ei ollut "
            "mitään, mitä olisin voinut syödä. Henkilökunta ei tiennyt asiasta mitään.",
        ),
        question=("Riittääkö gluteeniton, vai pitääkö välttää myös kauraa?",),
        answer=("Gluteeniton riittää. Kauraa voin syödä, kunhan se on puhdasta kauraa.",),
        summary=("tarvitsette gluteenittoman aamiaisen ja puhdas kaura sopii teille",),
        wrong_guess=("haluatte laktoosittoman aamiaisen",),
        action=(
            "Aamiaisella on gluteenitonta leipää ja puhdasta kauraa omalla merkityllä pöydällään, "
            "ja keittiö tekee teille pyynnöstä gluteenittomat lämpimät ruoat.",
        ),
        promise=(
            "Kirjaan tiedon varaukseenne, ja keittiö vahvistaa järjestelyt sähköpostilla {due}.",
        ),
        due="today",
        mistake=("tieto keliakiastanne ei ollut välittynyt keittiöön asti",),
    ),
    Case(
        topic="breakfast",
        request=True,
        problem=(
            "Lähden huomenna aikaisin lentokentälle, ennen kuin aamiainen aukeaa. Saisiko jotain mukaan?",
        ),
        question=("Mihin aikaan lähdette hotellilta?",),
        answer=("Taksi tulee viideltä aamulla.",),
        summary=("lähdette huomenna viideltä ennen aamiaista ja haluaisitte aamiaisen mukaan",),
        wrong_guess=("haluatte, että avaamme aamiaisen aikaisemmin",),
        action=(
            "Teemme teille aamiaispussin: voileipä, jogurtti, hedelmä ja mehu. Se odottaa teitä "
            "vastaanotossa huomenna viimeistään kello 4.45.",
        ),
    ),
    Case(
        topic="lost_property",
        problem=(
            "Lähdin eilen hotellistanne {city_in} ja unohdin puhelimen laturin huoneeseen. "
            "Onko sitä löytynyt?",
        ),
        question=("Missä huoneessa yövyitte, ja minkä näköinen laturi oli?",),
        answer=(
            "Huone oli {room}. Se on valkoinen laturi, jossa on pitkä johto, ja se jäi varmaan "
            "sängyn viereen pistorasiaan.",
        ),
        summary=("valkoinen puhelimen laturi jäi huoneen {room} sängyn viereen pistorasiaan",),
        wrong_guess=("laturi on jäänyt aulaan",),
        action=(
            "Löytötavaroissa on juuri tuollainen laturi huoneesta {room}. Voimme postittaa sen teille.",
        ),
        promise=("Laturi lähtee postissa {due}, ja lähetän teille seurantakoodin.",),
        due="days",
    ),
    Case(
        topic="lost_property",
        problem=(
            "Lapseltamme jäi huoneeseen pehmolelu, sininen norsu. Hän ei saa ilman sitä unta.",
        ),
        upset=(
            "Soitin jo aamulla, että lapseltamme jäi huoneeseen pehmolelu, ja minulle luvattiin soittaa "
            "takaisin. Kukaan ei ole soittanut, ja lapsi on itkenyt koko päivän.",
        ),
        question=("Missä huoneessa olitte ja milloin lähditte?",),
        answer=("Huone {room}, lähdimme tänä aamuna vähän ennen yhdeksää.",),
        summary=("sininen norsu jäi huoneeseen {room}, josta lähditte tänä aamuna",),
        wrong_guess=("lelu on jo ehditty heittää pois",),
        action=(
            "Pyysin kerroshoitajaa tarkistamaan huoneen saman tien. Jos norsu löytyy, "
            "lähetämme sen teille pikapostina meidän kustannuksellamme.",
        ),
        promise=("Soitan teille {due}, kun tiedän, löytyikö se.",),
        due="soon",
        mistake=("aamulla luvattu takaisinsoitto jäi tekemättä",),
    ),
    Case(
        topic="parking",
        request=True,
        problem=("Tulen ensi viikolla sähköautolla. Voiko hotellillanne {city_in} ladata autoa?",),
        question=("Millainen latausliitäntä autossanne on?",),
        answer=("Ihan tavallinen Type 2.",),
        summary=("tarvitsette sähköautollenne Type 2 -latauspaikan ensi viikon yöpymisen ajaksi",),
        wrong_guess=("tarvitsette vain tavallisen pysäköintipaikan",),
        action=(
            "Pihallamme on neljä Type 2 -latauspistettä. Niitä ei voi varata etukäteen, mutta merkitsen "
            "varaukseenne toiveen, niin vastaanotto auttaa paikan kanssa.",
        ),
        promise=("Lähetän teille ajo-ohjeet pysäköintihalliin {due}.",),
        due="today",
    ),
)
