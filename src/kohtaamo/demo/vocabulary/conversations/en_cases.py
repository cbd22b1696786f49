"""English cases: what foreign guests most often contact the chain about."""

from __future__ import annotations

from kohtaamo.demo.vocabulary.conversations import Case

CASES = (
    Case(
        topic="room_problem",
        problem=(
            "I'm in room {room} and there's no hot water in the shower.",
            "The shower in room {room} only gives cold water, even after running it for ages.",
        ),
        upset=(
            "This is the second morning in a row I've had a cold shower in room {room}. "
            "I reported it to reception yesterday and nothing has happened.",
        ),
        question=("Is there hot water from the tap in the sink, or is it cold everywhere?",),
        answer=("The sink is fine, it's only the shower that's cold.",),
        summary=("the shower in room {room} only runs cold but the sink has hot water",),
        wrong_guess=("you haven't let the water run long enough",),
        action=(
            "I'll send our maintenance technician up straight away, and if it can't be fixed "
            "right now, I'll move you to another room.",
        ),
        promise=("The technician will be with you {due}.",),
        due="soon",
        mistake=("the fault should have been fixed yesterday when you first reported it",),
    ),
    Case(
        topic="room_problem",
        problem=(
            "It's really hot in room {room} and the air conditioning doesn't seem to do anything.",
        ),
        upset=(
            "We couldn't sleep at all last night because room {room} was boiling. "
            "The air conditioning is broken and it has ruined the start of our holiday.",
        ),
        question=("Does the thermostat show a temperature, and can you hear the fan at all?",),
        answer=(
            "It says 21 degrees, but it's much warmer than that, and the fan is completely silent.",
        ),
        summary=(
            "the air conditioning in room {room} doesn't start even though the thermostat is on",
        ),
        wrong_guess=("the thermostat is just set wrong",),
        action=(
            "I'm sending maintenance to check the air conditioning, and I'll bring you a fan in the meantime.",
        ),
        promise=("You'll have the fan {due}.",),
        due="soon",
        mistake=("we should have noticed the fault before giving you the room",),
    ),
    Case(
        topic="noise",
        problem=(
            "There's loud music coming from the room next door and I can't sleep. I'm in room {room}.",
        ),
        upset=(
            "The people next door have been partying for the second night running. I complained yesterday "
            "and nothing happened. I'm in room {room}.",
        ),
        question=("Which side is it coming from, the lift side or the end of the corridor?",),
        answer=("From the lift side, so probably room {room_next}.",),
        summary=("there's loud music from the room on the lift side of room {room}",),
        wrong_guess=("it's noise from the street",),
        action=(
            "I'll go and ask them to turn it down myself. If it carries on, I'll move you to a quieter room.",
        ),
        promise=("I'll call you {due} to make sure it's quiet.",),
        due="soon",
        mistake=("we should have dealt with it straight away after your complaint yesterday",),
    ),
    Case(
        topic="invoice",
        problem=(
            "I've been charged twice for my stay that started on {past_date}, {amount} euros both times.",
        ),
        upset=(
            "You've charged me twice for the same stay, {amount} euros each time, and this is the second "
            "time I'm contacting you about it. I still haven't had my money back.",
        ),
        question=("Did you pay online when you booked, or at the hotel?",),
        answer=(
            "I paid online when I booked, and then the hotel charged my card again when I checked out.",
        ),
        summary=("you paid online and were charged the same amount again at check-out",),
        wrong_guess=("it's just a pre-authorisation on your card that will disappear by itself",),
        action=(
            "I can see the payment did go through twice. I'm refunding {amount} euros to the same card now.",
        ),
        promise=("You'll have a confirmation of the refund by email {due}.",),
        due="today",
        mistake=("at check-out we should have seen that the room was already paid for",),
    ),
    Case(
        topic="booking",
        request=True,
        problem=(
            "I'd like to book a room {city_in} for two nights from {stay_date}. "
            "We're two adults and two children.",
        ),
        question=(
            "How old are the children? We have cots for under-threes and extra beds for older ones.",
        ),
        answer=("One is five and the other is nine.",),
        summary=(
            "you need a room for two adults and two children aged five and nine for two nights from {stay_date}",
        ),
        wrong_guess=("you need two separate rooms",),
        action=(
            "We have a family room with a double bed and a bunk bed. Breakfast is included, "
            "and children under twelve eat for free.",
        ),
        promise=("The booking confirmation will be in your inbox {due}.",),
        due="soon",
    ),
    Case(
        topic="late_checkout",
        request=True,
        problem=(
            "I'm in room {room}. My flight isn't until the evening, could I keep the room after twelve?",
        ),
        upset=(
            "I agreed with reception yesterday that I could keep my room until three, and now the "
            "housekeeper knocked at ten and told me to leave.",
        ),
        question=("What time would you need to leave the hotel?",),
        answer=("If I could stay until three, that would be perfect.",),
        summary=("you'd like to keep room {room} until three in the afternoon",),
        wrong_guess=("you just want to leave your bags with us",),
        action=("The room isn't needed tonight, so you can keep it until three at no extra cost.",),
        promise=("I'll confirm the late check-out by text message {due}.",),
        due="soon",
        mistake=("yesterday's arrangement never reached housekeeping",),
    ),
    Case(
        topic="lost_property",
        problem=(
            "I checked out yesterday and left my phone charger in the room. Has anyone found it?",
        ),
        question=("Which room were you in, and what does the charger look like?",),
        answer=(
            "Room {room}. It's a white charger with a long cable, probably still plugged in by the bed.",
        ),
        summary=("a white phone charger was left plugged in by the bed in room {room}",),
        wrong_guess=("you left it in the lobby",),
        action=(
            "We have exactly that charger from room {room} in lost property. We can post it to you.",
        ),
        promise=("It'll be in the post {due}, and I'll email you the tracking code.",),
        due="days",
    ),
    Case(
        topic="transport",
        request=True,
        problem=(
            "We land in Rovaniemi tomorrow evening. Can you arrange a transfer from the airport?",
        ),
        question=("What time does your flight land, and how many of you are there?",),
        answer=(
            "We land at 21.40, and there are four of us, plus two big suitcases and a pushchair.",
        ),
        summary=(
            "you need a transfer for four people, two big suitcases and a pushchair at 21.40 tomorrow",
        ),
        wrong_guess=("you just need a taxi for two",),
        action=(
            "I've booked a minivan with room for the pushchair. The driver will wait for you in the "
            "arrivals hall with a name sign.",
        ),
        promise=("I'll text you the driver's details {due}.",),
        due="today",
    ),
    Case(
        topic="excursion",
        request=True,
        problem=(
            "We'd love to go on a northern lights tour one evening this week. Is there still space?",
        ),
        question=(
            "How many of you are there, and would you prefer a snowmobile tour or a bus tour?",
        ),
        answer=(
            "Just the two of us, and the bus tour is fine. We're not really into snowmobiles.",
        ),
        summary=("you'd like a northern lights bus tour for two this week",),
        wrong_guess=("you want to go on a snowmobile safari",),
        action=(
            "There's space on Thursday's tour. It leaves from the hotel at nine in the evening, "
            "and we'll lend you warm overalls.",
        ),
        promise=("I'll confirm your places with the tour operator and let you know {due}.",),
        due="today",
    ),
    Case(
        topic="breakfast",
        request=True,
        problem=("Do you have gluten-free options at breakfast? I have coeliac disease.",),
        upset=(
            "I told you about my coeliac disease when I booked, but this morning there was nothing at "
            "breakfast I could eat, and the staff knew nothing about it.",
        ),
        question=("Is gluten-free enough, or do you also need to avoid oats?",),
        answer=("Gluten-free is enough. Pure oats are fine for me.",),
        summary=("you need a gluten-free breakfast and pure oats are fine",),
        wrong_guess=("you need a lactose-free breakfast",),
        action=(
            "We have gluten-free bread and pure oats on a separate, labelled table, and the kitchen "
            "will make your hot dishes gluten-free on request.",
        ),
        promise=("I've added this to your booking, and the kitchen will confirm by email {due}.",),
        due="today",
        mistake=("the information about your coeliac disease never reached the kitchen",),
    ),
)
