"""Who: users, the unit tree, people, role assignments and in-app notifications."""

import re

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from units.search.folding import FoldedField

# Direction controls (LRE…RLO, LRI…PDI, LRM, RLM) reorder what is displayed: "Nguyễn Văn A\u202e" can show a name
# or unit that is not the stored one. Names never need them.
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def refuse_bidi_controls(value: str) -> None:
    """A name carries no bidirectional control characters (visual spoofing)."""
    if BIDI_CONTROLS.search(value or ""):
        raise ValidationError(_("Tên không được chứa ký tự điều khiển hướng chữ (bidi)."), code="bidi")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A login. Identified by e-mail; accounts are provisioned by administrators."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail"), unique=True)
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True, validators=[refuse_bidi_controls])

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    objects = UserManager()

    class Meta:
        verbose_name = _("tài khoản")
        verbose_name_plural = _("tài khoản")

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return self.full_name.split()[-1] if self.full_name else self.email


class Level(models.TextChoices):
    CENTRAL = "central", _("Trung ương")
    PROVINCE = "province", _("Tỉnh")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    DISTRICT = "district", _("Huyện, thành phố")
    COMMUNE = "commune", _("Xã, phường")
    SUB_UNIT = "sub_unit", _("Đơn vị trực thuộc")


class Kind(models.TextChoices):
    PEOPLES_COMMITTEE = "peoples_committee", _("Ủy ban nhân dân")
    DEPARTMENT = "department", _("Sở")
    AGENCY = "agency", _("Cơ quan, ban ngành")
    PUBLIC_SERVICE = "public_service", _("Đơn vị sự nghiệp công lập")
    DIVISION = "division", _("Phòng, ban chuyên môn")
    ENTERPRISE = "enterprise", _("Doanh nghiệp nhà nước")


class UnitQuerySet(models.QuerySet):
    def active_on(self, day):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )

    def subtree_of(self, units):
        """Units that are any of `units` or lie below them."""
        return self.subtree_of_paths([unit.path for unit in units])

    def subtree_of_paths(self, paths):
        condition = Q(pk__in=[])
        for path in paths:
            condition |= Q(path__startswith=path)
        return self.filter(condition)

    def for_user(self, user):
        """Units reached by the user's role assignments (each reaches its unit's descendants, and the units merged
        into it: a unit's history follows its successor)."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        browsing_roles = [role for role in Role.values if role != Role.STAFF]
        roots = Unit.objects.filter(role_assignments__user=user, role_assignments__role__in=browsing_roles)
        rows = roots.values_list("path", "predecessors__path", "split_predecessors__path")
        return self.subtree_of_paths(with_predecessors(rows))


class Unit(models.Model):
    """A unit of the tree: province → departments, agencies, districts, communes → sub-units."""

    code = models.CharField(_("mã đơn vị"), max_length=40, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=255, validators=[refuse_bidi_controls])
    search_name = FoldedField(max_length=255, source="name", db_index=True)  # what the pickers search
    level = models.CharField(_("cấp"), max_length=20, choices=Level.choices)
    kind = models.CharField(_("loại hình"), max_length=30, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    # Materialised path of primary keys ("/1/5/23/") so a subtree is one indexed prefix query.
    path = models.CharField(max_length=500, editable=False, db_index=True, default="")
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
        help_text=_("Đơn vị tiếp nhận khi sáp nhập; lịch sử vẫn giữ ở đơn vị cũ."),
    )
    # A split names every new unit: the first is `successor`, the others are here. The history follows all of them.
    further_successors = models.ManyToManyField(
        "self",
        verbose_name=_("các đơn vị kế thừa khác (chia tách)"),
        symmetrical=False,
        blank=True,
        related_name="split_predecessors",
    )

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # The path is derived data and must follow the parent, whoever edits the row (admin included).
        old_path = self.path
        super().save(*args, **kwargs)
        new_path = f"{self.parent.path if self.parent_id else '/'}{self.pk}/"
        if new_path != old_path:
            Unit.objects.filter(pk=self.pk).update(path=new_path)
            self.path = new_path
            if old_path:  # the whole subtree follows in one statement
                Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                    path=Concat(Value(new_path), Substr("path", len(old_path) + 1), output_field=models.CharField())
                )

    @property
    def is_active(self):
        today = timezone.localdate()
        return (self.valid_from is None or self.valid_from <= today) and (
            self.valid_to is None or self.valid_to >= today
        )

    def predecessor_ids(self) -> list[int]:
        """Every unit whose successor chain leads here (merged, renamed or split into this unit), nearest first."""
        found, frontier = [], [self.pk]
        while frontier:
            direct = Q(successor_id__in=frontier) | Q(further_successors__in=frontier)
            frontier = list(dict.fromkeys(Unit.objects.filter(direct).order_by("pk").values_list("pk", flat=True)))
            frontier = [pk for pk in frontier if pk not in found and pk != self.pk]
            found += frontier
        return found

    def direct_predecessors(self):
        """Units this one directly succeeds: merged or renamed into it, or split into it among others."""
        return Unit.objects.filter(Q(successor=self) | Q(further_successors=self)).distinct()

    def all_successors(self) -> list["Unit"]:
        """The units this one was succeeded by: the (first) successor, then the other units of a split."""
        first = [self.successor] if self.successor_id else []
        return first + [unit for unit in self.further_successors.order_by("name") if unit.pk != self.successor_id]

    def ancestor_ids(self):
        return [int(pk) for pk in self.path.strip("/").split("/") if pk]

    def is_within(self, other):
        return self.path.startswith(other.path)


class Category(models.TextChoices):
    CAN_BO = "can_bo", _("Cán bộ")
    CONG_CHUC = "cong_chuc", _("Công chức")
    VIEN_CHUC = "vien_chuc", _("Viên chức")
    NGUOI_LAO_DONG = "nguoi_lao_dong", _("Người lao động")


class Gender(models.TextChoices):
    MALE = "male", _("Nam")
    FEMALE = "female", _("Nữ")


class PersonQuerySet(models.QuerySet):
    def for_user(self, user):
        """People of the units the user reaches, plus the user's own record."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self.all()
        units = Unit.objects.for_user(user)
        return self.filter(Q(unit__in=units) | Q(user=user))


