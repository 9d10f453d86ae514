"""Domain logic: pure Python and pandas, no Qt, no SQL."""
