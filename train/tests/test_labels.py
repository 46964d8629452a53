import pytest
import torch

from verispec_train.labels import IGNORE, head_inputs, head_labels, shift_right, with_frag_tokens

I = IGNORE
# One sequence of 6 target tokens: "q", " <", "=", " 1", ";", "</s>", flags as the corpus gives them.
LABELS = torch.tensor([[10, 11, 12, 13, 14, 1]])
FLAGS = torch.tensor([[1, 0, 1, 1, 1, 1]])


def test_vanilla_head_k_at_t_learns_token_t_plus_k():
    out = head_labels(LABELS, FLAGS, num_heads=3, rule="vanilla")
    assert out[0].tolist() == [[11, 12, 13, 14, 1, I]]
    assert out[1].tolist() == [[12, 13, 14, 1, I, I]]
    assert out[2].tolist() == [[13, 14, 1, I, I, I]]


def test_chained_head_k_reads_the_token_before_its_target():
    inputs = head_inputs(LABELS, num_heads=3, pad_id=0)
    targets = head_labels(LABELS, FLAGS, num_heads=3, rule="vanilla")
    assert inputs[0].tolist() == [[10, 11, 12, 13, 14, 1]]  # head 1 reads the base's target
    assert inputs[2].tolist() == [[12, 13, 14, 1, 0, 0]]
    # Each head's input is the label just before its target: target k-1 of the head before.
    assert (inputs[1:, :, :3] == targets[:-1, :, :3]).all()
    assert head_inputs(torch.tensor([[5, 1, I, I]]), 2, pad_id=0)[1].tolist() == [[1, 0, 0, 0]]


def test_syntax_rule_ignores_targets_inside_a_fragment():
    out = head_labels(LABELS, FLAGS, num_heads=3, rule="syntax")
    # " <" (11) does not end its fragment "<=": no head may learn to stop there.
    assert out[0].tolist() == [[I, 12, 13, 14, 1, I]]
    assert out[1].tolist() == [[12, 13, 14, 1, I, I]]
    assert out[2].tolist() == [[13, 14, 1, I, I, I]]


def test_padding_stays_ignored_and_more_heads_than_tokens_is_fine():
    labels = torch.tensor([[5, 1, I, I]])
    flags = torch.tensor([[0, 1, 0, 0]])
    out = head_labels(labels, flags, num_heads=5, rule="syntax")
    assert out[0].tolist() == [[1, I, I, I]]
    assert (out[1:] == I).all()
    with pytest.raises(ValueError):
        head_labels(labels, flags, 2, "nonsense")


def test_frag_tokens_follow_each_fragment_end_but_not_eos():
    labels, flags = with_frag_tokens([10, 11, 12, 1], [1, 0, 1, 1], frag_id=3, eos_id=1)
    assert labels == [10, 3, 11, 12, 3, 1]
    assert flags == [0, 1, 0, 0, 1, 1]


def test_shift_right_starts_with_the_start_token_and_pads_ignored():
    labels = torch.tensor([[7, 8, 1, I]])
    assert shift_right(labels, start_id=0, pad_id=0).tolist() == [[0, 7, 8, 1]]
