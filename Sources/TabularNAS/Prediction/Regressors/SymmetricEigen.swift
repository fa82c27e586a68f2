import Foundation

/// Eigenvalues and eigenvectors of a small symmetric matrix by cyclic Jacobi rotations:
/// slow for large matrices, but simple, accurate and robust to rank deficiency.
struct SymmetricEigen {
  /// The eigenvalues.
  let values: [Double]
  /// The eigenvectors, column k (row-major `size × size`) for eigenvalue k.
  let vectors: [Double]
  /// The matrix size.
  let size: Int

  /// Decomposes a symmetric `size × size` matrix given row by row.
  init(symmetric matrix: [Double], size: Int) {
    precondition(matrix.count == size * size, "a \(size) × \(size) matrix needs \(size * size) values")
    var a = matrix
    var v = [Double](repeating: 0, count: size * size)
    for i in 0..<size { v[i * size + i] = 1 }
    for _ in 0..<100 {
      var offDiagonal = 0.0, diagonal = 0.0
      for i in 0..<size {
        diagonal += a[i * size + i] * a[i * size + i]
        for j in (i + 1)..<max(size, i + 1) { offDiagonal += a[i * size + j] * a[i * size + j] }
      }
      if offDiagonal <= 1e-30 * max(diagonal, 1e-300) { break }
      for p in 0..<size {
        for q in (p + 1)..<max(size, p + 1) where a[p * size + q] != 0 {
          let apq = a[p * size + q], app = a[p * size + p], aqq = a[q * size + q]
          let theta = (aqq - app) / (2 * apq)
          let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
          let c = 1 / (t * t + 1).squareRoot(), s = t * c
          for k in 0..<size {
            let akp = a[k * size + p], akq = a[k * size + q]
            a[k * size + p] = c * akp - s * akq
            a[k * size + q] = s * akp + c * akq
          }
          for k in 0..<size {
            let apk = a[p * size + k], aqk = a[q * size + k]
            a[p * size + k] = c * apk - s * aqk
            a[q * size + k] = s * apk + c * aqk
          }
          for k in 0..<size {
            let vkp = v[k * size + p], vkq = v[k * size + q]
            v[k * size + p] = c * vkp - s * vkq
            v[k * size + q] = s * vkp + c * vkq
          }
        }
      }
    }
    values = (0..<size).map { a[$0 * size + $0] }
    vectors = v
    self.size = size
  }
}
