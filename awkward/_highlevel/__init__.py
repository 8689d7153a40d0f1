"""Parts of the high-level layer (awkward/highlevel.py) kept in their own modules."""
