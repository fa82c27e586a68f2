"""The reference package's helpers on cell codes 'A|BC|DEF': the i-th edge operation (i in 0…5)."""


def _position(i):
    """The character of edge i in a cell code (the bars take positions 1 and 4)."""
    return i + 2 if i >= 3 else i + 1 if i >= 1 else i


def get_ith_op(cellcode, i):
    """The operation (0…3) on edge i of a cell code."""
    return int(cellcode[_position(i)])


def set_ith_op(cellcode, i, new_op):
    """The cell code with edge i set to operation new_op."""
    position = _position(i)
    return cellcode[:position] + str(new_op) + cellcode[position + 1:]
