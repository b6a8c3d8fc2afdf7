"""Storage and search of parsed cables. No Qt."""
