"""A survey link's answer in one round trip to PostgreSQL, when nothing is in doubt.

The survey POST used to find the invitation (one statement), check the answer
against its survey in Python and then write it (a second statement: the
response, the invitation marked answered and the two daily pre-aggregates,
`services._answer_in_one_statement`). Under load the survey took about half
the bare view's rate (benchmarks/survey_intake.py), most of it in Django
making the invitation's five model instances and the form and in waiting for
the second round trip.

Here the common case, a complete and valid answer, goes as one statement
that finds the invitation by its link and writes the answer (and for an
unhappy one its follow-up) only if the invitation is open (not answered, not
expired) and its survey asks exactly the questions answered. Everything
else falls through to the full path (`views.survey`), which decides as
before and says why:

- `posted_answer` reads the POST as `SurveyForm` would clean it for such a
  survey, and gives None whenever the form might say otherwise (a value out
  of range, a comment too long, ...). A hypothesis test holds the two to the
  same values (`tests/test_link_answer.py`).
- An unhappy answer (a detractor, CSAT 1-2) opens its follow-up in the same
  statement, for the assignee that `services.followup_assignee_sql` names
  (the one rule the full path uses too), due when `followup_due` says.
- The statement writes nothing unless the invitation is open, unanswered and
  its survey asks exactly these questions (the survey's own flags in the
  WHERE clause), and the answer's one-per-invitation key decides a race
  (`ON CONFLICT DO NOTHING`). A post to a link answered before (a second
  tab, a double click, a reload that posts again) stores nothing and is
  told so, and the page redirects to its thank-you page as after an answer.
  When it wrote nothing for another reason the full path runs and gives the
  page it would have given.

What the statement writes is what `services.response_submit` writes, the
same rows with the same values (tested against it for every survey shape),
except that its counts go to the inbox (`insights.models.AnswerInbox`),
whose fold adds them to the same rows of the days.
SQLite keeps the full path.
"""

# Only the models' table and column names go into the text; values travel apart.
# ruff: noqa: S608

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.http import QueryDict
from django.utils import timezone

from kohtaamo.core import statements
from kohtaamo.core.dates import local_date
from kohtaamo.encounters.models import Encounter
from kohtaamo.feedback.models import (
    CES_RANGE,
    COMMENT_MAX_LENGTH,
    CSAT_RANGE,
    NPS_RANGE,
    FollowUp,
    Invitation,
    InvitationStatus,
    Response,
    Survey,
    is_unhappy,
)
from kohtaamo.feedback.selectors import link_match_params, link_match_sql, link_token_hash
from kohtaamo.feedback.services import followup_assignee_sql, followup_due
from kohtaamo.insights.aggregates import COUNT_COLUMNS, answer_counts, answer_inbox_insert_from

SCALES = {"nps": NPS_RANGE, "csat": CSAT_RANGE, "ces": CES_RANGE}
# Each scale's accepted values as the form's choices compare them: as text.
_CHOICES = {name: {str(n): n for n in range(low, high + 1)} for name, (low, high) in SCALES.items()}
# What CheckboxInput reads as unticked (any other text is ticked, "0" too).
_UNTICKED = {"", "false"}


@dataclass(frozen=True)
class PostedAnswer:
    nps: int | None
    csat: int | None
    ces: int | None
    comment: str
    consent_contact: bool

    @property
    def is_unhappy(self) -> bool:
        return is_unhappy(nps=self.nps, csat=self.csat)


def posted_answer(data: QueryDict) -> PostedAnswer | None:
    """The answer as `SurveyForm` cleans it for a survey that asks exactly the
    scales given here (and a comment and consent), or None when the form
    could find fault with it. A scale left out or empty is not answered."""
    scores: dict[str, int | None] = {}
    for name, choices in _CHOICES.items():
        value = data.get(name, "")
        if value == "":
            scores[name] = None
        elif value in choices:
            scores[name] = choices[value]
        else:
            return None
    # CharField: stripped, at most the limit, no NUL character.
    comment = str(data.get("comment", "")).strip()
    if len(comment) > COMMENT_MAX_LENGTH or "\x00" in comment:
        return None
    consent = data.get("consent_contact")
    return PostedAnswer(
        nps=scores["nps"],
        csat=scores["csat"],
        ces=scores["ces"],
        comment=comment,
        consent_contact=consent is not None and str(consent).lower() not in _UNTICKED,
    )


class LinkAnswer(enum.Enum):
    """What the one statement did with a post; None: the full path decides."""

    STORED = "stored"  # this answer is stored
    ANSWERED_BEFORE = "answered_before"  # the link was answered already: nothing stored


def answer_by_link(*, token: str, answer: PostedAnswer, language: str | None) -> LinkAnswer | None:
    """Store an answer to an open invitation in one statement, with its
    follow-up if it is unhappy (PostgreSQL only). STORED if it was stored,
    ANSWERED_BEFORE if the link's invitation holds an earlier answer (a
    replay: nothing is stored, the page thanks), None if the full path must
    decide."""
    assert connection.vendor == "postgresql"
    hashed = link_token_hash(token)
    if hashed is None:
        return None
    now = timezone.now()
    statement = _statement(unhappy=answer.is_unhappy)
    params = statement.params(
        hashed=hashed, now=now, day=local_date(now), answer=answer, language=language
    )
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, params)
        # The RETURNING values in the writes' order: found's, the answer's, ...
        answered_before, stored = cursor.fetchone()[:2]
    if stored is not None:
        return LinkAnswer.STORED
    # A post that lost a race to another one of the same link finds the
    # invitation unanswered (its snapshot is older) and leaves it to the full path.
    return LinkAnswer.ANSWERED_BEFORE if answered_before else None


