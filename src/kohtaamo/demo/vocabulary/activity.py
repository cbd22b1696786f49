"""When and how each kind of team meets customers.

Hourly weights are relative (0 = closed). A front desk is open round the
clock with peaks at check-out and check-in; the customer service centre works
office hours, Saturdays shorter, and is closed on Sundays and public holidays.
"""

from __future__ import annotations

from dataclasses import dataclass

_ = 0  # closed, so that the hour tables line up


@dataclass(frozen=True)
class Activity:
    channels: dict[str, int]
    topics: dict[str, int]
    hours: tuple[float, ...]  # 24 weights, from 00 to 23
    weekdays: tuple[float, ...]  # Monday … Sunday
    closed_on_holidays: bool = False
    saturday_hours: tuple[int, int] | None = None  # open from, until
    shifts: bool = False  # round the clock: morning, evening and night shifts


FRONT_DESK_HOURS = (
    0.6, 0.4, 0.3, 0.2, 0.2, 0.3, 1.5, 4.0, 5.0, 4.5, 3.5, 2.5,
    2.0, 2.5, 4.0, 5.0, 5.0, 4.5, 3.5, 3.0, 2.5, 2.0, 1.5, 1.0,
)  # fmt: skip
RESTAURANT_HOURS = (
    _, _, _, _, _, _, 3.0, 5.0, 5.0, 4.0, 1.5, 2.0,
    2.5, 1.5, 0.5, 0.5, 1.0, 2.5, 3.5, 3.5, 2.5, 1.0, _, _,
)  # fmt: skip
OFFICE_HOURS = (
    _, _, _, _, _, _, _, _, 3.0, 4.0, 4.0, 3.0,
    2.5, 3.5, 3.5, 3.0, 2.5, 1.5, _, _, _, _, _, _,
)  # fmt: skip
CHAT_HOURS = (
    _, _, _, _, _, _, _, _, 2.5, 3.5, 3.5, 3.0,
    3.0, 3.0, 3.0, 3.0, 3.0, 3.0, 3.5, 3.5, 2.5, _, _, _,
)  # fmt: skip
SPA_HOURS = (
    _, _, _, _, _, _, _, 1.0, 2.5, 3.5, 4.0, 3.5,
    3.0, 3.5, 4.0, 4.0, 3.5, 3.5, 3.0, 2.0, 1.0, _, _, _,
)  # fmt: skip
# Around the arrivals of the morning, afternoon and evening flights.
AIRPORT_HOURS = (
    0.2, _, _, _, _, _, _, 0.5, 1.0, 2.0, 4.0, 4.0,
    2.5, 1.5, 2.0, 4.0, 4.5, 3.0, 1.5, 1.5, 3.0, 4.0, 3.0, 1.0,
)  # fmt: skip

_FRONT_DESK_TOPICS = {
    "booking": 8, "booking_change": 6, "early_checkin": 6, "late_checkout": 8,
    "room_problem": 10, "noise": 3, "invoice": 7, "lost_property": 5, "breakfast": 8,
    "parking": 6, "loyalty": 4, "feedback": 3, "luggage": 4,
}  # fmt: skip

