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
  /// The batch being filled, and how many writes it holds.
  private var current = 0
  private var count = 0

  /// A writer through `writer` that carries out `capacity` writes at a time.
  init(_ writer: CurveStore.Builder.ColumnWriter, capacity: Int = 8192) {
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
    enqueue(value, at: writer.address(record: record, curve: curve, epoch: epoch))
  }

  /// Queues one scalar.
  @inline(__always)
  func setScalar(_ value: Double, record: Int, column: Int) {
    enqueue(value, at: writer.address(record: record, column: column))
  }

  /// Queues one curve value per record: `values[i]` for record `records[i]`.
  func setValues(_ values: UnsafeBufferPointer<Double>, records: UnsafeBufferPointer<Int32>, curve: Int, epoch: Int) {
    precondition(values.count == records.count)
    var index = 0
    let writer = self.writer  // held, not reloaded after each store
    while index < values.count {
      let batch = batches[current], taken = min(capacity - count, values.count - index), filled = count
      for offset in 0..<taken {
        let record = Int(records[index &+ offset])
        batch.set(filled &+ offset, values[index &+ offset], at: writer.address(record: record, curve: curve, epoch: epoch))
      }
      count &+= taken
      index &+= taken
      if count == capacity { handOver() }
    }
  }

  @inline(__always)
  private func enqueue(_ value: Double, at target: UnsafeMutablePointer<Double>) {
    batches[current].set(count, value, at: target)
    count &+= 1
    if count == capacity { handOver() }
  }

  /// Carries out the full batch on the worker, and fills the other once it is free.
  private func handOver() {
    let batch = batches[current], done = free[current], filled = count
    worker.async { batch.carryOut(count: filled); done.signal() }
    current = 1 - current
    count = 0
    free[current].wait()
  }

  /// Carries out every queued write, in the order queued, before returning.
  func flush() {
    worker.sync {}  // everything handed over is carried out first
    batches[current].carryOut(count: count)
    count = 0
  }
}

/// Queued writes: where each goes, and its value.
private struct Batch: @unchecked Sendable {
  private let targets: UnsafeMutablePointer<UnsafeMutablePointer<Double>>
  private let values: UnsafeMutablePointer<Double>

  init(capacity: Int) {
    targets = .allocate(capacity: capacity)
    values = .allocate(capacity: capacity)
  }

  @inline(__always)
  func set(_ index: Int, _ value: Double, at target: UnsafeMutablePointer<Double>) {
    targets[index] = target
    values[index] = value
  }

  func carryOut(count: Int) {
    for index in 0..<count { targets[index].pointee = values[index] }
  }

  func deallocate() {
    targets.deallocate()
    values.deallocate()
  }
}
