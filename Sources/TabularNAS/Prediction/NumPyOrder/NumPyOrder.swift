/// NumPy's order of float64 values (`npy::cmp`): ascending, NaN after every number — a strict
/// weak order, so the unguarded partitions of ``NumPyArgsort`` and ``NumPyArgpartition`` stay
/// in bounds whatever the values.
@inline(__always)
func numPyLess(_ a: Double, _ b: Double) -> Bool { a < b || (b.isNaN && !a.isNaN) }
