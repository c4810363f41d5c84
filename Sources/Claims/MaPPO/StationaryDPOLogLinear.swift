// mappo.stationary.dpo-log-linear — App. A.1, eq. (24): at DPO's FOSP,
// log π_*(y_w) = log π_*(y_l) + c. FOSP existence for the DPO loss on the fosp-exists
// datasets (same search and rules), then the spread of log π(y_w,i) − log π(y_l,i) at the
// multi-pair FOSPs with mappo.stationary.log-linear's tolerance (Δr_i = 1).
import Numerics

extension MaPPOClaims {
  static let stationaryDPOLogLinear = Claim(
    id: "mappo.stationary.dpo-log-linear", paper: .mappo, source: "App. A.1, eq. (24)", kind: .stationarity,
    statement: "At DPO's FOSP, log π_*(y_w|x) = log π_*(y_l|x) + c."
  ) { ctx in
    let rs = MaPPOFOSPSearch.results(ctx, loss: .dpo)
    var out = logLinearSpreadOutcome(rs, loss: .dpo, constant: logLinearConstants)
    let singles = rs.filter { $0.fosp != nil && $0.dataset.n == 1 }.count
    out.notes.append("DPO FOSPs on single-pair datasets: \(singles) (the single-pair DPO loss depends on θ only through β·θ·(φ_w − φ_l) or θ_w − θ_l and has no finite minimizer).")
    return out
  }
}
