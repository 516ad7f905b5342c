"""Finding units and people by name: accent-folded names (`folding`) and the pickers that search them on demand
(`pickers`)."""
