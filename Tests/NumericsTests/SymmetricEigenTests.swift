// SymmetricEigen against matrices with closed-form spectra, at ordinary scale and scaled
// into the subnormal and near-overflow ranges (where unscaled QR iteration misbehaves).
import Numerics
import Testing

@Suite struct SymmetricEigenTests {
  /// The 3×3 second-difference matrix tridiag(−1, 2, −1): eigenvalues 2 − 2cos(kπ/4),
  /// k = 1, 2, 3, i.e. 2 − √2, 2, 2 + √2.
  static let secondDifference: [Double] = [2, -1, 0, -1, 2, -1, 0, -1, 2]
  static let secondDifferenceSpectrum: [Double] = [2 - 2.0.squareRoot(), 2, 2 + 2.0.squareRoot()]

  /// Backward stability of the symmetric QR algorithm: each computed eigenvalue is within
  /// c·n·ε·‖A‖₂ of an exact one; c = 8 covers GSL's implicit-shift QR with n = 3, ‖A‖₂ < 4.
  static func tolerance(norm: Double, n: Int) -> Double { 8 * Double(n) * Double.ulpOfOne * norm }

  @Test(arguments: [0, -1070, -1040, -600, 600, 1000])
  func spectrumIsExactUpToScale(binaryExponent: Int) throws {
    let s = Double(sign: .plus, exponent: binaryExponent, significand: 1)
    let a = Self.secondDifference.map { $0 * s }
    let values = try SymmetricEigen.eigenvalues(a, n: 3)
    for (v, exact) in zip(values, Self.secondDifferenceSpectrum) {
      // Compared at unit scale: the scaling by a power of two is exact in both directions
      // except where 2^e·λ is subnormal, where the result carries one rounding of
      // 2^−1074 absolute (an extra ulp-of-the-subnormal-range term).
      let unscaled = v / s
      let subnormalRounding = Double.leastNonzeroMagnitude / s
      #expect(
        abs(unscaled - exact) <= Self.tolerance(norm: 4, n: 3) + subnormalRounding,
        "2^\(binaryExponent): eigenvalue \(unscaled) vs \(exact)")
    }
  }

  @Test func zeroMatrixHasZeroSpectrum() throws {
    #expect(try SymmetricEigen.eigenvalues([0, 0, 0, 0], n: 2) == [0, 0])
  }

  @Test func nonFiniteEntryThrows() {
    #expect(throws: GSLError.self) { try SymmetricEigen.eigenvalues([1, .nan, .nan, 1], n: 2) }
    #expect(throws: GSLError.self) { try SymmetricEigen.eigenvalues([.infinity, 0, 0, 1], n: 2) }
  }
}
