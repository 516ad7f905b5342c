"""Units' pledges for a period and their staff's title registrations."""
