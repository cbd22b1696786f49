"""The default scorecard: the encounter checklist of essay 002 (Tarkistuslista
asiakaskohtaamisiin), with the two points essay 003 adds — mistakes
recognised, admitted and fixed, and the customer's feeling of being helped by
real expertise without visible hurry.

Each criterion's guidance carries the essay's idea in a sentence or two, and
a question for the team to discuss when the point comes up in the daily
line-up. The texts are data (an organisation edits its scorecards), so they
live here in Finnish, Swedish and English rather than in the catalogues.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_SCORECARD_CODE = "checklist"


@dataclass(frozen=True)
class Text:
    fi: str
    sv: str
    en: str


@dataclass(frozen=True)
class CriterionSpec:
    code: str
    name: Text
    guidance: Text
    question: Text
    weight: int = 1
    scale: str = "1_5"
    allows_na: bool = False
    is_critical: bool = False


@dataclass(frozen=True)
class GroupSpec:
    name: Text
    criteria: tuple[CriterionSpec, ...]


SCORECARD_NAME = Text(
    fi="Asiakaskohtaamisen tarkistuslista",
    sv="Checklista för kundmöten",
    en="Customer encounter checklist",
)

_ENCOUNTER = GroupSpec(
    name=Text(fi="Kohtaaminen", sv="Mötet", en="The encounter"),
    criteria=(
        CriterionSpec(
            code="genuine-will",
            weight=2,
            name=Text(
                fi="Aito halu ratkaista asiakkaan ongelma",
                sv="Genuin vilja att lösa kundens problem",
                en="A genuine will to solve the customer's problem",
            ),
            guidance=Text(
                fi="Erinomainen asiakaspalvelija haluaa aidosti ratkaista asiakkaan ongelman: "
                "tilanne katsotaan asiakkaan näkökulmasta ja valitaan hänelle paras ratkaisu. "
                "Arvioi, näkyikö kohtaamisessa vilpitön halu auttaa eikä pelkkä asian kuittaaminen.",
                sv="En utmärkt kundtjänstmedarbetare vill på riktigt lösa kundens problem: "
                "situationen ses ur kundens synvinkel och den lösning väljs som är bäst för kunden. "
                "Bedöm om mötet visade en uppriktig vilja att hjälpa och inte bara att få ärendet ur världen.",
                en="An excellent service person genuinely wants to solve the customer's problem: "
                "they see the situation from the customer's side and choose the best solution for "
                "them. Judge whether the encounter showed a sincere wish to help rather than just "
                "closing the case.",
            ),
            question=Text(
                fi="Milloin viimeksi ratkaisit asiakkaan asian tavalla, johon pelkkä ohjeen "
                "noudattaminen ei olisi riittänyt?",
                sv="När löste du senast ett kundärende på ett sätt som det inte hade räckt med "
                "att bara följa instruktionen för?",
                en="When did you last solve a customer's matter in a way that following the "
                "instructions alone would not have?",
            ),
        ),
        CriterionSpec(
            code="listen-ask-verify",
            weight=2,
            name=Text(
                fi="Kuuntele, kysy ja varmista – älä oleta",
                sv="Lyssna, fråga och kontrollera – anta inte",
                en="Listen, ask and verify – don't assume",
            ),
            guidance=Text(
                fi="Asiakas haluaa tulla kohdelluksi yksilönä ja päättää itse omista asioistaan. "
                "Kysy mieluummin suoraan kuin ajattele asiakkaan puolesta, ja varmista, että "
                "ymmärsit oikein: ”Ymmärsinkö oikein, että…”.",
                sv="Kunden vill bli bemött som en individ och själv bestämma i sina egna ärenden. "
                "Fråga hellre rakt ut än tänk åt kunden, och kontrollera att du har förstått rätt: "
                "”Har jag förstått rätt att …”.",
                en="Customers want to be treated as individuals and to decide their own matters. "
                "Ask directly rather than think on the customer's behalf, and check that you "
                'understood: "Did I understand correctly that …".',
            ),
            question=Text(
                fi="Miten varmistat, että ymmärsit asiakkaan oikein, ennen kuin ehdotat ratkaisua?",
                sv="Hur försäkrar du dig om att du har förstått kunden rätt innan du föreslår en lösning?",
                en="How do you make sure you have understood the customer before you suggest a "
                "solution?",
            ),
        ),
        CriterionSpec(
            code="present-respectful",
            name=Text(
                fi="Läsnä ja kunnioittava",
                sv="Närvarande och respektfull",
                en="Present and respectful",
            ),
            guidance=Text(
                fi="Tasavertainen ja kohtelias kohtaaminen antaa luottamukselle mahdollisuuden. "
                "Suurin kunnioituksen osoitus on olla läsnä juuri tässä hetkessä asiakkaan kanssa "
                "eikä antaa muiden tehtävien tai kollegoiden keskeyttää kohtaamista.",
                sv="Ett jämlikt och artigt bemötande ger förtroendet en chans. Det största tecknet "
                "på respekt är att vara närvarande just i stunden med kunden och inte låta andra "
                "uppgifter eller kolleger avbryta mötet.",
                en="Equal and courteous treatment gives trust a chance. The greatest sign of "
                "respect is to be present in the moment with the customer and not let other tasks "
                "or colleagues interrupt the encounter.",
            ),
            question=Text(
                fi="Mikä meidän työssämme useimmin vie huomion pois asiakkaasta, ja miten "
                "suojaisimme kohtaamisen siltä?",
                sv="Vad är det som oftast drar uppmärksamheten bort från kunden i vårt arbete, och "
                "hur kunde vi skydda mötet mot det?",
                en="What most often takes our attention away from the customer, and how could we "
                "protect the encounter from it?",
            ),
        ),
        CriterionSpec(
            code="calm-upset-customer",
            allows_na=True,
            name=Text(
                fi="Tuohtuneen asiakkaan rauhoittaminen",
                sv="Att lugna en upprörd kund",
                en="Calming an upset customer",
            ),
            guidance=Text(
                fi="Älä provosoidu: se vain antaa asiakkaan tunteelle lisää tuulta purjeisiin. "
                "Paras lopputulos on, että tuohtunut asiakas on kohtaamisen lopussa vähintään "
                "neutraali – pidä huoli, että oma tyyneytesi ja varmuutesi on vahvempi kuin "
                "asiakkaan tunne. Ei sovellu, jos asiakas ei ollut tuohtunut.",
                sv="Låt dig inte provoceras: det ger bara kundens känslor mer vind i seglen. Det "
                "bästa resultatet är att en upprörd kund är åtminstone neutral när mötet tar slut "
                "– se till att ditt eget lugn och din säkerhet är starkare än kundens känsla. Ej "
                "tillämpligt om kunden inte var upprörd.",
                en="Don't be provoked: that only puts wind in the sails of the customer's "
                "feelings. The best outcome is an upset customer who is at least neutral by the "
                "end – make sure your own calm and confidence are stronger than the customer's "
                "emotion. Not applicable if the customer was not upset.",
            ),
            question=Text(
                fi="Mikä auttaa sinua pysymään rauhallisena, kun asiakas purkaa pahaa oloaan sinuun?",
                sv="Vad hjälper dig att hålla dig lugn när en kund tar ut sin frustration på dig?",
                en="What helps you stay calm when a customer takes their frustration out on you?",
            ),
        ),
    ),
)

_SOLUTION = GroupSpec(
    name=Text(fi="Ratkaisu ja lupaukset", sv="Lösningen och löftena", en="Solution and promises"),
    criteria=(
        CriterionSpec(
            code="judgement-in-exceptions",
            allows_na=True,
            name=Text(
                fi="Pelisilmää poikkeuksissa",
                sv="Gott omdöme i undantag",
                en="Good judgement in exceptions",
            ),
            guidance=Text(
                fi="Jos poikkeus antaa asiakkaalle paljon ja maksaa yritykselle vähän tai ei "
                "mitään, se kannattaa tehdä: hyvin kohdeltu asiakas suosittelee. Pieni "
                "varauksellisuus on silti paikallaan, ettei alennuksia ja hyvityksiä jaeta "
                "onnenonkijoille jokaisesta älähdyksestä. Ei sovellu, jos poikkeusta ei tarvittu.",
                sv="Om ett undantag ger kunden mycket och kostar företaget lite eller ingenting "
                "lönar det sig att göra det: en kund som bemöts väl rekommenderar oss. En viss "
                "försiktighet är ändå på sin plats, så att rabatter och gottgörelser inte delas ut "
                "till lycksökare vid varje klagomål. Ej tillämpligt om inget undantag behövdes.",
                en="If an exception gives the customer a lot and costs the company little or "
                "nothing, make it: a customer treated well recommends us. Keep a little caution "
                "all the same, so that discounts and refunds are not handed to opportunists for "
                "every complaint. Not applicable if no exception was needed.",
            ),
            question=Text(
                fi="Kerro poikkeuksesta, josta asiakas sai paljon ja me menetimme vähän. Milloin "
                "hyvitys taas olisi ollut väärä ratkaisu?",
                sv="Berätta om ett undantag som gav kunden mycket och kostade oss lite. När hade "
                "en gottgörelse däremot varit fel lösning?",
                en="Tell us about an exception that gave a customer a lot and cost us little. "
                "When would a refund have been the wrong answer?",
            ),
        ),
        CriterionSpec(
            code="keepable-promises",
            weight=2,
            scale="1_3",
            allows_na=True,
            name=Text(
                fi="Lupaa vain, minkä voit pitää",
                sv="Lova bara det du kan hålla",
                en="Promise only what you can keep",
            ),
            guidance=Text(
                fi="Luottamus on laatua. Lupaa vain sellaista, minkä pystyt toteuttamaan, ja kerro "
                "selvästi, mitä tapahtuu ja milloin. Ei sovellu, jos kohtaamisessa ei luvattu mitään.",
                sv="Förtroende är kvalitet. Lova bara sådant som du kan genomföra, och säg tydligt "
                "vad som händer och när. Ej tillämpligt om inget utlovades i mötet.",
                en="Trust is quality. Promise only what you can deliver, and say clearly what "
                "will happen and when. Not applicable if nothing was promised in the encounter.",
            ),
            question=Text(
                fi="Minkä lupauksen annamme asiakkaille liian helposti, ja mitä voisimme luvata "
                "sen sijaan?",
                sv="Vilket löfte ger vi kunderna alltför lättvindigt, och vad kunde vi lova i stället?",
                en="Which promise do we give customers too easily, and what could we promise "
                "instead?",
            ),
        ),
        CriterionSpec(
            code="honesty",
            weight=2,
            scale="yes_no",
            is_critical=True,
            name=Text(fi="Rehellisyys", sv="Ärlighet", en="Honesty"),
            guidance=Text(
                fi="Kun asiakkaan toivetta ei voi täyttää, se sanotaan hänelle suoraan: rehellinen "
                "vastaus on aina parempi kuin epätyydyttävä toteutus. Kriittinen kohta: jos "
                "asiakkaalle annettiin tietoisesti väärää tai harhaanjohtavaa tietoa, koko arvio "
                "on 0.",
                sv="När kundens önskemål inte kan uppfyllas säger man det rakt ut: ett ärligt svar "
                "är alltid bättre än en otillfredsställande lösning. Kritisk punkt: om kunden "
                "medvetet fick felaktig eller vilseledande information blir hela bedömningen 0.",
                en="When a customer's wish cannot be met, say so plainly: an honest answer is "
                "always better than an unsatisfying delivery. Critical: if the customer was "
                "knowingly given wrong or misleading information, the whole review scores 0.",
            ),
            question=Text(
                fi="Miten kerrot asiakkaalle kielteisen vastauksen niin, että hän silti kokee "
                "tulleensa autetuksi?",
                sv="Hur säger du nej till en kund så att hen ändå känner sig hjälpt?",
                en="How do you tell a customer 'no' so that they still feel helped?",
            ),
        ),
        CriterionSpec(
            code="mistakes-fixed",
            allows_na=True,
            name=Text(
                fi="Virhe tunnistettu, myönnetty ja korjattu",
                sv="Misstaget upptäckt, erkänt och rättat",
                en="Mistake recognised, admitted and fixed",
            ),
            guidance=Text(
                fi="Kaikki ei aina mene niin kuin Strömsössä. Kyky tunnistaa, tunnustaa ja korjata "
                "virheet kuuluu aitoon ja ratkaisukeskeiseen palveluun. Ei sovellu, jos virhettä "
                "ei sattunut.",
                sv="Allt går inte alltid som på Strömsö. Förmågan att upptäcka, erkänna och rätta "
                "misstag hör till en äkta och lösningsinriktad service. Ej tillämpligt om inget "
                "misstag skedde.",
                en="Things do not always go to plan. The ability to recognise, admit and fix "
                "mistakes belongs to genuine, solution-focused service. Not applicable if no "
                "mistake happened.",
            ),
            question=Text(
                fi="Mikä virhe opetti sinulle viimeksi jotain, ja miten asiakas suhtautui, kun "
                "myönsit sen?",
                sv="Vilket misstag lärde dig senast något, och hur tog kunden det när du erkände det?",
                en="Which mistake last taught you something, and how did the customer take it "
                "when you admitted it?",
            ),
        ),
    ),
)

_EXPERIENCE = GroupSpec(
    name=Text(fi="Kokonaisuus", sv="Helheten", en="The whole experience"),
    criteria=(
        CriterionSpec(
            code="felt-helped",
            weight=2,
            name=Text(
                fi="Asiakas koki tulleensa autetuksi",
                sv="Kunden kände sig hjälpt",
                en="The customer felt helped",
            ),
            guidance=Text(
                fi="Loistavassa palvelussa asiantuntija on asiantuntija isolla A:lla, "
                "keskustelusta välittyy tunne, että asiakasta halutaan auttaa, eikä palvelijan "
                "kiire paista läpi. Arvioi kohtaamista asiakkaan kokemuksen kannalta.",
                sv="I utmärkt service är experten en expert med stort E, samtalet förmedlar "
                "känslan av att någon verkligen vill hjälpa kunden, och stressen lyser inte "
                "igenom. Bedöm mötet utifrån kundens upplevelse.",
                en="In great service the expert truly knows their field, the conversation leaves "
                "the customer feeling that someone wants to help, and no hurry shows. Judge the "
                "encounter by what the customer experienced.",
            ),
            question=Text(
                fi="Mistä asiakas huomaa, että meillä on kiire – ja miten sen voi välttää "
                "silloinkin, kun jonoa riittää?",
                sv="Hur märker kunden att vi har bråttom – och hur kan vi undvika det också när "
                "kön är lång?",
                en="How does a customer notice that we are in a hurry – and how can we avoid it "
                "even when the queue is long?",
            ),
        ),
        CriterionSpec(
            code="consistent-quality",
            name=Text(fi="Tasalaatuinen palvelu", sv="Jämn kvalitet", en="Consistent quality"),
            guidance=Text(
                fi="Laadukkaan kohtaamisen pitää olla sääntö eikä poikkeus: asiakas palaa, kun hän "
                "voi luottaa saavansa aina hyvää palvelua. Arvioi, noudattiko kohtaaminen yhdessä "
                "sovittuja toimintatapoja kanavasta ja palvelijasta riippumatta.",
                sv="Ett bra möte ska vara regel och inte undantag: kunden kommer tillbaka när hen "
                "kan lita på att alltid få god service. Bedöm om mötet följde de arbetssätt vi "
                "kommit överens om, oberoende av kanal och medarbetare.",
                en="A good encounter must be the rule, not the exception: customers return when "
                "they can trust that they will always be served well. Judge whether the "
                "encounter followed the ways of working agreed together, whoever served and "
                "whatever the channel.",
            ),
            question=Text(
                fi="Missä asiassa asiakas saa meiltä nyt erilaista palvelua sen mukaan, kuka "
                "sattuu vastaamaan?",
                sv="I vilket ärende får kunden i dag olika service beroende på vem som råkar svara?",
                en="Where does a customer now get different service depending on who happens to "
                "answer?",
            ),
        ),
    ),
)

DEFAULT_CHECKLIST: tuple[GroupSpec, ...] = (_ENCOUNTER, _SOLUTION, _EXPERIENCE)
