"""Referral pages: list, create (choose contract, then the form), decision."""
