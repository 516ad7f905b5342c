"""Appeals against violations and the corrective actions that follow, with attachments."""
