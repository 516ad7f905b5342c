"""Ballots on nominations, their votes and sealed results.

Rules
-----
- An open ballot stores each vote with its member (`OpenVote`). A secret ballot keeps who voted
  (`BallotParticipation`, no choice) apart from what was voted (`SecretVote`: a paper sealed under the ballot's own
  key, no member, no timestamp, a random UUID key, inserted once and never rewritten). The ballot's key exists only
  while it is open, and only wrapped under the server's BALLOT_KEY (`BallotKey`); closing destroys it, so neither
  a database reader nor, afterwards, anyone at all can open a paper (see `emulation/council/ballots/box.py`).
- One vote per member and ballot: a unique constraint on (ballot, member) of `OpenVote` / `BallotParticipation`.
- A closed ballot carries its sealed result and a SHA-256 of it; nothing changes it afterwards.
"""

import hashlib
import json
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from emulation.council.models.council import CouncilMember, Session
from emulation.council.models.nominations import Nomination


class Choice(models.TextChoices):
    AGREE = "agree", _("Đồng ý")
    DISAGREE = "disagree", _("Không đồng ý")


class BallotStatus(models.TextChoices):
    OPEN = "open", _("Đang bỏ phiếu")
    CLOSED = "closed", _("Đã kết thúc")


class Outcome(models.TextChoices):
    PASSED = "passed", _("Đạt")
    FAILED = "failed", _("Không đạt")
    REVOTE = "revote", _("Số phiếu ngang nhau — bỏ phiếu lại")


class Ballot(models.Model):
    """A vote of a session on one nomination, under the rule in force (kept as a snapshot)."""

    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="ballots")
    session = models.ForeignKey(Session, on_delete=models.PROTECT, related_name="ballots")
    round = models.PositiveSmallIntegerField(_("lần bỏ phiếu"), default=1)
    rule_snapshot = models.JSONField(_("quy tắc áp dụng"))
    secret = models.BooleanField(_("bỏ phiếu kín"))
    status = models.CharField(_("trạng thái"), max_length=10, choices=BallotStatus.choices, default="open")
    opened_at = models.DateTimeField(_("mở lúc"), auto_now_add=True)
    recused = models.ManyToManyField(CouncilMember, blank=True, related_name="+", verbose_name=_("không biểu quyết"))
    # The sealed result.
    agree_count = models.PositiveSmallIntegerField(_("đồng ý"), null=True, blank=True)
    disagree_count = models.PositiveSmallIntegerField(_("không đồng ý"), null=True, blank=True)
    written_count = models.PositiveSmallIntegerField(_("ý kiến bằng văn bản"), null=True, blank=True)
    eligible_voters = models.PositiveSmallIntegerField(_("số người được biểu quyết"), null=True, blank=True)
    base_count = models.PositiveSmallIntegerField(_("tổng số tính tỷ lệ"), null=True, blank=True)
    agree_pct = models.DecimalField(_("tỷ lệ đồng ý (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    threshold_pct = models.DecimalField(_("ngưỡng (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    outcome = models.CharField(_("kết quả"), max_length=10, choices=Outcome.choices, blank=True)
    tie_break_note = models.CharField(_("phân định khi ngang phiếu"), max_length=255, blank=True)
    sealed_at = models.DateTimeField(_("niêm phong lúc"), null=True, blank=True)
    result_hash = models.CharField(_("mã niêm phong"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("lượt bỏ phiếu")
        verbose_name_plural = _("lượt bỏ phiếu")
        ordering = ["session", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["nomination", "session", "round"], name="one_ballot_per_round"),
        ]

    def __str__(self):
        return f"{self.nomination} ({self.session})"

    @property
    def is_open(self) -> bool:
        return self.status == BallotStatus.OPEN

    @property
    def passed(self) -> bool:
        return self.outcome == Outcome.PASSED

    @property
    def base_explained(self) -> str:
        """The base of the sealed result in words, as the minutes print it."""
        rule = self.rule_snapshot or {}
        values = {"base": self.base_count, "eligible": self.eligible_voters}
        if rule.get("base") == "present":
            return _("%(base)s = thành viên dự họp và ý kiến bằng văn bản được tính") % values
        if rule.get("exclude_recused_from_base"):
            return _("%(base)s = tổng số thành viên Hội đồng, trừ người không biểu quyết") % values
        return _("%(base)s = tổng số thành viên Hội đồng (kể cả người vắng mặt và người không biểu quyết)") % values

    def sealed_payload(self) -> dict:
        return {
            "ballot": self.pk,
            "nomination": self.nomination_id,
            "session": self.session_id,
            "round": self.round,
            "rule": self.rule_snapshot,
            "agree": self.agree_count,
            "disagree": self.disagree_count,
            "written": self.written_count,
            "eligible": self.eligible_voters,
            "base": self.base_count,
            "agree_pct": str(self.agree_pct),
            "threshold_pct": str(self.threshold_pct),
            "outcome": self.outcome,
            "tie_break": self.tie_break_note,
            "sealed_at": self.sealed_at.isoformat() if self.sealed_at else None,
        }

    def compute_hash(self) -> str:
        text = json.dumps(self.sealed_payload(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    def seal_intact(self) -> bool:
        return bool(self.result_hash) and self.result_hash == self.compute_hash()


class OpenVote(models.Model):
    """A member's vote on an open ballot (in the session, or their written opinion entered by the secretary)."""

    ballot = models.ForeignKey(Ballot, on_delete=models.PROTECT, related_name="open_votes")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(_("ý kiến"), max_length=10, choices=Choice.choices)
    written = models.BooleanField(_("bằng văn bản"), default=False)

    class Meta:
        verbose_name = _("phiếu công khai")
        verbose_name_plural = _("phiếu công khai")
        constraints = [models.UniqueConstraint(fields=["ballot", "member"], name="one_open_vote_per_member")]

    def __str__(self):
        return f"{self.member}: {self.get_choice_display()}"


class BallotParticipation(models.Model):
    """That a member has voted on a secret ballot — never what they voted."""

    ballot = models.ForeignKey(Ballot, on_delete=models.PROTECT, related_name="participations")
    member = models.ForeignKey(CouncilMember, on_delete=models.PROTECT, related_name="+")
    written = models.BooleanField(_("bằng văn bản"), default=False)

    class Meta:
        verbose_name = _("người đã bỏ phiếu kín")
        verbose_name_plural = _("người đã bỏ phiếu kín")
        constraints = [models.UniqueConstraint(fields=["ballot", "member"], name="one_secret_vote_per_member")]

    def __str__(self):
        return str(self.member)


class SecretVote(models.Model):
    """One ballot paper of a secret ballot: a sealed choice, under a random key, with no member and no time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    ballot = models.ForeignKey(Ballot, on_delete=models.PROTECT, related_name="secret_votes")
    sealed = models.BinaryField(_("phiếu đã niêm phong"))

    class Meta:
        verbose_name = _("phiếu kín")
        verbose_name_plural = _("phiếu kín")

    def __str__(self):
        return str(_("Phiếu kín"))


class BallotKey(models.Model):
    """The key of an open secret ballot, wrapped under the server's BALLOT_KEY; deleted when the ballot closes."""

    ballot = models.OneToOneField(Ballot, on_delete=models.CASCADE, primary_key=True, related_name="+")
    wrapped = models.BinaryField(_("khóa đã mã hóa"))

    class Meta:
        verbose_name = _("khóa lượt bỏ phiếu kín")
        verbose_name_plural = _("khóa lượt bỏ phiếu kín")

    def __str__(self):
        return str(self.ballot_id)