class Person(models.Model):
    """A member of staff of a unit, with an optional login."""

    code = models.CharField(_("mã cán bộ"), max_length=40, unique=True)
    full_name = models.CharField(_("họ và tên"), max_length=150, validators=[refuse_bidi_controls])
    search_name = FoldedField(max_length=150, source="full_name", db_index=True)  # what the pickers search
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="people")
    position = models.CharField(_("chức vụ"), max_length=150, blank=True)
    category = models.CharField(_("ngạch/loại"), max_length=20, choices=Category.choices)
    gender = models.CharField(_("giới tính"), max_length=10, choices=Gender.choices, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.OneToOneField(
        User, verbose_name=_("tài khoản"), null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    active = models.BooleanField(_("đang công tác"), default=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("cán bộ")
        verbose_name_plural = _("cán bộ, công chức, viên chức")
        ordering = ["unit__path", "full_name"]
        indexes = [models.Index(fields=["full_name"])]

    def __str__(self):
        return self.full_name


class Role(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Quản trị")
    UNIT_HEAD = "unit_head", _("Thủ trưởng đơn vị")
    UNIT_CLERK = "unit_clerk", _("Cán bộ phụ trách TĐKT")
    INSPECTOR = "inspector", _("Kiểm tra viên")
    COUNCIL_MEMBER = "council_member", _("Thành viên Hội đồng")
    COUNCIL_SECRETARY = "council_secretary", _("Thư ký Hội đồng")
    STAFF = "staff", _("Công chức, viên chức")


class RoleAssignmentQuerySet(models.QuerySet):
    def for_user(self, user):
        """Assignments on units the user administers."""
        if user.is_superuser:
            return self.all()
        return self.filter(unit__in=Unit.objects.filter(pk__in=administered_unit_ids(user)))


class RoleAssignment(models.Model):
    """A role held by a user over a unit and all of its descendants."""

    user = models.ForeignKey(
        User, verbose_name=_("tài khoản"), on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(_("vai trò"), max_length=30, choices=Role.choices)
    unit = models.ForeignKey(Unit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="role_assignments")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoleAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [models.UniqueConstraint(fields=["user", "role", "unit"], name="unique_role_assignment")]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} — {self.unit}"


def administered_unit_ids(user):
    """Primary keys of every unit the user administers (their administrator units and descendants)."""
    roots = Unit.objects.filter(role_assignments__user=user, role_assignments__role=Role.ADMINISTRATOR)
    return Unit.objects.subtree_of(list(roots.only("path"))).values_list("pk", flat=True)


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """A message in a user's in-app inbox; the same text is also sent by e-mail."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    title = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"), blank=True)
    link = models.CharField(_("liên kết"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("thời điểm"), default=timezone.now)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # "kind:key" of a file attached to the e-mail, resolved for the user at send time (notifications.attachments)
    attachment = models.CharField(_("tệp đính kèm"), max_length=100, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self):
        return self.title


def with_predecessors(rows) -> list[str]:
    """(path, direct predecessors' paths or None…) rows → those paths and the paths of every predecessor down the
    chain; one query per further generation, none when nothing was merged or split."""
    paths = list(dict.fromkeys(path for path, *_ in rows))
    direct = list(dict.fromkeys(pred for _, *preds in rows for pred in preds if pred and pred not in paths))
    return list(dict.fromkeys(paths + direct + predecessor_paths(direct))) if direct else paths


def predecessor_paths(unit_paths) -> list[str]:
    """Paths of every unit whose successor chain leads to one of `unit_paths` (their history follows the successor),
    every new unit of a split included."""
    found, frontier = [], list(unit_paths)
    while frontier:
        direct = Q(successor__path__in=frontier) | Q(further_successors__path__in=frontier)
        frontier = list(dict.fromkeys(Unit.objects.filter(direct).values_list("path", flat=True)))
        frontier = [path for path in frontier if path not in found and path not in unit_paths]
        found += frontier
    return found


# The reorganisation acts live in their own module; Django finds their models through this registry.
# Registered with the app here: the concept folders under units/ keep their own models modules.
from units.audit.models import AuditEntry  # noqa: E402, F401
from units.outbox.models import OutboxTask  # noqa: E402, F401
from units.reorganisation.models import ChangeKind, Reorganisation, ReorganisationChange  # noqa: E402, F401
