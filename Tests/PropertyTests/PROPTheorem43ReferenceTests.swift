// PRO-P, Theorem 4.3 form: reference rows (see PROReferenceRow.swift for the tolerance and the shared
// generator). The objective's formula as evaluated by the generator (mpmath, mp.dps = 50):
//   def propt43(b, eta, th, thr, mh, p, rho, H):
//       u, v = lsm(th), lsm(thr); n=len(u); eta=mpf(eta)
//       mb=[eta*mh[i]+(1-eta)*rho[i] for i in range(n)]
//       lab=[i for i in range(n) if i not in H]
//       ua, va, ma = agg(u,H), agg(v,H), aggp(mb,H); m=len(ua); r=[b*(ua[i]-va[i]) for i in range(m)]
//       def pbar(a,c):
//           if a<len(lab) and c<len(lab) and mh[lab[a]]>0 and mh[lab[c]]>0: return mpf(p[lab[a]][lab[c]])
//           return mpf(1)/2
//       return -sum(ma[a]*ma[c]*pbar(a,c)*lsig(r[a]-r[c]) for a in range(m) for c in range(m))/eta**2
import Objectives
import Testing

@Suite struct PROPTheorem43ReferenceTests {
  static let rows: [PROReferenceRow<PROPTheorem43>] = [
    .init(
      PROPTheorem43(beta: 0.125, eta: 0.625),
      PROPInput(
        logits: [-0.375, 0.0, 1.5, 3.0], refLogits: [0.0, -12.5, 0.00390625, 1.0],
        muHat: [0.5, 0.5, 0.0, 0.0],
        preference: [
          [0.5, 1.0, 0.5, 0.5], [0.0, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5],
        ], rho: [0.0, 0.0, 0.25, 0.75], hyperResponse: [2, 3]),
      loss: 1.2265149286767285005, lossScale: 1.72739,
      gradient0: -0.028674768962840679076, gradientScale: 0.0483152),
    .init(
      PROPTheorem43(beta: 0.125, eta: 0.625),
      PROPInput(
        logits: [0.0, 0.0, 0.0], refLogits: [1.0, 0.0, -1.0], muHat: [0.5, 0.5, 0.0],
        preference: [[0.5, 1.0, 0.5], [0.0, 0.5, 0.5], [0.5, 0.5, 0.5]], rho: [0.0, 0.0, 1.0],
        hyperResponse: [2]),
      loss: 0.90626458302887253815, lossScale: 0.928698,
      gradient0: -0.01893191170114731194, gradientScale: 0.0222122),
    .init(
      PROPTheorem43(beta: 0.125, eta: 0.625),
      PROPInput(
        logits: [-40.0, 2.0, 0.00390625, 5.5, 1.0], refLogits: [5.5, -9.0, 0.0, 2.0, 0.0],
        muHat: [0.25, 0.5, 0.25, 0.0, 0.0],
        preference: [
          [0.5, 0.75, 0.0, 0.5, 0.5], [0.25, 0.5, 1.0, 0.5, 0.5], [1.0, 0.0, 0.5, 0.5, 0.5],
          [0.5, 0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5, 0.5],
        ], rho: [0.0, 0.0, 0.0, 0.5, 0.5], hyperResponse: [3]),
      loss: 1.7518007072731554653, lossScale: 2.92338,
      gradient0: -0.021005599453949289594, gradientScale: 0.0215467),
    .init(
      PROPTheorem43(beta: 0.125, eta: 0.625),
      PROPInput(
        logits: [1000.0, -1000.0, 0.5, 0.0], refLogits: [0.0, 0.0, 0.0, 0.0],
        muHat: [0.5, 0.5, 0.0, 0.0],
        preference: [
          [0.5, 0.0, 0.5, 0.5], [1.0, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5],
        ], rho: [0.0, 0.0, 0.5, 0.5], hyperResponse: [2, 3]),
      loss: 100.29805328764077648, lossScale: 200.298,
      gradient0: 0.05, gradientScale: 0.05),
    .init(
      PROPTheorem43(beta: 0.125, eta: 0.625),
      PROPInput(
        logits: [-0.375, 12.5, 1.0, -2.0], refLogits: [-0.00390625, 0.0, 0.0, 0.0],
        muHat: [0.25, 0.75, 0.0, 0.0],
        preference: [
          [0.5, 0.25, 0.5, 0.5], [0.75, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5],
        ], rho: [0.0, 0.0, 0.25, 0.75], hyperResponse: [2]),
      loss: 1.018593647216895164, lossScale: 1.32404,
      gradient0: -0.0014383189847359781655, gradientScale: 0.0279344),
    .init(
      PROPTheorem43(beta: 2.0, eta: 0.75),
      PROPInput(
        logits: [-0.375, 0.0, 1.5, 3.0], refLogits: [0.0, -12.5, 0.00390625, 1.0],
        muHat: [0.5, 0.5, 0.0, 0.0],
        preference: [
          [0.5, 1.0, 0.5, 0.5], [0.0, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5],
        ], rho: [0.0, 0.0, 0.25, 0.75], hyperResponse: [2, 3]),
      loss: 8.7969258098833908767, lossScale: 17.3913,
      gradient0: -0.66309097407483828572, gradientScale: 0.693782),
    .init(
      PROPTheorem43(beta: 2.0, eta: 0.75),
      PROPInput(
        logits: [0.0, 0.0, 0.0], refLogits: [1.0, 0.0, -1.0], muHat: [0.5, 0.5, 0.0],
        preference: [[0.5, 1.0, 0.5], [0.0, 0.5, 0.5], [0.5, 0.5, 0.5]], rho: [0.0, 0.0, 1.0],
        hyperResponse: [2]),
      loss: 1.267706631091967897, lossScale: 2.15638,
      gradient0: -0.60106980233491070269, gradientScale: 0.729614),
    .init(
      PROPTheorem43(beta: 2.0, eta: 0.75),
      PROPInput(
        logits: [-40.0, 2.0, 0.00390625, 5.5, 1.0], refLogits: [5.5, -9.0, 0.0, 2.0, 0.0],
        muHat: [0.25, 0.5, 0.25, 0.0, 0.0],
        preference: [
          [0.5, 0.75, 0.0, 0.5, 0.5], [0.25, 0.5, 1.0, 0.5, 0.5], [1.0, 0.0, 0.5, 0.5, 0.5],
          [0.5, 0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5, 0.5],
        ], rho: [0.0, 0.0, 0.0, 0.5, 0.5], hyperResponse: [3]),
      loss: 16.442640550899838925, lossScale: 32.9041,
      gradient0: -0.27083333333333333333, gradientScale: 0.354167),
    .init(
      PROPTheorem43(beta: 2.0, eta: 0.75),
      PROPInput(
        logits: [1000.0, -1000.0, 0.5, 0.0], refLogits: [0.0, 0.0, 0.0, 0.0],
        muHat: [0.5, 0.5, 0.0, 0.0],
        preference: [
          [0.5, 0.0, 0.5, 0.5], [1.0, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5],
        ], rho: [0.0, 0.0, 0.5, 0.5], hyperResponse: [2, 3]),
      loss: 1333.5451283051710944, lossScale: 2666.88,
      gradient0: 0.66666666666666666667, gradientScale: 0.666667),
    .init(
      PROPTheorem43(beta: 2.0, eta: 0.75),
      PROPInput(
        logits: [-0.375, 12.5, 1.0, -2.0], refLogits: [-0.00390625, 0.0, 0.0, 0.0],
        muHat: [0.25, 0.75, 0.0, 0.0],
        preference: [
          [0.5, 0.25, 0.5, 0.5], [0.75, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5],
        ], rho: [0.0, 0.0, 0.25, 0.75], hyperResponse: [2]),
      loss: 5.0814240491940753063, lossScale: 9.95449,
      gradient0: -0.054192171489382572287, gradientScale: 0.371501),
  ]

  @Test(arguments: rows)
  func matchesMpmath(row: PROReferenceRow<PROPTheorem43>) { row.check() }
}
