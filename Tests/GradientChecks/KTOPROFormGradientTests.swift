// KTO in PRO's form (App. E v1): analytic gradient in (logProb, refLogProb) versus GSL
// central differences and Ridders on 1000 seeded, edge-biased samples per hyperparameter set,
// with the negative control.
import ObjectiveFixtures
import Objectives
import Testing

@Suite struct KTOPROFormGradientTests {
  @Test(arguments: [(0.03, 1.0, 1.0, 0.0), (1.0, 1.33, 1.0, 0.5), (10.0, 1.0, 1.33, 3.0)])
  func gradientMatchesFiniteDifferences(hyper: (Double, Double, Double, Double)) {
    let (beta, lambdaD, lambdaU, z0) = hyper
    ObjectiveGradientHarness.run(
      "kto-pro.gradient.beta=\(beta).lD=\(lambdaD).lU=\(lambdaU).z0=\(z0)",
      KTOPROForm(beta: beta, lambdaD: lambdaD, lambdaU: lambdaU, z0: z0),
      generator: PROFixtures.kto())
  }
}