class _Statement:
    """The statement's text, made once per process from the models."""

    def __init__(self, *, unhappy: bool) -> None:
        self.unhappy = unhappy
        quote = connection.ops.quote_name
        inv = Invitation._meta
        column = {f.name: quote(str(f.column)) for f in inv.concrete_fields}
        survey = {f.name: quote(str(f.column)) for f in Survey._meta.concrete_fields}
        encounter_table = quote(Encounter._meta.db_table)
        # The link's invitation, whether it takes this answer now (`open`)
        # and whether it was answered before (`answered`: the page thanks).
        self.found = statements.Write(
            "found",
            f"SELECT i.{column['id']} AS id, i.{column['language']} AS language, "
            f"i.{column['encounter']} AS encounter_id, e.team_id, e.staff_id, e.channel, "
            f"s.{survey['ask_comment']} AS ask_comment, s.{survey['ask_consent']} AS ask_consent, "
            f"(i.{column['status']} <> %s AND i.{column['expires_at']} > %s "
            f"AND s.{survey['ask_nps']} = %s AND s.{survey['ask_csat']} = %s "
            f"AND s.{survey['ask_ces']} = %s) AS open, "
            f"i.{column['status']} = %s AS answered "
            f"FROM {quote(inv.db_table)} i "
            f"JOIN {quote(Survey._meta.db_table)} s ON s.id = i.{column['survey']} "
            f"JOIN {encounter_table} e ON e.id = i.{column['encounter']} "
            f"WHERE {link_match_sql('i')}",
            [],
            returning="answered",
        )
        # Each column of the answer: a value of the post, or SQL over `found`.
        from_found = {
            "invitation": "found.id",
            "comment": "CASE WHEN found.ask_comment THEN %s ELSE '' END",
            "consent_contact": "(%s AND found.ask_consent)",
            "language": "COALESCE(%s, found.language)",
            "team": "found.team_id",
            "staff": "found.staff_id",
            "channel": "found.channel",
            # The customer's own answer, never an import's.
            "imported": "FALSE",
        }
        self.answer_fields = [f for f in Response._meta.local_concrete_fields if not f.primary_key]
        values = [from_found.get(f.name, "%s") for f in self.answer_fields]
        self.answer_params = [
            f.name for f, v in zip(self.answer_fields, values, strict=True) if "%s" in v
        ]
        unknown = {f.name for f in self.answer_fields} - {
            *from_found,
            *SCALES,
            "answered_at",
            "answered_on",
        }
        # A field added to Response must be given a value here too.
        assert not unknown, f"the link answer does not write {unknown}"
        self.answer = statements.Write(
            "answer",
            f"INSERT INTO {quote(Response._meta.db_table)} "
            f"({', '.join(quote(str(f.column)) for f in self.answer_fields)}) "
            f"SELECT {', '.join(values)} FROM found WHERE found.open "
            f"ON CONFLICT ({quote(str(Response._meta.get_field('invitation').column))}) "
            "DO NOTHING RETURNING id, team_id, staff_id, channel, answered_on AS day, "
            f"{quote(str(Response._meta.get_field('invitation').column))} AS invitation_id",
            [],
            returning="id",
        )
        self.marked = statements.Write(
            "marked",
            f"UPDATE {quote(inv.db_table)} SET {column['status']} = %s, "
            f"{column['answered_at']} = %s "
            f"WHERE {column['id']} IN (SELECT invitation_id FROM answer)",
            [],
        )
        # Counted in the inbox, not in the days' rows that every answer of
        # the team shares (see `insights.models.AnswerInbox`).
        self.counted = answer_inbox_insert_from("answer")
        writes = [self.found, self.answer, self.marked, *self.counted]
        # The follow-up's columns made by the statement itself; the others
        # are values of each call (`followup`).
        self.followup_expressions = {
            "response_id": "answer.id",
            "encounter_id": "found.encounter_id",
            "team_id": "answer.team_id",
            "assignee_id": followup_assignee_sql("answer.team_id"),
        }
        if unhappy:
            writes.append(self.followup(now=timezone.now()))
        self.sql = statements.together(writes)

    def followup(self, *, now: Any) -> statements.Write:
        """The follow-up of an unhappy answer, as `services.followup_new` makes it."""
        return statements.insert(
            "followup",
            FollowUp(created_at=now, due_at=followup_due(opened_at=now)),
            expressions=self.followup_expressions,
            source="answer JOIN found ON found.id = answer.invitation_id",
        )

    def params(
        self,
        *,
        hashed: str,
        now: Any,
        day: Any,
        answer: PostedAnswer,
        language: str | None,
    ) -> list[Any]:
        found = answer_counts(nps=answer.nps, csat=answer.csat, ces=answer.ces)
        counts = [found[c] for c in COUNT_COLUMNS]
        own = {
            "nps": answer.nps,
            "csat": answer.csat,
            "ces": answer.ces,
            "comment": answer.comment,
            "consent_contact": answer.consent_contact,
            "language": language,
            "answered_at": now,
            "answered_on": day,
        }
        return [
            InvitationStatus.ANSWERED,
            now,
            answer.nps is not None,
            answer.csat is not None,
            answer.ces is not None,
            InvitationStatus.ANSWERED,
            *link_match_params(hashed),
            *(own[name] for name in self.answer_params),
            InvitationStatus.ANSWERED,
            now,
            *counts,
            *(self.followup(now=now).params if self.unhappy else ()),
        ]


@functools.cache
def _statement(*, unhappy: bool) -> _Statement:
    return _Statement(unhappy=unhappy)
