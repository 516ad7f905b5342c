"""What was observed: each concept in its own module, re-exported here so Django finds every model."""

from evaluations.appeals.models import ActionStatus, Appeal, AppealStatus, Attachment, CorrectiveAction
from evaluations.catalogue.models import AppealPolicy, ChecklistItem, Severity, ViolationCategory, ViolationType
from evaluations.history import StatusChange, record_status_change
from evaluations.inspections.models import (
    Evidence,
    Inspection,
    InspectionKind,
    InspectionStatus,
    ItemOutcome,
    ItemResult,
    Violation,
    ViolationStatus,
)
from evaluations.kpi.models import EntryMethod, IndicatorKind, KpiIndicator, KpiReading
from evaluations.records.models import (
    AdministrativeSanction,
    AnnualRating,
    DisciplineForm,
    DisciplineRecord,
    Initiative,
    InitiativeKind,
    InitiativeLevel,
    InvestigationHold,
    TaskRating,
)

__all__ = [
    "ActionStatus",
    "Appeal",
    "AppealStatus",
    "Attachment",
    "CorrectiveAction",
    "EntryMethod",
    "IndicatorKind",
    "KpiIndicator",
    "KpiReading",
    "AppealPolicy",
    "ChecklistItem",
    "Evidence",
    "Inspection",
    "InspectionKind",
    "InspectionStatus",
    "ItemOutcome",
    "ItemResult",
    "Severity",
    "StatusChange",
    "Violation",
    "ViolationCategory",
    "ViolationStatus",
    "ViolationType",
    "AdministrativeSanction",
    "AnnualRating",
    "DisciplineForm",
    "DisciplineRecord",
    "Initiative",
    "InitiativeKind",
    "InitiativeLevel",
    "InvestigationHold",
    "TaskRating",
    "record_status_change",
]
