// PRO with a hyper response (PRO §4.1): reference rows (see PROReferenceRow.swift for the tolerance and the shared
// generator). The objective's formula as evaluated by the generator (mpmath, mp.dps = 50):
//   def pro(b, al, th, thr, mu, mh, sc, H):
//       u, v = lsm(th), lsm(thr); n=len(u)
//       ua, va, ma = agg(u,H), agg(v,H), aggp(mu,H); m=len(ua); r=[b*(ua[i]-va[i]) for i in range(m)]
//       return -b*sum(mpf(mh[i])*sc[i]*u[i] for i in range(n)) + al/mpf(2)*sum(ma[a]*ma[c]*K(r[a]-r[c]) for a in range(m) for c in range(m))
import Objectives
import Testing

@Suite struct PROReferenceTests {
  static let rows: [PROReferenceRow<PRO>] = [
    .init(
      PRO(beta: 0.125, alpha: 2.5),
      PROInput(
        logits: [-0.375, 0.0, 1.5, 3.0], refLogits: [0.0, -12.5, 0.00390625, 1.0],
        mu: [0.25, 0.25, 0.25, 0.25], muHat: [0.5, 0.5, 0.0, 0.0], scores: [0.25, -0.25, 0.0, 0.0],
        hyperResponse: [2, 3]),
      loss: 0.11911711080056553734, lossScale: 0.500983,
      gradient0: -0.024878345334833737028, gradientScale: 0.252255),
    .init(
      PRO(beta: 0.125, alpha: 2.5),
      PROInput(
        logits: [0.0, 0.0, 0.0, 0.0], refLogits: [1.0, 0.0, -1.0, 0.0],
        mu: [0.125, 0.375, 0.25, 0.25], muHat: [0.75, 0.25, 0.0, 0.0],
        scores: [0.125, -0.375, 0.0, 0.0], hyperResponse: [2, 3]),
      loss: 0.00094120446479279377006, lossScale: 0.0351428,
      gradient0: -0.013016051931602445476, gradientScale: 0.142909),
    .init(
      PRO(beta: 0.125, alpha: 2.5),
      PROInput(
        logits: [-40.0, 2.0, 0.00390625, 5.5], refLogits: [5.5, -9.0, 0.0, 2.0],
        mu: [0.5, 0.125, 0.125, 0.25], muHat: [0.0, 1.0, 0.0, 0.0], scores: [0.0, -0.5, 0.0, 0.0],
        hyperResponse: [0, 2]),
      loss: -0.064367165972582078922, lossScale: 1.39206,
      gradient0: -0.000000000000000000093727513411718500494, gradientScale: 0.441716),
    .init(
      PRO(beta: 0.125, alpha: 2.5),
      PROInput(
        logits: [1000.0, -1000.0, 0.5, 0.0, 7.0], refLogits: [0.0, 0.0, 0.0, 0.0, 0.0],
        mu: [0.125, 0.125, 0.125, 0.125, 0.5], muHat: [0.5, 0.0, 0.5, 0.0, 0.0],
        scores: [0.5, 0.0, -0.5, 0.0, 0.0], hyperResponse: [1, 3, 4]),
      loss: -14.408630471248519425, lossScale: 122.353,
      gradient0: -0.01416015625, gradientScale: 62.5),
    .init(
      PRO(beta: 0.125, alpha: 2.5),
      PROInput(
        logits: [-0.375, 12.5, 1.0], refLogits: [-0.00390625, 0.0, 0.0], mu: [0.25, 0.25, 0.5],
        muHat: [0.5, 0.5, 0.0], scores: [0.5, -0.5, 0.0], hyperResponse: [2]),
      loss: 0.52397964387457216614, lossScale: 2.3786,
      gradient0: -0.039428534754719982248, gradientScale: 0.841978),
    .init(
      PRO(beta: 2.0, alpha: 17.5),
      PROInput(
        logits: [-0.375, 0.0, 1.5, 3.0], refLogits: [0.0, -12.5, 0.00390625, 1.0],
        mu: [0.25, 0.25, 0.25, 0.25], muHat: [0.5, 0.5, 0.0, 0.0], scores: [0.25, -0.25, 0.0, 0.0],
        hyperResponse: [2, 3]),
      loss: 38.572787355647339907, lossScale: 82.9725,
      gradient0: -3.4843190347609533759, gradientScale: 4.24872),
    .init(
      PRO(beta: 2.0, alpha: 17.5),
      PROInput(
        logits: [0.0, 0.0, 0.0, 0.0], refLogits: [1.0, 0.0, -1.0, 0.0],
        mu: [0.125, 0.375, 0.25, 0.25], muHat: [0.75, 0.25, 0.0, 0.0],
        scores: [0.125, -0.375, 0.0, 0.0], hyperResponse: [2, 3]),
      loss: 1.4053725098721149441, lossScale: 4.09261,
      gradient0: -1.7757576078601716756, gradientScale: 2.9223),
    .init(
      PRO(beta: 2.0, alpha: 17.5),
      PROInput(
        logits: [-40.0, 2.0, 0.00390625, 5.5], refLogits: [5.5, -9.0, 0.0, 2.0],
        mu: [0.5, 0.125, 0.125, 0.25], muHat: [0.0, 1.0, 0.0, 0.0], scores: [0.0, -0.5, 0.0, 0.0],
        hyperResponse: [0, 2]),
      loss: 44.514461358789536891, lossScale: 111.683,
      gradient0: -0.000000000000000017373743218673624724, gradientScale: 7.06745),
    .init(
      PRO(beta: 2.0, alpha: 17.5),
      PROInput(
        logits: [1000.0, -1000.0, 0.5, 0.0, 7.0], refLogits: [0.0, 0.0, 0.0, 0.0, 0.0],
        mu: [0.125, 0.125, 0.125, 0.125, 0.5], muHat: [0.5, 0.0, 0.5, 0.0, 0.0],
        scores: [0.5, 0.0, -0.5, 0.0, 0.0], hyperResponse: [1, 3, 4]),
      loss: 1410.8915804456561976, lossScale: 4324.91,
      gradient0: 1.4140625, gradientScale: 1000.0),
    .init(
      PRO(beta: 2.0, alpha: 17.5),
      PROInput(
        logits: [-0.375, 12.5, 1.0], refLogits: [-0.00390625, 0.0, 0.0], mu: [0.25, 0.25, 0.5],
        muHat: [0.5, 0.5, 0.0], scores: [0.5, -0.5, 0.0], hyperResponse: [2]),
      loss: 45.01671247498653911, lossScale: 113.19,
      gradient0: -3.5164339178494289503, gradientScale: 14.0611),
  ]

  @Test(arguments: rows)
  func matchesMpmath(row: PROReferenceRow<PRO>) { row.check() }
}
