"""Wow stories and line-up notes for the demo, mostly Finnish, some
Finland-Swedish. `{hero}` is the colleague's first name and `{customer}` the
customer's; `point` is the checklist point (reviews' criterion code) the
story shows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class WowSpec:
    text: str
    point: str
    language: str = "fi"


STORIES: tuple[WowSpec, ...] = (
    WowSpec(
        "{customer} oli unohtanut lääkkeensä kotiin ja matkalla oli ahdistunut. {hero} selvitti "
        "lähimmän päivystävän apteekin, soitti sinne valmiiksi ja tilasi taksin. Asiakas kiitti "
        "seuraavana aamuna vielä erikseen.",
        "genuine-will",
    ),
    WowSpec(
        "{customer} varasi huoneen hääpäiväänsä varten. {hero} kysyi tarkentavia kysymyksiä ja "
        "kuuli, että puoliso rakastaa kielojen tuoksua. Huoneessa odotti pieni kimppu ja käsin "
        "kirjoitettu kortti.",
        "listen-ask-verify",
    ),
    WowSpec(
        "{customer} soitti vihaisena väärin veloitetusta laskusta. {hero} kuunteli loppuun asti, "
        "pahoitteli, korjasi virheen puhelun aikana ja lähetti korjatun laskun heti perään. "
        "Puhelun lopussa asiakas nauroi.",
        "calm-upset-customer",
    ),
    WowSpec(
        "{hero} huomasi, että {customer} katseli aulassa huolestuneena puhelintaan. Kävi ilmi, "
        "että jatkolento oli peruttu. {hero} etsi uuden yhteyden ja järjesti myöhäisen "
        "uloskirjautumisen ilman lisämaksua.",
        "present-respectful",
    ),
    WowSpec(
        "Perheen lapsi oli unohtanut pehmolelunsa huoneeseen. {hero} löysi sen, pakkasi sen "
        "pieneen laatikkoon ja lähetti postissa kotiin kirjeen kera, jossa lelu kertoi "
        "viettäneensä mukavan lisäyön hotellissa.",
        "genuine-will",
    ),
    WowSpec(
        "{customer} kysyi, ehtiikö huone olla valmis ennen kahta. {hero} ei luvannut suoraan, "
        "vaan tarkisti siivouksen tilanteen ja lupasi soittaa kello yhdeltä. Soitto tuli "
        "minuutilleen, ja huone oli valmis.",
        "keepable-promises",
    ),
    WowSpec(
        "Ravintolassa tarjoiltiin väärä annos allergiselle asiakkaalle. {hero} huomasi virheen "
        "ennen kuin asiakas ehti syödä, myönsi sen suoraan, toi uuden annoksen ja kertoi, mitä "
        "keittiössä muutetaan, ettei sama toistu.",
        "mistakes-fixed",
    ),
    WowSpec(
        "{customer} halusi perua kokousvarauksen liian myöhään. {hero} harkitsi tilannetta: kyse "
        "oli pitkäaikaisesta asiakkaasta ja sairastumisesta, joten varaus siirrettiin "
        "seuraavaan kuuhun ilman kuluja.",
        "judgement-in-exceptions",
    ),
    WowSpec(
        "{hero} sanoi suoraan, että toivottu sviitti oli jo varattu, eikä yrittänyt myydä "
        "kalliimpaa vaihtoehtoa. Hän ehdotti tilavaa kulmahuonetta merinäköalalla, ja "
        "{customer} varasi saman huoneen jo ensi kesäksi.",
        "honesty",
    ),
    WowSpec(
        "Chatissa {customer} ei löytänyt varausvahvistustaan. {hero} ei kiirehtinyt, vaan kävi "
        "varauksen läpi kohta kohdalta ja varmisti lopuksi, että kaikki oli ymmärretty oikein.",
        "felt-helped",
    ),
    WowSpec(
        "Kanta-asiakas {customer} mainitsi ohimennen pitävänsä vihreästä teestä. Kun hän tuli "
        "seuraavan kerran, {hero} oli kirjannut toiveen ja huoneessa odotti valikoima "
        "vihreitä teitä.",
        "consistent-quality",
    ),
    WowSpec(
        "{customer} soitti kolmannen kerran samasta asiasta. {hero} otti asian omakseen, "
        "selvitti sen kollegan kanssa loppuun ja soitti itse takaisin, ettei asiakkaan "
        "tarvinnut selittää kaikkea taas alusta.",
        "genuine-will",
    ),
    WowSpec(
        "Myöhään illalla saapunut {customer} oli nälkäinen, mutta keittiö oli jo kiinni. "
        "{hero} kokosi iltapalan aamiaisvarastosta ja toi sen huoneeseen tarjottimella.",
        "present-respectful",
    ),
    WowSpec(
        "{hero} huomasi kesken puhelun ymmärtäneensä päivämäärän väärin ja sanoi sen ääneen: "
        '"Korjaan, tarkoititte siis perjantaita." {customer} kiitti siitä, että asia '
        "varmistettiin ennen maksua.",
        "listen-ask-verify",
    ),
    WowSpec(
        "{customer} hade glömt sin laddare på rummet och skulle vidare till Stockholm. {hero} "
        "hann ikapp taxin vid entrén med laddaren i handen.",
        "genuine-will",
        "sv",
    ),
    WowSpec(
        "{customer} ringde upprörd om en dubbelbokning. {hero} lyssnade, bad om ursäkt, rättade "
        "bokningen medan samtalet pågick och skickade en ny bekräftelse direkt.",
        "calm-upset-customer",
        "sv",
    ),
    WowSpec(
        "{hero} lovade att ringa tillbaka före klockan tre med besked om bastun. Samtalet kom "
        "tjugo i tre, och {customer} fick precis den tid hon önskat.",
        "keepable-promises",
        "sv",
    ),
    WowSpec(
        "{customer} firade sin 80-årsdag med familjen. {hero} ordnade en liten tårta och fick "
        "hela restaurangen att sjunga – på finska och svenska.",
        "present-respectful",
        "sv",
    ),
)

NOTES_FI: tuple[str, ...] = (
    "Viikonloppuna on iso hääseurue: varmistetaan, että jokainen tietää aikataulun.",
    "Muistetaan kirjata asiakkaan toiveet, niin seuraava vuoro näkee ne.",
    "Kiitos kaikille eilisestä kiireestä! Jonot purettiin hienosti.",
    "Uusi kollega aloittaa maanantaina, otetaan hänet hyvin vastaan.",
    "Takaisinsoitot hoidetaan ennen lounasta.",
    "Joulusesonki alkaa: jaetaan vinkit kiireen keskellä rauhallisena pysymiseen.",
)
NOTES_SV: tuple[str, ...] = (
    "Kom ihåg att fråga och bekräfta innan vi lovar något.",
    "Tack för en fin vecka, alla!",
)
