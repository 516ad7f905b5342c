"""The council: nominations and their dossiers, sessions, attendance, ballots, the vote and its minutes."""
