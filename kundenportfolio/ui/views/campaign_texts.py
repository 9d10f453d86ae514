"""Words of the Kampagnen section built from core's codes and figures (translated via Qt)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from kundenportfolio.core.scoring import group_strategy
from kundenportfolio.core.suggestions import contact_interval, instruments_for_group
from kundenportfolio.ui.formatting import format_date, format_money


def verdict_text(evaluation: Any, settings: dict[str, Any]) -> str:
    """The campaign verdict in words, from core's verdict code and figures."""
    number_format = str(settings.get("number_format", "de-CH"))
    effect = format_money(evaluation.kundenwert_effect_per_participant_cents, number_format)
    cost = format_money(evaluation.cost_per_participant_cents, number_format)
    texts = {
        "no_participants": QCoreApplication.translate(
            "CampaignTexts", "No participants — nothing to evaluate."),
        "pending": QCoreApplication.translate(
            "CampaignTexts", "Not final yet: the comparison period ends on %3. So far the "
            "Kundenwert per participant changed by %1 relative to the comparison group."),
        "worthwhile": QCoreApplication.translate(
            "CampaignTexts", "Worthwhile: Kundenwert per participant %1 better than the "
            "comparison group, more than the cost of %2 per participant."),
        "not_covered": QCoreApplication.translate(
            "CampaignTexts", "Effect, but cost not covered: Kundenwert per participant %1 "
            "better than the comparison group, cost %2 per participant."),
        "no_effect": QCoreApplication.translate(
            "CampaignTexts", "No effect visible: participants did not develop better than "
            "the comparison group (%1 per participant)."),
    }
    text = texts.get(evaluation.verdict_code, evaluation.verdict)
    unknown = QCoreApplication.translate("CampaignTexts", "unknown")
    return (text.replace("%1", effect).replace("%2", cost or unknown)
            .replace("%3", format_date(evaluation.after[1])))


def group_text(repository: Any, settings: dict[str, Any], summary: Any, group: str | None) -> str:
    """Normstrategie, contact interval, fitting instruments and review answers of a group
    (group None: the review answers over all groups)."""
    lines = []
    if group:
        names = [i.name for i in instruments_for_group(repository.list_instruments(), group)]
        lines.append(QCoreApplication.translate("CampaignTexts", "Standard strategy: %1")
                     .replace("%1", group_strategy(settings, group)))
        lines.append(QCoreApplication.translate(
            "CampaignTexts", "Contact due after %1 days. Fitting instruments: %2")
            .replace("%1", str(contact_interval(settings, group)))
            .replace("%2", ", ".join(names)))
    if summary is not None and not summary.empty:
        if group is None:
            row = summary.sum()
        elif group in summary.index:
            row = summary.loc[group]
        else:
            row = None
        if row is not None:
            lines.append(QCoreApplication.translate(
                "CampaignTexts", "%1 customers; without responsible person: %2; main contact "
                "is not the responsible person: %3; with open complaints: %4; revenue rising: "
                "%5, falling: %6; unprofitable: %7")
                .replace("%1", str(int(row["customers"])))
                .replace("%2", str(int(row["no_responsible"])))
                .replace("%3", str(int(row["main_not_responsible"])))
                .replace("%4", str(int(row["open_complaints"])))
                .replace("%5", str(int(row["rising"])))
                .replace("%6", str(int(row["falling"])))
                .replace("%7", str(int(row["unprofitable"]))))
    return "\n".join(lines)
