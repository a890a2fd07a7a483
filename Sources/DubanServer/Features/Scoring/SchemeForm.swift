import DubanCore
import Foundation

/// The scheme form: the scores, the role weights and each rule's points, days, bands and period limit, all as
/// text so a mistyped value comes back with its field named. Reads into a `ScoringScheme` and writes one out.
struct SchemeForm: Encodable {
    /// One field of the form.
    struct Field: Encodable {
        var name: String
        var label: String
        var value: String
    }

    /// One rule's row of fields.
    struct Rule: Encodable {
        var label: String
        var isAddition: Bool
        var points: Field
        /// Only for the lateness rules.
        var perDays: Field?
        var bands: Field?
        var limit: Field
    }

    var scores: [Field]
    var weights: [Field]
    var rules: [Rule]

    /// The form filled from a scheme, or from what was typed (`typed` wins where it has a value).
    init(_ scheme: ScoringScheme, typed: [String: String] = [:]) {
        func field(_ name: String, _ label: String, _ value: String) -> Field {
            Field(name: name, label: label, value: typed[name] ?? value)
        }
        scores = [
            field("base", "基础分", ScoringScheme.text(scheme.base)),
            field("floor", "最低分", ScoringScheme.text(scheme.floor)),
            field("cap", "最高分", ScoringScheme.text(scheme.cap)),
        ]
        weights = AssignmentRole.allCases.map { role in
            field("weight-\(role.rawValue)", role.label, ScoringScheme.text(scheme.roleWeights[role]))
        }
        rules = ScoringRuleKind.allCases.map { kind in
            let rule = scheme.rule(kind)
            let lateness = kind == .reportLate || kind == .workPlanLate
            return Rule(
                label: kind.label, isAddition: kind.isAddition,
                points: field("points-\(kind.rawValue)", "分值", ScoringScheme.text(rule.points)),
                perDays: lateness
                    ? field("perDays-\(kind.rawValue)", "每几天计一次", rule.perDays.map(String.init) ?? "") : nil,
                bands: lateness ? field("bands-\(kind.rawValue)", "按逾期天数分档", DayBand.listText(rule.bands)) : nil,
                limit: field("limit-\(kind.rawValue)", "每期上限", rule.periodLimit.map(ScoringScheme.text) ?? ""))
        }
    }

    /// Why a typed form cannot be read.
    struct Unreadable: Error {
        var message: String
    }

    /// Reads the posted fields into a scheme (not yet validated); throws naming the first unreadable field.
    static func scheme(from form: [String: String]) throws -> ScoringScheme {
        func number(_ name: String, _ label: String) throws -> Double {
            let text = (form[name] ?? "").trimmingCharacters(in: .whitespaces)
            guard let value = Double(text), value.isFinite else {
                throw Unreadable(message: "“\(label)”请填写数字。")
            }
            return value
        }
        func optional(_ name: String, _ label: String) throws -> Double? {
            let text = (form[name] ?? "").trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : try number(name, label)
        }
        var scheme = ScoringScheme(
            base: try number("base", "基础分"), floor: try number("floor", "最低分"), cap: try number("cap", "最高分"))
        for role in AssignmentRole.allCases {
            scheme.roleWeights[role] = try number("weight-\(role.rawValue)", "\(role.label)的权重")
        }
        for kind in ScoringRuleKind.allCases {
            let name = "“\(kind.label)”"
            var rule = ScoringRule(
                points: try number("points-\(kind.rawValue)", "\(name)的分值"),
                periodLimit: try optional("limit-\(kind.rawValue)", "\(name)的每期上限"))
            if let days = try optional("perDays-\(kind.rawValue)", "\(name)的天数") {
                guard let whole = Int(exactly: days) else { throw Unreadable(message: "\(name)的天数请填写整数。") }
                rule.perDays = whole
            }
            let bandsText = form["bands-\(kind.rawValue)"] ?? ""
            guard let bands = DayBand.parseList(bandsText) else {
                throw Unreadable(message: "\(name)的分档写法不对，请写成“1-3:0.5，4-7:1，8+:2”。")
            }
            rule.bands = bands
            scheme.rules[kind] = rule
        }
        return scheme
    }
}
