"""The scoring engine: every unit's score explained line by line, ranks inside blocs, freezing."""
