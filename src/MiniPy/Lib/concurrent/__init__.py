"""The concurrent package: concurrent.futures and concurrent.interpreters."""
