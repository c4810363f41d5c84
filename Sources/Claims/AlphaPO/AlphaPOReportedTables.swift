// The printed results of 003_5c1a521bcc07b90e.txt (Table 1, Table 2, Table 5, §4.2 SPPO, Table 3
// and Figure 8 caption), transcribed as in claims/alphapo.md (`alphapo.reported-*`).

/// One Table 5 row: LC, WR, STD, Length, AH WR, CI high, CI low, AH Length.
struct AlphaPOTable5Row: Sendable {
  var lc, wr, std, length, ah, ciHigh, ciLow, ahLength: Double
  init(_ v: [Double]) {
    (lc, wr, std, length, ah, ciHigh, ciLow, ahLength) = (v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7])
  }
}

/// The printed tables.
struct AlphaPOReportedData: Sendable {
  /// Settings in Table 1 order of the catalog: Llama-3 PairRM, Mistral PairRM, Llama-3 ArmoRM, Gemma-2.
  static let settings = ["Llama-3 (PairRM)", "Mistral (PairRM)", "Llama-3 (ArmoRM)", "Gemma-2 (ArmoRM)"]
  static let methods = ["DPO", "SimPO", "AlphaPO"]
  /// Table 1 [method][setting] for LC, AE2 WR, AH WR.
  var t1LC: [[Double]]
  var t1WR: [[Double]]
  var t1AH: [[Double]]
  /// Table 5 [setting][method].
  var t5: [[AlphaPOTable5Row]]

  static let printed = AlphaPOReportedData(
    t1LC: [[39.18, 21.96, 47.19, 67.83], [42.05, 29.71, 51.66, 73.72], [45.37, 33.03, 53.01, 74.13]],
    t1WR: [[36.84, 22.16, 45.61, 65.77], [36.90, 31.12, 46.54, 67.36], [40.97, 34.12, 47.64, 65.89]],
    t1AH: [[34.1, 14.8, 35.5, 60.7], [32.8, 21.5, 35.4, 59.0], [34.6, 21.7, 36.0, 57.7]],
    t5: [
      [  // Llama-3 PairRM
        AlphaPOTable5Row([39.18, 36.84, 1.40, 1885, 34.1, 35.9, 31.5, 539]),
        AlphaPOTable5Row([42.05, 36.90, 1.42, 1759, 32.8, 34.9, 30.5, 485]),
        AlphaPOTable5Row([45.37, 40.97, 1.45, 1820, 34.6, 37.1, 32.9, 508]),
      ],
      [  // Mistral
        AlphaPOTable5Row([21.96, 22.16, 1.25, 2034, 14.8, 16.4, 13.1, 667]),
        AlphaPOTable5Row([29.71, 31.12, 1.37, 2330, 21.5, 23.6, 19.8, 551]),
        AlphaPOTable5Row([33.03, 34.12, 1.40, 2097, 21.7, 24.0, 19.9, 503]),
      ],
      [  // Llama-3 ArmoRM
        AlphaPOTable5Row([47.19, 45.61, 1.47, 1974, 33.4, 38.0, 35.5, 587]),
        AlphaPOTable5Row([51.66, 46.54, 1.47, 1806, 35.4, 37.8, 33.3, 515]),
        AlphaPOTable5Row([53.01, 47.64, 1.47, 1794, 36.0, 38.7, 33.9, 507]),
      ],
      [  // Gemma-2
        AlphaPOTable5Row([67.83, 65.77, 1.39, 2042, 60.7, 63.3, 58.3, 729]),
        AlphaPOTable5Row([73.72, 67.36, 1.37, 1832, 59.0, 61.5, 56.7, 720]),
        AlphaPOTable5Row([74.13, 65.89, 1.41, 1802, 57.7, 60.4, 55.6, 689]),
      ],
    ])
}
