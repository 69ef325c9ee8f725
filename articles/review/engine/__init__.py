"""The review engine: diffs, automated checks and post-editing effort, on plain values (no
models), tested without a database."""
