"""What it means: each concept in its own module, re-exported here so Django finds every model."""
