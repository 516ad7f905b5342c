"""What was observed: each concept in its own module, re-exported here so Django finds every model."""
