/// Where a `bench12.pkl` column goes in the store.
enum NASHPOColumnTarget {
  /// A per-epoch column `<prefix>_<epoch>` (epoch 0…11).
  case curve(NASHPOTable.Curve, epoch: Int)
  /// A `total_*` column.
  case total(NASHPOTable.Total)
  /// `lr`, `batch_size` or `seed`: must repeat the key's component at `position`.
  case keyComponent(name: String, position: Int)

  /// The column name in the original file.
  var name: String {
    switch self {
    case .curve(let curve, let epoch): "\(curve.columnPrefix)_\(epoch)"
    case .total(let total): total.columnName
    case .keyComponent(let name, _): name
    }
  }

  /// Every column `bench12.pkl` must have.
  static let all: [NASHPOColumnTarget] =
    NASHPOTable.Curve.allCases.flatMap { curve in (0..<NASHPOSearchSpace.trainedEpochs).map { .curve(curve, epoch: $0) } }
    + NASHPOTable.Total.allCases.map { .total($0) }
    + [.keyComponent(name: "lr", position: 1), .keyComponent(name: "batch_size", position: 2), .keyComponent(name: "seed", position: 3)]
}
