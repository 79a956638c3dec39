"""The normalizer's stages (``normalize`` is the entry point): ``builder`` finds the heading, body,
parts and annexes and reads the metadata (``frontpage``); ``sections`` builds the clauses of each part;
``markers`` tells bare-digit footnote markers from content digits; ``verbs`` reads the operative verb;
``text`` holds the patterns and text rules they share."""
