"""People's and units' yearly records: ratings, discipline, initiatives, sanctions, investigation holds."""
