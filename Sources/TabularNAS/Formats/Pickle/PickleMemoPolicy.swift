/// Which memo entries a ``PickleMachine`` stores.
///
/// CPython memoises nearly every object it pickles — three to five entries per NumPy scalar —
/// but a NAS-HPO-Bench-II file reads back only its keys, strings and dtypes, so storing every
/// entry of a large file of NumPy scalars costs gigabytes.
enum PickleMemoPolicy: Sendable {
  /// Every entry: for files that memoise little (Python floats).
  case all
  /// Only the entries a first pass over the opcodes finds read back (``PickleMemoReads``):
  /// exact for any file, at the cost of that pass.
  case scanned
  /// Every entry but the parts of the NumPy scalars the fast path decodes, which these files
  /// never read back. A read of a part left out throws ``PickleMemoSpeculationFailed``, and the
  /// caller decodes again with ``scanned``; so does a file mixing `MEMOIZE` with `PUT`s.
  case speculative
}

/// A speculative memo (``PickleMemoPolicy/speculative``) left out an entry the pickle reads:
/// decode again with ``PickleMemoPolicy/scanned``.
struct PickleMemoSpeculationFailed: Error {
  /// The byte offset of the read.
  let offset: Int
}
