"""The administrators' council pages: councils, their secretary and their members (seats), without the Django admin."""
