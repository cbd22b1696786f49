"""The daily pre-aggregate of survey answers (issue 4, speed of reports).

One row per local day (in the organisation's time zone, TIME_ZONE) × team ×
staff member × channel holds the sufficient statistics of that day's answers,
so that a report over ten million answers sums a few thousand rows. Every
write of answers adds or subtracts its rows in the same transaction (see
`kohtaamo.insights.aggregates`); `kohtaamo manage rebuild_answer_aggregates`
recomputes the table from the answers.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kohtaamo.org.models import Team


class AnswerCounts(models.Model):
    """The sufficient statistics of a set of answers."""

    # Integers, not big ones: one day of one team stays far below 2³¹, and
    # PostgreSQL sums integers into a bigint about twice as fast as big
    # integers into a numeric.
    # Every answer, also one with no score at all: a group whose answers all
    # left the scores empty still appears in the raw report, so here too.
    responses = models.IntegerField(default=0)
    promoters = models.IntegerField(default=0)
    passives = models.IntegerField(default=0)
    detractors = models.IntegerField(default=0)
    csat_n = models.IntegerField(default=0)
    csat_satisfied = models.IntegerField(default=0)
    ces_n = models.IntegerField(default=0)
    ces_total = models.IntegerField(default=0)
    ces_squares = models.IntegerField(default=0)
    ces_easy = models.IntegerField(default=0)

    class Meta:
        abstract = True


class AnswerDay(AnswerCounts):
    day = models.DateField(_("day"))
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="+", db_index=False
    )
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    channel = models.CharField(_("channel"), max_length=16)

    class Meta:
        verbose_name = _("answers of a day")
        verbose_name_plural = _("answers of days")
        constraints = [
            # The key the writers' INSERT … ON CONFLICT adds to.
            models.UniqueConstraint(
                fields=["day", "team", "staff", "channel"], name="answer_day_key"
            ),
        ]
        indexes = [
            models.Index(fields=["team", "day"], name="answer_day_team"),
            models.Index(fields=["staff", "day"], name="answer_day_staff"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.team_id}/{self.staff_id}/{self.channel}: {self.responses}"


class AnswerTeamDay(AnswerCounts):
    """The same per local day × team only: about 1/30 of the rows, for the
    reports that see only whole teams (an admin's, the command line's, most
    managers' and leads', `access_aggregates.report_team_days`) and group by
    team, unit or not at all."""

    day = models.DateField(_("day"))
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="+", db_index=False
    )

    class Meta:
        verbose_name = _("answers of a team's day")
        verbose_name_plural = _("answers of teams' days")
        constraints = [
            models.UniqueConstraint(fields=["team", "day"], name="answer_team_day_key"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.team_id}: {self.responses}"


class AnswerInbox(AnswerCounts):
    """Answers counted but not yet added to their days: one row per answer
    that a survey link stored on PostgreSQL (`feedback.link_answer`), with
    the same key and counts that its days would get.

    Every answer adds to the same few rows of the day tables (one team's day
    takes all of that team's answers), and an answer committing holds those
    rows until its commit is on disk, so that under load answers queued
    behind one another on them. An insert here locks nothing that another
    answer needs; `aggregates.answer_inbox_fold` adds the rows to their days
    and removes them in one statement. The days plus this table always equal
    the answers; every report folds first (`selectors.report_rows`), the
    tick folds too, so the table stays short.

    No index but the key, and no database foreign keys: the answer itself
    holds its team and staff member by key and keeps them from going."""

    day = models.DateField(_("day"))
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.DO_NOTHING,
        related_name="+",
        db_index=False,
        db_constraint=False,
    )
    channel = models.CharField(_("channel"), max_length=16)

    class Meta:
        verbose_name = _("answer not yet in its day")
        verbose_name_plural = _("answers not yet in their days")

    def __str__(self) -> str:
        return f"{self.day} {self.team_id}/{self.staff_id}/{self.channel}: {self.responses}"


class AnswerChunk(models.Model):
    """Every answer of one closed local day, column by column: the raw
    report's copy of the answers (issue 4, speed of reports).

    A report with a filter that the daily aggregates have no column for (the
    answer's language) must read the answers themselves, and PostgreSQL,
    reading a row at a time, took three times DuckDB's time for it. Here each
    column of a day's answers is one packed array, which `chunks` sums with
    numpy in a pass over memory, within 2× DuckDB
    (`benchmarks/nps_report_10m.py`).

    Only days at least `chunks.CHUNK_LAG_DAYS` old have a chunk: the survey
    link writes today's answers only, so no answer it stores can miss one.
    Any other write of answers (the import, an encounter that moves to
    another team, an edit, the rebuild) deletes the chunks of the days it
    touches in its own transaction; the tick builds them again
    (`chunks.answer_chunks_build`). A day without a chunk is read from the
    answers' table, so the figures never depend on the chunks being there.

    The arrays are little-endian, all in one order, that of the answers'
    ids. Team, staff member, channel and language: the day's values in
    `<column>_codes` (separated by commas), and each answer's place among
    them in one byte (up to 256 values), two or four. An answer's three
    scores: one 16-bit number, ((NPS + 1) × 7 + CSAT + 1) × 9 + CES + 1,
    with 0 for a question left empty, so that one histogram of these per
    group and period gives all three questions' (`chunks._histograms`).
    On PostgreSQL they are stored uncompressed (migration 0003): reading
    them back is most of a report's time, and unpacking took a fifth of it."""

    day = models.DateField(_("day"), unique=True)
    answers = models.PositiveIntegerField(_("answers"))
    team_codes = models.TextField(_("team ids"))
    staff_codes = models.TextField(_("staff member ids"))
    channel_codes = models.TextField(_("channel codes"))
    language_codes = models.TextField(_("language codes"))
    team = models.BinaryField(_("teams"))
    staff = models.BinaryField(_("staff members"))
    channel = models.BinaryField(_("channels"))
    language = models.BinaryField(_("languages"))
    scores = models.BinaryField(_("scores"))

    class Meta:
        verbose_name = _("answers of a day, column by column")
        verbose_name_plural = _("answers of days, column by column")

    def __str__(self) -> str:
        return f"{self.day}: {self.answers}"
