"""English, for foreign guests: mostly in Helsinki and in Lapland."""

from __future__ import annotations

from kohtaamo.demo.vocabulary.conversations import LanguagePack, Place
from kohtaamo.demo.vocabulary.conversations.en_cases import CASES

PACK = LanguagePack(
    code="en",
    desk={
        "front_desk": "{hotel}, reception",
        "front_desk_lapland": "{hotel}, reception",
        "restaurant": "{hotel}, restaurant",
        "sales": "Aurora Hotels meetings and events",
        "phone_centre": "Aurora Hotels customer service",
        "chat_email": "Aurora Hotels customer service",
        "loyalty": "Aurora Plus member services",
        "spa": "Aurora Spa Naantali",
        "airport_desk": "Aurora service desk, Rovaniemi Airport",
    },
    places={
        "helsinki": Place("Hotel Aurora Helsinki", "Helsinki", "in Helsinki", "to Helsinki"),
        "turku": Place("Hotel Aurora Turku", "Turku", "in Turku", "to Turku"),
        "naantali": Place("Aurora Spa Hotel Naantali", "Naantali", "in Naantali", "to Naantali"),
        "oulu": Place("Hotel Aurora Oulu", "Oulu", "in Oulu", "to Oulu"),
        "rovaniemi": Place("Hotel Aurora Rovaniemi", "Rovaniemi", "in Rovaniemi", "to Rovaniemi"),
    },
    greeting={
        "phone": (
            "{desk}, this is {agent} speaking. How can I help you?",
            "{good_day}, {desk}, {agent} speaking. How may I help?",
            "Thank you for holding. {desk}, this is {agent}. What can I do for you?",
        ),
        "chat": (
            "Hi and welcome to the Aurora Hotels chat! My name is {agent}. How can I help you today?",
            "Hello! {agent} here from Aurora customer service. How can I help?",
        ),
    },
    curt_greeting={
        "phone": ("{desk}.", "Yeah, {agent}.", "Customer service."),
        "chat": ("Hi.", "Hi, what's the issue?"),
    },
    hello=("Hi.", "Hello.", "Hi there.", "{good_day}."),
    acknowledge_problem=(
        "Oh no, I'm sorry to hear that. Let's sort it out.",
        "Thank you for letting us know.",
        "I see, that doesn't sound right at all. Let me look into it.",
    ),
    acknowledge_request=(
        "Of course, let me have a look.",
        "Happy to help with that.",
        "Certainly, let's see what we can do.",
    ),
    verify=(
        "Just to make sure I've understood correctly: {summary}, is that right?",
        "So if I understood you correctly, {summary}?",
        "Let me check I've got this right: {summary}?",
    ),
    confirm=("Yes, exactly.", "That's right.", "Yes.", "Yes, that's it."),
    thanks=(
        "Thank you so much, that really helps.",
        "Great, thanks!",
        "Thanks, that sounds good.",
        "Wonderful, thank you for sorting that out so quickly.",
    ),
    anything_else=(
        "Is there anything else I can help you with?",
        "Anything else I can do for you today?",
    ),
    nothing_else=("No, that's all. Thank you!", "No, that's everything, thanks."),
    closing={
        "phone": ("Thank you for calling, and {wish}!", "Thanks for calling, {wish}!"),
        "chat": ("Thanks for contacting us, and {wish}!", "Glad I could help. {wish_cap}!"),
    },
    goodbye={
        "phone": ("Thanks, you too. Bye.", "Bye!", "Thank you, goodbye."),
        "chat": ("Thanks, bye!", "Thank you!"),
    },
    wishes=("have a lovely day", "have a nice evening"),
    times_of_day=("Good morning", "Good afternoon", "Good evening"),
    upset_opening=(
        "I have to say I'm really disappointed.",
        "Sorry, but I'm actually quite angry now.",
        "This is unbelievable.",
    ),
    apology=(
        "I'm really sorry. This is not the kind of service we want to give.",
        "I do apologise, and I completely understand why you're upset. I want to sort this out properly.",
    ),
    still_upset=("Well.", "I've explained this once already, but fine.", ""),
    admit=(
        "You're absolutely right, and this was our mistake: {mistake}.",
        "The mistake is ours, and I won't pretend otherwise: {mistake}.",
    ),
    generic_promise=(
        "I'll call you {due} and tell you where we are.",
        "I'll see this through myself and get back to you {due}.",
    ),
    calming=(
        "Okay. Thank you for taking this seriously.",
        "Right. That sounds much better.",
        "Thank you. I appreciate you owning up to it.",
        "Okay, good. Sorry I snapped at you earlier.",
    ),
    recovery_closing=(
        "Once again, I'm sorry, and thank you for telling us. {wish_cap}!",
        "Thank you for your patience, and apologies again. {wish_cap}!",
    ),
    assume=(
        "I think {wrong_guess}.",
        "That'll be because {wrong_guess}. We get that a lot.",
    ),
    correct=("No, that's not it. {answer}", "No, no. {answer}", "You're not listening. {answer}"),
    rush=(
        "The easiest way is to fill in the form on our website.",
        "We're really busy right now. Could you send us an email about it?",
        "I can't do anything about that from here, it's another department.",
    ),
    pushback=(
        "Can't we just sort it out now, while I'm talking to you?",
        "So nobody is actually going to deal with this?",
        "Hang on, I haven't even finished explaining.",
    ),
    vague=(
        "I'll pass it on, someone will look at it when they have time.",
        "I'm sure it'll sort itself out somehow.",
        "Someone will get back to you at some point.",
    ),
    unhappy_end=(
        "Right. Thanks, I guess.",
        "Well, that didn't solve anything.",
        "Okay. I think I'll book somewhere else next time.",
    ),
    dismissive_closing=("Bye.", "Have a good day.", ""),
    due={
        "soon": ("within fifteen minutes", "within half an hour"),
        "today": ("by {hour} today", "before {hour} today"),
        "tomorrow": ("by noon tomorrow", "before {hour} tomorrow"),
        "days": ("by {weekday} at {hour}", "by {weekday} at the latest", "within two working days"),
    },
    weekdays=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    cases=CASES,
    twelve_hour_clock=True,
    date_pattern="{day} {month_name}",
    month_names=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
)
