import ArgumentParser

/// The `chitieu` command: congress targets and their attainment.
struct ChiTieu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chitieu",
        abstract: "Theo dõi chỉ tiêu nghị quyết đại hội và kết quả thực hiện / Track congress targets and their attainment.",
        discussion: """
            Data lives in Targets/: indicators.yaml (the catalogue), bodies.yaml, and one YAML file per body and term.

            Examples:
              chitieu check                   # validate everything under Targets/
              chitieu check Targets/lang-son  # validate one body's files
              chitieu report                  # write Vietnamese text reports into Reports/
              chitieu report --lang en -o -   # English, to standard output
              chitieu compare lang-son/khoi-cac-co-quan@2020 \\
                  quang-ninh/khoi-cac-co-quan@2022
            """,
        subcommands: [Check.self, Report.self, Compare.self, SiteCommand.self, Export.self, Plan.self, Extract.self, Form.self, Import.self, Consolidate.self]
    )
}
