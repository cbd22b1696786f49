"""Swedish cases: a few of the commonest matters."""

from __future__ import annotations

from kohtaamo.demo.vocabulary.conversations import Case

CASES = (
    Case(
        topic="room_problem",
        problem=(
            "Jag bor i rum {room} och det kommer bara kallt vatten ur duschen.",
            "Duschen i rum {room} ger inget varmvatten, fast jag har låtit det rinna länge.",
        ),
        upset=(
            "Det är andra morgonen i rad som jag får duscha kallt i rum {room}. Jag sa till i receptionen "
            "redan i går, och ingenting har hänt.",
        ),
        question=("Kommer det varmt vatten ur kranen i handfatet, eller är det kallt överallt?",),
        answer=("Handfatet fungerar, det är bara duschen som är kall.",),
        summary=("det bara kommer kallt vatten ur duschen i rum {room} men handfatet fungerar",),
        wrong_guess=("du inte har låtit vattnet rinna tillräckligt länge",),
        action=(
            "Jag ber vår fastighetsskötare komma upp genast, och om det inte går att fixa direkt "
            "flyttar jag dig till ett annat rum.",
        ),
        promise=("Fastighetsskötaren är hos dig {due}.",),
        due="soon",
        mistake=("felet borde ha åtgärdats redan i går när du anmälde det första gången",),
    ),
    Case(
        topic="invoice",
        problem=(
            "Jag har blivit debiterad två gånger för min vistelse som började den {past_date}, "
            "{amount} euro båda gångerna.",
        ),
        upset=(
            "Ni har debiterat mig två gånger för samma vistelse, {amount} euro varje gång, och det här är "
            "andra gången jag kontaktar er om det. Jag har fortfarande inte fått pengarna tillbaka.",
        ),
        question=("Betalade du redan på nätet när du bokade, eller först på hotellet?",),
        answer=(
            "Jag betalade på nätet när jag bokade, och sedan drogs det igen från kortet när jag checkade ut.",
        ),
        summary=("du betalade på nätet och debiterades samma summa igen vid utcheckningen",),
        wrong_guess=("det bara är en reservation på kortet som försvinner av sig själv",),
        action=(
            "Jag ser att betalningen verkligen har gått två gånger. Jag återbetalar {amount} euro nu direkt.",
        ),
        promise=("Du får en bekräftelse på återbetalningen per mejl {due}.",),
        due="today",
        mistake=("vid utcheckningen borde vi ha sett att rummet redan var betalt",),
    ),
    Case(
        topic="loyalty",
        problem=(
            "Jag har inte fått några bonuspoäng för vistelsen som började den {past_date}, fast jag gav "
            "mitt medlemsnummer i receptionen.",
        ),
        upset=(
            "Poängen saknas igen, redan tredje gången i år. Varje gång måste jag ringa och jaga dem, "
            "och det känns som om stamkundskapet inte betyder något.",
        ),
        question=("Kan du ge mig ditt medlemsnummer och berätta på vilket hotell du bodde?",),
        answer=("Medlemsnumret är {member}, och jag bodde två nätter {city_in}.",),
        summary=("poängen för två nätter {city_in} saknas på medlemsnummer {member}",),
        wrong_guess=("poängen bara inte har hunnit uppdateras än",),
        action=(
            "Jag ser att medlemsnumret inte var kopplat till bokningen. Jag lägger till poängen manuellt nu.",
        ),
        promise=("Poängen syns på ditt konto {due}.",),
        due="tomorrow",
        mistake=("medlemsnumret borde ha kopplats till bokningen redan i receptionen",),
    ),
    Case(
        topic="booking_change",
        request=True,
        problem=(
            "Jag har en bokning {city_in} från den {stay_date}, men vår resa flyttas en vecka framåt. "
            "Går det att byta datum?",
        ),
        question=("Vad är ditt bokningsnummer? Och blir rumstypen och antalet nätter desamma?",),
        answer=("Bokningsnumret är {booking}. Allt annat är som förut, bara datumen ändras.",),
        summary=(
            "du vill flytta bokning {booking} en vecka framåt och allt annat förblir som det är",
        ),
        wrong_guess=("du vill avboka",),
        action=(
            "Jag har flyttat bokningen en vecka framåt. Priset är detsamma och ändringen kostar ingenting.",
        ),
        promise=("Du får en ny bekräftelse per mejl {due}.",),
        due="soon",
    ),
    Case(
        topic="lost_property",
        problem=(
            "Jag checkade ut i går och glömde min telefonladdare i rummet. Har någon hittat den?",
        ),
        question=("Vilket rum bodde du i, och hur ser laddaren ut?",),
        answer=(
            "Rum {room}. Det är en vit laddare med lång sladd, den sitter nog kvar vid sängen.",
        ),
        summary=("en vit telefonladdare blev kvar i uttaget vid sängen i rum {room}",),
        wrong_guess=("du glömde den i lobbyn",),
        action=(
            "Vi har just en sådan laddare från rum {room} bland hittegodset. Vi kan posta den till dig.",
        ),
        promise=("Den går iväg med posten {due}, och jag mejlar dig spårningskoden.",),
        due="days",
    ),
    Case(
        topic="spa_booking",
        request=True,
        problem=("Jag skulle vilja boka en massage den {stay_date}. Vi bor hos er då.",),
        question=("Vill du ha klassisk massage eller till exempel hot stone, och hur lång?",),
        answer=("Klassisk massage, en timme. Helst på eftermiddagen.",),
        summary=("du vill ha en timmes klassisk massage på eftermiddagen den {stay_date}",),
        wrong_guess=("du vill boka ett spapaket för två",),
        action=(
            "Jag fick en timmes klassisk massage åt dig klockan 15. Kom gärna en kvart innan.",
        ),
        promise=("Jag skickar bokningsbekräftelsen per sms {due}.",),
        due="soon",
    ),
)
