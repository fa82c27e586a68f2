@preconcurrency import Glibc

/// A streaming RFC 4180 reader: quoted fields with commas, quotes and line breaks, CRLF or LF
/// line ends, a UTF-8 byte-order mark, and a missing final line break.
///
/// The reader holds one window of the file at a time (1 MiB by default, larger only for a
/// record that does not fit), so memory does not grow with the file. Blank lines are skipped;
/// every other record must have as many fields as the header.
///
/// ```swift
/// try CSVReader(path: "runs.csv").forEachRecord { record in
///   print(record.line, try record.text(at: 0))
/// }
/// ```
public struct CSVReader: Sendable {
  fileprivate enum Source: Sendable {
    case file(String)
    case bytes([UInt8])
  }

  private let source: Source
  private let windowSize: Int

  /// A reader of a file.
  public init(path: String) { self.init(source: .file(path), windowSize: 1 << 20) }

  /// A reader of bytes in memory.
  public init(bytes: [UInt8]) { self.init(source: .bytes(bytes), windowSize: 1 << 20) }

  /// A reader of text in memory.
  public init(text: String) { self.init(bytes: Array(text.utf8)) }

  /// A reader with a chosen window size; small windows let tests cut records anywhere.
  init(bytes: [UInt8], windowSize: Int) { self.init(source: .bytes(bytes), windowSize: windowSize) }

  private init(source: Source, windowSize: Int) {
    precondition(windowSize > 0, "the window must hold at least one byte")
    self.source = source
    self.windowSize = windowSize
  }

  /// The path being read, or `nil` for bytes in memory.
  public var path: String? {
    if case .file(let path) = source { path } else { nil }
  }

  /// Calls `body` with every record in order, the header first.
  ///
  /// - Throws: ``CSVError`` for malformed text or a ragged row, ``DatasetFileError`` when the
  ///   file cannot be read, and whatever `body` throws.
  public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
    var input = try ByteInput(source: source)
    defer { input.close() }
    var window = CSVWindow(capacity: windowSize)
    defer { window.deallocate() }
    var scanner = CSVScanner()
    var line = 1, expectedFields: Int?, position = 0, isFinal = false, checkedMark = false
    while true {
      if position == window.filled && isFinal { break }
      let view = window.view
      let needsInput: Bool
      if !checkedMark {
        // A byte-order mark is skipped once its three bytes (or the whole file) are in view.
        needsInput = view.count < 3 && !isFinal
        if !needsInput {
          checkedMark = true
          if view.count >= 3 && view[0] == 0xEF && view[1] == 0xBB && view[2] == 0xBF { position = 3 }
          continue
        }
      } else if position < view.count,
        let end = try scanner.scanRecord(in: view, from: position, isFinal: isFinal, line: line)
      {
        needsInput = false
        let isBlank = scanner.fields.count == 1 && scanner.fields[0].start == position && scanner.fields[0].end == position
        if !isBlank {
          if let expected = expectedFields, scanner.fields.count != expected {
            throw CSVError.raggedRow(line: line, fields: scanner.fields.count, expected: expected)
          }
          expectedFields = scanner.fields.count
          try scanner.fields.withUnsafeBufferPointer { bounds in
            try body(CSVRecord(line: line, bytes: view, bounds: bounds))
          }
        }
        line += end.lineBreaks
        position = end.next
      } else {
        needsInput = true
      }
      if needsInput {
        window.discard(upTo: position)
        position = 0
        isFinal = try !window.refill(from: &input)
      }
    }
    if expectedFields == nil { throw CSVError.empty }
  }
}

/// The reader's buffer: bytes `0..<filled` are valid.
private struct CSVWindow {
  private var storage: UnsafeMutableRawBufferPointer
  private(set) var filled = 0

  init(capacity: Int) { storage = .allocate(byteCount: capacity, alignment: 16) }

  var view: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: storage[0..<filled]) }

  /// Drops the bytes before `position`, moving the rest to the front.
  mutating func discard(upTo position: Int) {
    guard position > 0, let base = storage.baseAddress else { return }
    if position < filled { base.copyMemory(from: base + position, byteCount: filled - position) }
    filled -= position
  }

  /// Reads more bytes, doubling the buffer when it is full; returns false at the end of input.
  mutating func refill(from input: inout ByteInput) throws -> Bool {
    if filled == storage.count {
      let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: storage.count * 2, alignment: 16)
      larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: storage[0..<filled]))
      storage.deallocate()
      storage = larger
    }
    let got = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: storage[filled...]))
    filled += got
    return got > 0
  }

  func deallocate() { storage.deallocate() }
}

/// Bytes from a file descriptor or from memory.
private struct ByteInput {
  private var descriptor: Int32 = -1
  private let path: String
  private let bytes: [UInt8]
  private var offset = 0

  init(source: CSVReader.Source) throws {
    switch source {
    case .file(let path):
      self.path = path
      bytes = []
      descriptor = open(path, O_RDONLY)
      guard descriptor >= 0 else {
        let code = errno
        if code == ENOENT { throw DatasetFileError.missing(path: path) }
        throw DatasetFileError.unreadable(path: path, reason: String(cString: strerror(code)))
      }
    case .bytes(let bytes):
      path = "(memory)"
      self.bytes = bytes
    }
  }

  /// Fills as much of `buffer` as the input allows; 0 means the end.
  mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
    guard descriptor >= 0 else {
      let count = min(buffer.count, bytes.count - offset)
      bytes.withUnsafeBytes { source in
        buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<offset + count]))
      }
      offset += count
      return count
    }
    while true {
      let got = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
      if got >= 0 { return got }
      if errno != EINTR { throw DatasetFileError.unreadable(path: path, reason: String(cString: strerror(errno))) }
    }
  }

  mutating func close() {
    if descriptor >= 0 { _ = Glibc.close(descriptor) }
    descriptor = -1
  }
}
