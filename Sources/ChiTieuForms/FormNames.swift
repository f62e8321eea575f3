import Foundation

/// The file names forms are written under.
public enum FormNames {
    /// `bieu-mau-lang-son-khoi-cac-co-quan-2015-2020.xlsx`, with the unit's id for a unit's form.
    public static func fileName(_ plan: FormPlan) -> String {
        var name = "bieu-mau-" + plan.body.id.replacingOccurrences(of: "/", with: "-") + "-" + plan.identity.term
        if plan.years.count == 1, plan.term.reportingYears.count > 1, let y = plan.years.first { name += "-nam-\(y)" }
        if let unit = plan.unit { name += "--" + unit.id.replacingOccurrences(of: "/", with: "-") }
        return name + ".xlsx"
    }
}
