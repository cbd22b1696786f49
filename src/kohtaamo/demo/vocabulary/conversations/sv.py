"""Finland-Swedish: the staff say "du", as is usual in Swedish."""

from __future__ import annotations

from kohtaamo.demo.vocabulary.conversations import LanguagePack, Place
from kohtaamo.demo.vocabulary.conversations.sv_cases import CASES

PACK = LanguagePack(
    code="sv",
    desk={
        "front_desk": "{hotel}, receptionen",
        "front_desk_lapland": "{hotel}, receptionen",
        "restaurant": "{hotel}, restaurangen",
        "sales": "Aurora Hotels mötesförsäljning",
        "phone_centre": "Aurora Hotels kundtjänst",
        "chat_email": "Aurora Hotels kundtjänst",
        "loyalty": "Aurora Plus kundtjänst",
        "spa": "Aurora Spa Nådendal",
        "airport_desk": "Auroras servicepunkt på Rovaniemi flygplats",
    },
    places={
        "helsinki": Place(
            "Hotell Aurora Helsingfors", "Helsingfors", "i Helsingfors", "till Helsingfors"
        ),
        "turku": Place("Hotell Aurora Åbo", "Åbo", "i Åbo", "till Åbo"),
        "naantali": Place("Spahotell Aurora Nådendal", "Nådendal", "i Nådendal", "till Nådendal"),
        "oulu": Place("Hotell Aurora Uleåborg", "Uleåborg", "i Uleåborg", "till Uleåborg"),
        "rovaniemi": Place("Hotell Aurora Rovaniemi", "Rovaniemi", "i Rovaniemi", "till Rovaniemi"),
    },
    greeting={
        "phone": (
            "{desk}, det är {agent}. Hur kan jag hjälpa dig?",
            "{good_day}, {desk}, du talar med {agent}. Vad kan jag hjälpa till med?",
            "Tack för att du väntade. {desk}, {agent} här. Hur kan jag hjälpa dig?",
        ),
        "chat": (
            "Hej och välkommen till Auroras chatt! Jag heter {agent}. Hur kan jag hjälpa dig?",
            "Hej! {agent} här från Auroras kundtjänst. Vad kan jag hjälpa till med?",
        ),
    },
    curt_greeting={
        "phone": ("{desk}.", "{agent}.", "Kundtjänst."),
        "chat": ("Hej.", "Hej, vad gäller det?"),
    },
    hello=("Hej.", "Hej!", "{good_day}.", "Hej hej."),
    acknowledge_problem=(
        "Oj, det var tråkigt att höra. Vi reder ut det här.",
        "Tack för att du säger till.",
        "Det förstår jag, det låter inte bra. Jag tittar på det.",
    ),
    acknowledge_request=(
        "Absolut, vi tittar på det.",
        "Gärna!",
        "Självklart, vi ser vad vi kan göra.",
    ),
    verify=(
        "Har jag förstått rätt att {summary}?",
        "Får jag bara kontrollera: stämmer det att {summary}?",
        "Så om jag förstod dig rätt är det så att {summary}?",
    ),
    confirm=("Ja, precis.", "Ja, det stämmer.", "Ja."),
    thanks=("Tack så mycket, det här hjälpte verkligen.", "Vad bra, tack!", "Tack, det låter bra."),
    anything_else=(
        "Kan jag hjälpa dig med något annat?",
        "Var det något annat jag kan hjälpa till med?",
    ),
    nothing_else=("Nej, det var allt. Tack!", "Nej tack, det var bra så."),
    closing={
        "phone": ("Tack för samtalet och {wish}!", "Tack för att du ringde, {wish}!"),
        "chat": ("Tack för att du kontaktade oss, {wish}!",),
    },
    goodbye={
        "phone": ("Tack detsamma, hej då.", "Hej då!", "Tack, hej."),
        "chat": ("Tack, hej!", "Tack så mycket!"),
    },
    wishes=("ha en fin dag", "ha en trevlig kväll"),
    times_of_day=("God morgon", "God dag", "God kväll"),
    upset_opening=(
        "Jag måste säga att jag är riktigt besviken.",
        "Ursäkta, men nu är jag faktiskt arg.",
        "Det här är helt otroligt.",
    ),
    apology=(
        "Jag ber verkligen om ursäkt, det här är inte den service vi vill ge.",
        "Förlåt, jag förstår mycket väl att du är upprörd. Jag vill reda ut det här ordentligt.",
    ),
    still_upset=("Jaha.", "Jag har redan berättat det här en gång, men okej.", ""),
    admit=(
        "Du har helt rätt, här har vi gjort ett misstag: {mistake}.",
        "Felet är vårt, och det vill jag säga rakt ut: {mistake}.",
    ),
    generic_promise=(
        "Jag ringer dig {due} och berättar hur det har gått.",
        "Jag sköter det här själv och hör av mig {due}.",
    ),
    calming=(
        "Okej. Tack för att du tar det här på allvar.",
        "Bra. Det låter redan bättre.",
        "Tack. Jag uppskattar att du erkände felet.",
    ),
    recovery_closing=(
        "Förlåt än en gång, och tack för att du sa till. {wish_cap}!",
        "Tack för ditt tålamod, och förlåt igen. {wish_cap}!",
    ),
    assume=(
        "Det är nog så att {wrong_guess}.",
        "Det handlar säkert om att {wrong_guess}. Det händer ofta.",
    ),
    correct=("Nej, det är inte det. {answer}", "Nej, nej. {answer}", "Du lyssnar inte. {answer}"),
    rush=(
        "Det sköts smidigast via formuläret på vår webbplats.",
        "Vi har jättemycket att göra just nu. Kan du skicka ett mejl om det?",
        "Jag kan inte göra något åt det här, det hör till en annan avdelning.",
    ),
    pushback=(
        "Kan vi inte sköta det nu när jag ändå har kontakt med er?",
        "Så ingen tar hand om det här alltså?",
        "Vänta, jag hann inte ens berätta allt.",
    ),
    vague=(
        "Jag skickar det vidare, någon tittar på det när de hinner.",
        "Det ordnar sig säkert på något sätt.",
    ),
    unhappy_end=(
        "Jaha. Tack då.",
        "Det här löste ju ingenting.",
        "Okej. Jag bokar nog någon annanstans i fortsättningen.",
    ),
    dismissive_closing=("Hej.", "Ha en bra dag.", ""),
    due={
        "soon": ("inom en kvart", "inom en halvtimme"),
        "today": ("före klockan {hour} i dag", "senast klockan {hour} i dag"),
        "tomorrow": ("i morgon före klockan tolv", "senast klockan {hour} i morgon"),
        "days": (
            "senast på {weekday} klockan {hour}",
            "senast på {weekday}",
            "inom två arbetsdagar",
        ),
    },
    weekdays=("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"),
    cases=CASES,
    date_pattern="{day}.{month}",
)
