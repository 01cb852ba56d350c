"""Casework pages: one module per page or journey."""
