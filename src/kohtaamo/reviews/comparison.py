"""Lead review and self-review side by side, criterion by criterion."""

from __future__ import annotations

from dataclasses import dataclass

from kohtaamo.reviews.models import Criterion, ReviewRating


@dataclass(frozen=True)
class ComparisonRow:
    criterion: Criterion
    lead: ReviewRating | None
    own: ReviewRating | None

    @property
    def differs(self) -> bool:
        """Both rated, and not alike: the points worth talking about."""
        if self.lead is None or self.own is None:
            return False
        return (self.lead.value, self.lead.is_na) != (self.own.value, self.own.is_na)


def comparison_rows(lead: list[ReviewRating], own: list[ReviewRating]) -> list[ComparisonRow]:
    """Rows in the order of the first review's scorecard; the two may use
    different versions of it, so criteria are matched by code."""
    own_by_code = {r.criterion.code: r for r in own}
    lead_by_code = {r.criterion.code: r for r in lead}
    rows = [ComparisonRow(r.criterion, r, own_by_code.get(r.criterion.code)) for r in lead]
    rows.extend(
        ComparisonRow(r.criterion, None, r)
        for code, r in own_by_code.items()
        if code not in lead_by_code
    )
    return rows
