"""Synthetic demo data for `haven demo`: every contract's caseload over the last two years.

`build.build_demo_data` plans referrals, `journey` decides what happens to each case and
`recorder` writes the rows the casework and risk services would write, in bulk.
"""
