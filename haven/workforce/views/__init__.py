"""The workforce pages: the staff records and figures (records), the workforce plan (plan) and
the keeping of staff records, courses and training sessions (keeping)."""
