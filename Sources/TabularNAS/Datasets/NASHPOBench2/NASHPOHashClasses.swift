/// Finds the class of a hash text given as bytes in the file, without making a `String`: how an
/// unmemoised `bench12.pkl`, which writes each key's hash out in full in every column (11.8
/// million times), is read at the speed of a memoised one.
struct NASHPOHashClasses {
  /// FNV-1a of each hash's UTF-8 bytes → its class (-1: two hashes share the digest; those
  /// take the general path).
  private let classOfDigest: [UInt64: Int]
  private let hashBytes: [[UInt8]]

  /// The lookup for the classes' hashes, indexed by class.
  init(hashes: [String]) {
    hashBytes = hashes.map { Array($0.utf8) }
    var classOfDigest: [UInt64: Int] = [:]
    for (index, bytes) in hashBytes.enumerated() {
      let digest = bytes.withUnsafeBytes(Self.digest)
      classOfDigest[digest] = classOfDigest[digest] == nil ? index : -1
    }
    self.classOfDigest = classOfDigest
  }

  /// The class whose hash is exactly these bytes, or `nil`.
  @inline(__always)
  func classIndex(of text: UnsafeRawBufferPointer) -> Int? {
    guard let index = classOfDigest[Self.digest(text)], index >= 0,
      hashBytes[index].withUnsafeBytes({ $0.hasSameBytes(as: text) })
    else { return nil }
    return index
  }

  @inline(__always)
  private static func digest(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
  }
}
