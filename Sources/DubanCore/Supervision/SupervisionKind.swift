/// The kinds of 督查 the plans prescribe: "季度重点督查、年中集中督查、年底全面督查" (the city's plan) and
/// "专项和暗访督查" (the district's). Stored by raw value; the label is what every page and bulletin prints.
public enum SupervisionKind: String, Sendable, Codable, CaseIterable {
    case quarterly
    case midYear = "mid_year"
    case yearEnd = "year_end"
    case special
    case unannounced

    /// The Chinese name of the round's kind.
    public var label: String {
        switch self {
        case .quarterly: "季度重点督查"
        case .midYear: "年中集中督查"
        case .yearEnd: "年底全面督查"
        case .special: "专项督查"
        case .unannounced: "暗访督查"
        }
    }
}
