"""Who may do what with subject access requests (django-rules discovers this module).

Issue 15 item 3: the data protection officer runs them (every page, the bundle downloads); the
auditor may read the log (the list and each request's timeline, not the gathered records);
caseworkers see on the person's page only that a request exists."""

from __future__ import annotations

import rules

from haven.accounts.rules import is_auditor, is_data_protection_officer

rules.add_perm("subjectaccess.run_sar", is_data_protection_officer | rules.is_superuser)
rules.add_perm(
    "subjectaccess.view_sar_log", is_data_protection_officer | is_auditor | rules.is_superuser
)
