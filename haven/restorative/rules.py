"""Who sees the restorative justice processes' index (team leaders and service managers);
referring and recording steps is recording on the case (casework's rule)."""

from __future__ import annotations

import rules

from haven.accounts.rules import is_manager

rules.add_perm("restorative.view_processes", is_manager | rules.is_superuser)
