// Sample eDPO (PRO §3.2): reference rows (see PROReferenceRow.swift for the tolerance and the shared
// generator). The objective's formula as evaluated by the generator (mpmath, mp.dps = 50):
//   def sedpo(b, al, th, thr, mu, mh, sc):
//       u, v = lsm(th), lsm(thr); n=len(u); r=[b*(u[i]-v[i]) for i in range(n)]
//       return -b*sum(mpf(mh[i])*sc[i]*u[i] for i in range(n)) + al/mpf(2)*sum(mpf(mu[a])*mu[c]*K(r[a]-r[c]) for a in range(n) for c in range(n))
import Objectives
import Testing

@Suite struct SampleEDPOReferenceTests {
  static let rows: [PROReferenceRow<SampleEDPO>] = [
    .init(
      SampleEDPO(beta: 0.125, alpha: 2.5),
      SampleEDPOInput(
        logits: [-0.375, 0.0, 1.5, 3.0], refLogits: [0.0, -12.5, 0.00390625, 1.0],
        mu: [0.25, 0.25, 0.25, 0.25], muHat: [0.5, 0.5, 0.0, 0.0], scores: [0.25, -0.25, 0.0, 0.0]),
      loss: 0.12047275122184932178, lossScale: 0.496952,
      gradient0: -0.024711124697499026044, gradientScale: 0.251412),
    .init(
      SampleEDPO(beta: 0.125, alpha: 2.5),
      SampleEDPOInput(
        logits: [0.0, 0.0, 0.0, 0.0], refLogits: [1.0, 0.0, -1.0, 0.0],
        mu: [0.125, 0.375, 0.25, 0.25], muHat: [0.75, 0.25, 0.0, 0.0],
        scores: [0.125, -0.375, 0.0, 0.0]),
      loss: 0.0017524335935997210147, lossScale: 0.0377439,
      gradient0: -0.013087889983595593234, gradientScale: 0.143045),
    .init(
      SampleEDPO(beta: 0.125, alpha: 2.5),
      SampleEDPOInput(
        logits: [-40.0, 2.0, 0.00390625, 5.5], refLogits: [5.5, -9.0, 0.0, 2.0],
        mu: [0.5, 0.125, 0.125, 0.25], muHat: [0.0, 1.0, 0.0, 0.0], scores: [0.0, -0.5, 0.0, 0.0]),
      loss: 1.319148509460614042, lossScale: 4.28762,
      gradient0: -0.038894603454332109898, gradientScale: 0.442771),
    .init(
      SampleEDPO(beta: 0.125, alpha: 2.5),
      SampleEDPOInput(
        logits: [1000.0, -1000.0, 0.5, 0.0, 7.0], refLogits: [0.0, 0.0, 0.0, 0.0, 0.0],
        mu: [0.125, 0.125, 0.125, 0.125, 0.5], muHat: [0.5, 0.0, 0.5, 0.0, 0.0],
        scores: [0.5, 0.0, -0.5, 0.0, 0.0]),
      loss: 2.620396244633394901, lossScale: 127.642,
      gradient0: -0.01416015625, gradientScale: 62.5),
    .init(
      SampleEDPO(beta: 0.125, alpha: 2.5),
      SampleEDPOInput(
        logits: [-0.375, 12.5, 1.0], refLogits: [-0.00390625, 0.0, 0.0], mu: [0.25, 0.25, 0.5],
        muHat: [0.5, 0.5, 0.0], scores: [0.5, -0.5, 0.0]),
      loss: 0.52397964387457216614, lossScale: 2.3786,
      gradient0: -0.039428534754719982248, gradientScale: 0.841978),
    .init(
      SampleEDPO(beta: 2.0, alpha: 17.5),
      SampleEDPOInput(
        logits: [-0.375, 0.0, 1.5, 3.0], refLogits: [0.0, -12.5, 0.00390625, 1.0],
        mu: [0.25, 0.25, 0.25, 0.25], muHat: [0.5, 0.5, 0.0, 0.0], scores: [0.25, -0.25, 0.0, 0.0]),
      loss: 38.717595190966166074, lossScale: 85.7481,
      gradient0: -3.4618386638775704576, gradientScale: 4.24153),
    .init(
      SampleEDPO(beta: 2.0, alpha: 17.5),
      SampleEDPOInput(
        logits: [0.0, 0.0, 0.0, 0.0], refLogits: [1.0, 0.0, -1.0, 0.0],
        mu: [0.125, 0.375, 0.25, 0.25], muHat: [0.75, 0.25, 0.0, 0.0],
        scores: [0.125, -0.375, 0.0, 0.0]),
      loss: 2.5037900649893733075, lossScale: 7.20178,
      gradient0: -1.7559445929497346664, gradientScale: 3.44864),
    .init(
      SampleEDPO(beta: 2.0, alpha: 17.5),
      SampleEDPOInput(
        logits: [-40.0, 2.0, 0.00390625, 5.5], refLogits: [5.5, -9.0, 0.0, 2.0],
        mu: [0.5, 0.125, 0.125, 0.25], muHat: [0.0, 1.0, 0.0, 0.0], scores: [0.0, -0.5, 0.0, 0.0]),
      loss: 220.26110205814994408, lossScale: 464.003,
      gradient0: -4.375, gradientScale: 7.06745),
    .init(
      SampleEDPO(beta: 2.0, alpha: 17.5),
      SampleEDPOInput(
        logits: [1000.0, -1000.0, 0.5, 0.0, 7.0], refLogits: [0.0, 0.0, 0.0, 0.0, 0.0],
        mu: [0.125, 0.125, 0.125, 0.125, 0.5], muHat: [0.5, 0.0, 0.5, 0.0, 0.0],
        scores: [0.5, 0.0, -0.5, 0.0, 0.0]),
      loss: 3339.1932911163414963, lossScale: 8182.11,
      gradient0: 1.4140625, gradientScale: 1000.0),
    .init(
      SampleEDPO(beta: 2.0, alpha: 17.5),
      SampleEDPOInput(
        logits: [-0.375, 12.5, 1.0], refLogits: [-0.00390625, 0.0, 0.0], mu: [0.25, 0.25, 0.5],
        muHat: [0.5, 0.5, 0.0], scores: [0.5, -0.5, 0.0]),
      loss: 45.01671247498653911, lossScale: 113.19,
      gradient0: -3.5164339178494289503, gradientScale: 14.0611),
  ]

  @Test(arguments: rows)
  func matchesMpmath(row: PROReferenceRow<SampleEDPO>) { row.check() }
}
