import Dispatch

/// A ``CurveStore/Builder/ColumnWriter`` whose writes are queued and carried out in batches, on
/// another thread while the next batch fills.
///
/// A loader that fills a store column by column writes one value per record, a whole record
/// apart: each write misses the cache. Interleaved with decoding, whose own stores must wait
/// behind it, the misses are served one at a time; a batch of them in a tight loop overlaps
/// them, and on another core costs the decoder nothing. Call ``flush()`` before the store is
/// read (writes still queued at `deinit` are dropped); one writer belongs to one thread.
final class QueuedColumnWriter {
  private let writer: CurveStore.Builder.ColumnWriter
  private let batches: [Batch]
  /// Signalled when its batch may be filled (not being carried out).
  private let free: [DispatchSemaphore]
  private let worker = DispatchQueue(label: "TabularNAS.QueuedColumnWriter")
  private let capacity: Int
  /// The batch being filled, how many writes it holds, and in how many segments.
  private var current = 0
  private var count = 0
  private var segmentCount = 0

  /// A writer through `writer` that carries out `capacity` writes at a time.
  init(_ writer: CurveStore.Builder.ColumnWriter, capacity: Int = 32768) {
    precondition(capacity > 0)
    self.writer = writer
    self.capacity = capacity
    batches = [Batch(capacity: capacity), Batch(capacity: capacity)]
    // Both start at 0 (a semaphore must not end below its start); the second is then free.
    free = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
    free[1].signal()
    // The store's pages are first touched by the worker while the decoder reads the first column.
    worker.async { writer.touchEveryPage() }
  }

  deinit {
    worker.sync {}  // the worker may still be using a batch
    for batch in batches { batch.deallocate() }
  }

  /// Queues one curve value.
  @inline(__always)
  func setValue(_ value: Double, record: Int, curve: Int, epoch: Int) {
    enqueue(value, record: record, column: writer.column(curve: curve, epoch: epoch))
  }

  /// Queues one scalar.
  @inline(__always)
  func setScalar(_ value: Double, record: Int, column: Int) {
    enqueue(value, record: record, column: writer.column(scalar: column))
  }

  /// Queues one curve value per record: `values[i]` for record `records[i]`. The records are
  /// checked when the writes are carried out.
  func setValues(_ values: UnsafeBufferPointer<Double>, records: UnsafeBufferPointer<Int32>, curve: Int, epoch: Int) {
    precondition(values.count == records.count)
    let column = writer.column(curve: curve, epoch: epoch)
    var index = 0
    while index < values.count {
      let taken = min(capacity - count, values.count - index)
      batches[current].copy(
        UnsafeBufferPointer(rebasing: values[index..<index + taken]), records: UnsafeBufferPointer(rebasing: records[index..<index + taken]),
        to: count, column: column, segments: &segmentCount)
      count &+= taken
      index &+= taken
      if count == capacity { handOver() }
    }
  }

  @inline(__always)
  private func enqueue(_ value: Double, record: Int, column: CurveStore.Builder.Column) {
    precondition(record >= 0 && record <= Int(Int32.max))
    batches[current].set(count, value, record: Int32(truncatingIfNeeded: record), column: column, segments: &segmentCount)
    count &+= 1
    if count == capacity { handOver() }
  }

  /// Carries out the full batch on the worker, and fills the other once it is free.
  private func handOver() {
    let batch = batches[current], done = free[current], filled = segmentCount
    worker.async { batch.carryOut(segments: filled); done.signal() }
    current = 1 - current
    count = 0
    segmentCount = 0
    free[current].wait()
  }

  /// Carries out every queued write, in the order queued, before returning.
  func flush() {
    worker.sync {}  // everything handed over is carried out first
    batches[current].carryOut(segments: segmentCount)
    count = 0
    segmentCount = 0
  }
}

/// Queued writes: each value and its record, in segments that each go to one column.
private struct Batch: @unchecked Sendable {
  private let values: UnsafeMutablePointer<Double>
  private let records: UnsafeMutablePointer<Int32>
  /// Each segment's column and the index after its last write (a segment starts where the
  /// previous one ends).
  private let segments: UnsafeMutablePointer<(column: CurveStore.Builder.Column, end: Int)>

  init(capacity: Int) {
    values = .allocate(capacity: capacity)
    records = .allocate(capacity: capacity)
    segments = .allocate(capacity: capacity)
  }

  /// Queues one write at `index` (the batch's count), extending the last of `segmentCount`
  /// segments when it goes to the same column.
  @inline(__always)
  func set(_ index: Int, _ value: Double, record: Int32, column: CurveStore.Builder.Column, segments segmentCount: inout Int) {
    values[index] = value
    records[index] = record
    extend(to: index &+ 1, column: column, segments: &segmentCount)
  }

  /// Queues `values.count` writes from `index` on, all to `column`.
  func copy(
    _ values: UnsafeBufferPointer<Double>, records: UnsafeBufferPointer<Int32>, to index: Int,
    column: CurveStore.Builder.Column, segments segmentCount: inout Int
  ) {
    guard let valueBase = values.baseAddress, let recordBase = records.baseAddress else { return }
    (self.values + index).update(from: valueBase, count: values.count)
    (self.records + index).update(from: recordBase, count: values.count)
    extend(to: index &+ values.count, column: column, segments: &segmentCount)
  }

  @inline(__always)
  private func extend(to end: Int, column: CurveStore.Builder.Column, segments count: inout Int) {
    if count > 0, segments[count &- 1].column == column {
      segments[count &- 1].end = end
    } else {
      segments[count] = (column, end)
      count &+= 1
    }
  }

  /// Carries out the writes of the first `segmentCount` segments.
  func carryOut(segments segmentCount: Int) {
    var start = 0
    for segment in 0..<segmentCount {
      let (column, end) = segments[segment]
      for index in start..<end { column.address(record: Int(records[index])).pointee = values[index] }
      start = end
    }
  }

  func deallocate() {
    values.deallocate()
    records.deallocate()
    segments.deallocate()
  }
}
