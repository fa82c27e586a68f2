/// A validated `(epoch, iepoch)` pair: measured training up to some epoch, or the surrogate.
enum NASHPOFidelity: Equatable, Sendable {
  /// Measured after this many epochs (1…12) of the 12-epoch schedule.
  case trained(epochs: Int)
  /// The 200-epoch surrogate estimate.
  case surrogate

  /// Validates the reference API's `epoch` and `iepoch` arguments.
  ///
  /// - Throws: ``NASHPOBench2Error`` for an unknown epoch, an `iepoch` outside 1…12, or an
  ///   `iepoch` given with epoch 200.
  init(epoch: Int, iepoch: Int?) throws {
    switch epoch {
    case NASHPOSearchSpace.trainedEpochs:
      let epochs = iepoch ?? epoch
      guard (1...epoch).contains(epochs) else {
        throw NASHPOBench2Error.iepochOutOfRange(epochs, allowed: 1...epoch)
      }
      self = .trained(epochs: epochs)
    case 200:
      if let iepoch { throw NASHPOBench2Error.iepochWithSurrogateEpoch(iepoch) }
      self = .surrogate
    default:
      throw NASHPOBench2Error.unknownEpoch(epoch, allowed: NASHPOSearchSpace.epochs)
    }
  }

  /// The number of training epochs the answer reflects (12-epoch `iepoch`, or 200).
  var epochs: Int {
    switch self {
    case .trained(let epochs): epochs
    case .surrogate: 200
    }
  }
}
