extension NetworkArchitecture {
  /// The names of ``features``, in order.
  public static let featureNames = [
    "conv_layers", "pool_layers", "fc_layers", "dropout_layers", "gap_layers", "softmax_layers", "depth",
    "residual_layers", "first_conv_filters", "last_conv_filters", "max_conv_filters", "total_conv_filters",
    "max_kernel_size", "downsampling", "fc_units", "receptive_field", "pointwise_convolutions",
  ]

  /// Derived architecture features (the AP features of Baker et al. 2018 §3.1), in the order of
  /// ``featureNames``: layer counts per type; `depth` = convolution, pooling, fully connected,
  /// global-average-pooling and softmax layers (the `depth` column of the MetaQNN files);
  /// convolution widths; the largest kernel; `downsampling`, the product of all strides; and the
  /// fully connected units; the receptive field of the last spatial layer (each convolution or
  /// pooling adds (kernel − 1) × the product of the strides before it); and the 1 × 1
  /// convolutions. Widths are 0 for a network without convolutions.
  public var features: [Double] {
    var conv = 0, pool = 0, fc = 0, dropout = 0, gap = 0, softmax = 0, residual = 0
    var widths: [Int] = [], maxKernel = 0, downsampling = 1, fcUnits = 0, receptiveField = 1, pointwise = 0
    /// A convolution or pooling window: widens the receptive field by the strides so far.
    func window(kernel: Int, stride: Int) {
      maxKernel = max(maxKernel, kernel)
      receptiveField += (kernel - 1) * downsampling
      downsampling *= stride
    }
    for layer in layers {
      switch layer {
      case .convolution(let filters, let kernel, let stride, let isResidual):
        conv += 1
        if isResidual { residual += 1 }
        widths.append(filters)
        window(kernel: kernel, stride: stride)
        if kernel == 1 { pointwise += 1 }
      case .pooling(let kernel, let stride):
        pool += 1
        window(kernel: kernel, stride: stride)
      case .dropout: dropout += 1
      case .fullyConnected(let units):
        fc += 1
        fcUnits += units
      case .globalAveragePooling: gap += 1
      case .softmax: softmax += 1
      }
    }
    let counts = [conv, pool, fc, dropout, gap, softmax, conv + pool + fc + gap + softmax, residual]
    let widthFeatures = [widths.first ?? 0, widths.last ?? 0, widths.max() ?? 0, widths.reduce(0, +)]
    return (counts + widthFeatures + [maxKernel, downsampling, fcUnits, receptiveField, pointwise]).map(Double.init)
  }
}
