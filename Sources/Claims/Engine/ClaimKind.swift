// The claim kinds of ../shared/claims/FORMAT.md.

/// What sort of statement a claim makes; decides which check helpers apply.
public enum ClaimKind: String, Codable, Sendable, CaseIterable {
  case identity
  case gradientIdentity = "gradient-identity"
  case inequality
  case bound
  case limit
  case threshold
  case equivalence
  case stationarity
  case existence
  case rate
  case numericValue = "numeric-value"
  case empirical
}
