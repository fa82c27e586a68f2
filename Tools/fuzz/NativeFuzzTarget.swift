// libFuzzer entry point for the native-format reader (see Tools/fuzz/run.sh). Each input is
// written to a RAM-backed file and opened as a dataset; for inputs whose first byte is odd the
// header's checksum is first set to match, so the fuzzer also reaches the section parser.
import Foundation

private let path = "/dev/shm/tabnas-fuzz-\(getpid()).tabnas"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNative(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  var bytes = Array(UnsafeBufferPointer(start: data, count: size))
  // Odd first byte: a valid magic, payload length and checksum over whatever header bytes the
  // fuzzer chose (every other header byte stays the fuzzer's), so the header's own checks and
  // the section parser are reached; even: the bytes as they are.
  if size >= NativeFileHeader.size, bytes[0] & 1 == 1 {
    bytes.replaceSubrange(0..<8, with: NativeFileHeader.magic)
    let payload = Array(bytes[NativeFileHeader.size...].prefix((bytes.count - NativeFileHeader.size) / 8 * 8))
    bytes = Array(bytes.prefix(NativeFileHeader.size)) + payload
    withUnsafeBytes(of: UInt64(payload.count).littleEndian) { bytes.replaceSubrange(24..<32, with: $0) }
    unlink(path)
    if (try? writeNewFile(bytes, to: path)) != nil, let header = try? NativeFileHeader(reading: MappedFile(path: path)) {
      let checksum = header.fileChecksum(payloadChecksum: payload.withUnsafeBytes(Checksum64.checksum))
      withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange(32..<40, with: $0) }
    }
  }
  unlink(path)
  guard (try? writeNewFile(bytes, to: path)) != nil else { return 0 }
  if let bench = try? NASHPOBench2(contentsOf: path) {
    // A file that opens must also answer queries without crashing.
    var generator = SplitMix64(seed: 1)
    for _ in 0..<16 { _ = try? bench.query(bench.randomKey(using: &generator), iepoch: 5, seed: 555) }
  }
  return 0
}
