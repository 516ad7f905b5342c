"""The checklist, violation types and the appeal policy: what inspectors check and how it counts."""
