"""Casework forms: one module per journey."""
