"""What administrators enter by hand into the scores: council points (ManualScore) and bonus grants (BonusGrant)."""
