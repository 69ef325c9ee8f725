"""Editorial workflow: section rules, roles and the permission table, the abridgment review
task and its screen, sign-offs, reports, stale-write guards and the conflict screen."""
