"""The alignment's stages (``resdiff.align`` is the entry point): ``words`` scores a pair of texts;
``matcher`` pairs clauses within one class in rounds, most certain first; ``groups`` grows splits
and merges of neighbouring clauses; ``provenance`` finds the splits, merges and pairs that were also
reworded, from where each clause's words came from; ``footnotes`` ties footnotes to the clauses
citing them; ``parts`` pairs the parts of two divided texts, within which their clauses pair;
``order`` tells which pairs moved."""
