"""Award decisions, the awards they grant, revocation and annulment."""
