"""Who runs retention reviews, legal holds and erasure requests (django-rules discovers this).

Issue 15: "a data protection officer role ... runs SARs and retention reviews".
"""

from __future__ import annotations

import rules

from haven.accounts.rules import is_data_protection_officer

# The data protection officer reviews due items, places and lifts legal holds, logs and decides
# erasure requests, within their own organisation(s) (the selectors scope every read).
rules.add_perm("retention.manage", is_data_protection_officer | rules.is_superuser)
