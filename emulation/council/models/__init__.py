"""The council's records: councils and sessions, nominations, ballots."""