ACTIVITIES: dict[str, Activity] = {
    "front_desk": Activity(
        channels={"in_person": 60, "phone": 24, "email": 8, "social": 2, "other": 6},
        topics=_FRONT_DESK_TOPICS,
        hours=FRONT_DESK_HOURS,
        weekdays=(0.9, 0.9, 1.0, 1.0, 1.2, 1.3, 1.1),
        shifts=True,
    ),
    "front_desk_lapland": Activity(
        channels={"in_person": 62, "phone": 20, "email": 10, "social": 3, "other": 5},
        topics={**_FRONT_DESK_TOPICS, "excursion": 10, "transport": 4, "parking": 2},
        hours=FRONT_DESK_HOURS,
        weekdays=(0.9, 0.9, 1.0, 1.0, 1.2, 1.3, 1.1),
        shifts=True,
    ),
    "restaurant": Activity(
        channels={"in_person": 80, "phone": 14, "email": 6},
        topics={"breakfast": 10, "table_booking": 9, "diet": 6, "invoice": 2, "feedback": 3},
        hours=RESTAURANT_HOURS,
        weekdays=(0.9, 0.9, 1.0, 1.0, 1.2, 1.4, 1.2),
    ),
    "sales": Activity(
        channels={"email": 50, "phone": 44, "in_person": 6},
        topics={"meeting_booking": 12, "booking": 3, "invoice": 3, "booking_change": 2},
        hours=OFFICE_HOURS,
        weekdays=(1.2, 1.1, 1.1, 1.0, 0.8, 0.0, 0.0),
        closed_on_holidays=True,
    ),
    "phone_centre": Activity(
        channels={"phone": 94, "other": 6},
        topics={
            "booking": 14,
            "booking_change": 12,
            "invoice": 10,
            "refund": 4,
            "feedback": 4,
            "loyalty": 5,
            "lost_property": 4,
            "gift_card": 4,
            "room_problem": 2,
            "late_checkout": 3,
            "breakfast": 2,
            "spa_booking": 2,
            "parking": 2,
        },
        hours=OFFICE_HOURS,
        weekdays=(1.35, 1.15, 1.05, 1.0, 0.9, 0.45, 0.0),
        closed_on_holidays=True,
        saturday_hours=(10, 16),
    ),
    "chat_email": Activity(
        channels={"chat": 58, "email": 36, "social": 6},
        topics={
            "booking": 10,
            "booking_change": 10,
            "web_payment": 8,
            "invoice": 8,
            "refund": 3,
            "feedback": 5,
            "loyalty": 4,
            "lost_property": 4,
            "gift_card": 4,
            "breakfast": 3,
            "parking": 3,
            "spa_info": 2,
            "late_checkout": 2,
        },
        hours=CHAT_HOURS,
        weekdays=(1.25, 1.1, 1.0, 1.0, 0.95, 0.7, 0.75),
    ),
    "loyalty": Activity(
        channels={"phone": 50, "email": 30, "chat": 20},
        topics={"loyalty": 16, "invoice": 2, "booking": 2, "gift_card": 2, "feedback": 1},
        hours=OFFICE_HOURS,
        weekdays=(1.2, 1.1, 1.0, 1.0, 0.9, 0.0, 0.0),
        closed_on_holidays=True,
    ),
    "spa": Activity(
        channels={"in_person": 60, "phone": 30, "email": 10},
        topics={"spa_booking": 14, "spa_info": 6, "gift_card": 4, "diet": 1, "feedback": 2},
        hours=SPA_HOURS,
        weekdays=(0.7, 0.7, 0.8, 0.9, 1.2, 1.6, 1.3),
    ),
    "airport_desk": Activity(
        channels={"in_person": 88, "phone": 12},
        topics={"transport": 12, "excursion": 6, "luggage": 5, "booking": 3, "lost_property": 2},
        hours=AIRPORT_HOURS,
        weekdays=(0.9, 0.8, 0.8, 1.0, 1.3, 1.2, 1.2),
    ),
}

# Share of encounters with no known customer, by channel: walk-ins at the
# breakfast buffet, calls from a hidden number, anonymous social posts.
ANONYMOUS_SHARE = {
    "in_person": 0.25,
    "phone": 0.05,
    "chat": 0.12,
    "email": 0.0,
    "social": 0.35,
    "other": 0.1,
}

# Typical length in minutes (median, spread) of one encounter by channel.
DURATION_MINUTES = {
    "phone": (5.0, 0.55),
    "chat": (11.0, 0.5),
    "email": (7.0, 0.6),
    "in_person": (3.5, 0.6),
    "social": (6.0, 0.6),
    "other": (4.0, 0.6),
}

# Shifts of round-the-clock teams, as (first hour, last hour + 1).
SHIFTS = {"aamu": (6, 14), "ilta": (14, 22), "yö": (22, 30)}
