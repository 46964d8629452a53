from verispec_train.fragments import FragmentIndex, fragment_end_flags, straddling_tokens

# "q <= 8'hFF;" fragments: q [0,1) <= [2,4) 8'hFF [5,10) ; [10,11)
SPANS = [0, 1, 2, 4, 5, 10, 10, 11]


def test_inside_is_strict():
    index = FragmentIndex(SPANS)
    assert [index.inside(o) for o in range(12)] == [False, False, False, True, False, False, True, True, True, True, False, False]


def test_flags_mark_tokens_that_end_a_fragment():
    # tokens: "q" " <" "=" " 8'h" "FF;" then </s> (empty offsets)
    offsets = [(0, 1), (1, 3), (3, 4), (4, 8), (8, 11), (0, 0)]
    assert fragment_end_flags(offsets, SPANS) == [1, 0, 1, 0, 1, 1]


def test_whitespace_only_tokens_end_nothing_inside():
    assert fragment_end_flags([(1, 2)], SPANS) == [1]


def test_straddling_counts_tokens_spanning_two_fragments():
    offsets = [(0, 1), (1, 3), (3, 4), (4, 8), (8, 11)]
    assert straddling_tokens(offsets, SPANS) == 1  # "FF;" holds 8'hFF and ;
    assert straddling_tokens([(0, 11)], SPANS) == 1
    assert straddling_tokens([(1, 2)], SPANS) == 0
