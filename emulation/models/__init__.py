"""What it means: each concept in its own module, re-exported here so Django finds every model."""

from emulation.models.movements import (
    Bloc,
    BlocKind,
    BlocMembership,
    CommitmentItem,
    Movement,
    Period,
    PeriodReopening,
    PeriodStatus,
)
from emulation.models.pledges import Pledge, PledgeStatus, Registration, SelfAssessment
from emulation.models.schemes import (
    Band,
    BonusRule,
    Criterion,
    CriterionGroup,
    CriterionMethod,
    CriterionSource,
    DeductionRule,
    DisciplineLevel,
    ScoringScheme,
    VetoKind,
    VetoRule,
)
from emulation.models.scores import BonusGrant, LineKind, ManualScore, Score
from emulation.models.titles import Title, TitleLevel, TitleScope

__all__ = [
    "Band",
    "Bloc",
    "BlocKind",
    "BlocMembership",
    "BonusGrant",
    "BonusRule",
    "CommitmentItem",
    "Criterion",
    "CriterionGroup",
    "CriterionMethod",
    "CriterionSource",
    "DeductionRule",
    "DisciplineLevel",
    "LineKind",
    "ManualScore",
    "Movement",
    "Period",
    "PeriodReopening",
    "PeriodStatus",
    "Pledge",
    "PledgeStatus",
    "Registration",
    "Score",
    "ScoringScheme",
    "SelfAssessment",
    "Title",
    "TitleLevel",
    "TitleScope",
    "VetoKind",
    "VetoRule",
]
