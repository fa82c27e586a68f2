/// Where one field lies in the reader's buffer.
struct CSVFieldBounds {
  /// The first byte of the field's content (after an opening quote).
  var start: Int
  /// One past the last byte of the content (before a closing quote).
  var end: Int
  /// Whether the content contains doubled quotes that stand for one quote each.
  var hasEscapedQuotes: Bool
}

/// Splits bytes into RFC 4180 records: the hot loop of ``CSVReader``.
///
/// Works on a window of the file that may end mid-record; it then reports that it needs more
/// input rather than guessing, unless the window is the end of the file.
struct CSVScanner {
  /// The fields of the last record scanned.
  private(set) var fields: [CSVFieldBounds] = []

  init() { fields.reserveCapacity(64) }

  /// How a scanned record ended.
  struct RecordEnd {
    /// The position after the record and its line break.
    var next: Int
    /// The line breaks inside and after the record.
    var lineBreaks: Int
  }

  /// Scans the record that starts at `start`.
  ///
  /// - Parameters:
  ///   - bytes: The window of the file.
  ///   - start: Where the record starts; less than `bytes.count`.
  ///   - isFinal: Whether the window ends where the file ends.
  ///   - line: The line the record starts on, for errors.
  /// - Returns: The end of the record, or `nil` when the window ends first and `isFinal` is false.
  /// - Throws: ``CSVError`` for misplaced or unclosed quotes.
  mutating func scanRecord(in bytes: UnsafeRawBufferPointer, from start: Int, isFinal: Bool, line: Int) throws
    -> RecordEnd?
  {
    fields.removeAll(keepingCapacity: true)
    let count = bytes.count
    var position = start
    var lineBreaks = 0
    while true {
      if position < count && bytes[position] == .quote {
        let opening = position
        position += 1
        var hasEscapedQuotes = false
        while true {
          while position < count, case let byte = bytes[position], byte != .quote {
            if byte == .lineFeed { lineBreaks += 1 }
            position += 1
          }
          if position >= count {
            guard isFinal else { return nil }
            throw CSVError.unterminatedQuote(line: line, column: fields.count + 1)
          }
          if position + 1 >= count && !isFinal { return nil }  // `"` or `""`: the next window decides
          guard position + 1 < count && bytes[position + 1] == .quote else { break }
          hasEscapedQuotes = true
          position += 2
        }
        fields.append(CSVFieldBounds(start: opening + 1, end: position, hasEscapedQuotes: hasEscapedQuotes))
        position += 1
      } else {
        let fieldStart = position
        while position < count {
          let byte = bytes[position]
          // Digits, letters and '.' are all above ','; one comparison passes them.
          if byte > .comma || (byte != .comma && byte != .lineFeed && byte != .carriageReturn && byte != .quote) {
            position += 1
            continue
          }
          if byte == .quote { throw CSVError.quoteInUnquotedField(line: line + lineBreaks, column: fields.count + 1) }
          break
        }
        fields.append(CSVFieldBounds(start: fieldStart, end: position, hasEscapedQuotes: false))
      }
      guard position < count else {
        return isFinal ? RecordEnd(next: count, lineBreaks: lineBreaks) : nil
      }
      switch bytes[position] {
      case .comma:
        position += 1
      case .lineFeed:
        return RecordEnd(next: position + 1, lineBreaks: lineBreaks + 1)
      case .carriageReturn:
        if position + 1 < count {
          let next = bytes[position + 1] == .lineFeed ? position + 2 : position + 1
          return RecordEnd(next: next, lineBreaks: lineBreaks + 1)
        }
        return isFinal ? RecordEnd(next: count, lineBreaks: lineBreaks + 1) : nil
      default:
        throw CSVError.textAfterClosingQuote(line: line + lineBreaks, column: fields.count)
      }
    }
  }
}
