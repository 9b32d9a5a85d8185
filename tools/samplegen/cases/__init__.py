"""Case lists: the data of each round and family, no drawing code (see ../README.md)."""
