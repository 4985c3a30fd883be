import ArgumentParser
import Domain
import Foundation
import Store
import TUI

/// `releve bench`: times the heavy paths on generated territories, so speed claims can be rerun.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mesure les temps (génération, arbitrage, facturation, import, export) sur des territoires générés.")

    @Option(help: "Nombre de membres (sinon : un département, 600, puis l'échelle nationale, 35 000).") var members: Int?
    @Option(help: "Nombre d'agents.") var agents: Int?
    @Option(help: "Nombre d'années.") var years: Int = 1
    @Option(help: "Graine.") var seed: UInt64 = 1
    @Option(help: "json ou table.") var format: OutputFormat = .table
    @Flag(help: "Sans import/export JSON (plus rapide).") var skipFiles = false

    func run() throws {
        let language = Language.fr
        let scales: [(String, Int, Int)]
        if let members {
            scales = [("custom", members, agents ?? max(1, members / 17))]
        } else {
            scales = [("departement", 600, 60), ("national", 35_000, 2_000)]
        }
        var results: [BenchResult] = []
        for (name, members, agents) in scales {
            results.append(try measure(name: name, members: members, agents: agents))
        }
        switch format {
        case .json:
            writeOut(JSONOutput.object([
                ("machine", .string("\(ProcessInfo.processInfo.activeProcessorCount) cores")),
                ("peak_rss_mb", .integer(BenchResult.peakResidentMegabytes())),
                ("scales", .array(results.map(\.json))),
            ]).rendered())
        case .table:
            var rows: [[String]] = []
            for result in results {
                for (step, ms) in result.steps {
                    rows.append([result.name, "\(result.members)/\(result.agents)", BenchResult.label(step, language), String(format: "%.1f", ms)])
                }
            }
            writeOut(TextTable.render(header: [language.pick("Échelle", "Scale"), language.pick("Membres/agents", "Members/agents"),
                                               language.pick("Étape", "Step"), "ms"], rows: rows, rightAligned: [3]))
            for result in results {
                for (name, value) in result.counts { writeLine("\(result.name) \(name): \(value)") }
            }
            writeLine(language.pick("Mémoire maximale du processus : \(BenchResult.peakResidentMegabytes()) Mo",
                                "Peak process memory: \(BenchResult.peakResidentMegabytes()) MB"))
        }
    }

    func measure(name: String, members: Int, agents: Int) throws -> BenchResult {
        var result = BenchResult(name: name, members: members, agents: agents)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("releve-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let territory = result.time("gen_domain") {
            SyntheticTerritory.make(members: members, agents: agents, years: years, seed: seed)
        }
        let database = try AppDatabase.open(path: directory.appendingPathComponent("bench.sqlite").path)
        try result.time("gen_store") { try database.saveInBulk(territory, description: "bench") }
        let planning = try result.time("plan_load") { try database.loadPlanningTerritory() }
        let plan = result.time("plan_arbitrate") { Arbitration.plan(planning) }
        _ = result.time("plan_json") {
            PlanReport(plan: plan, from: nil, to: nil, calendar: planning.service.calendar).json()
        }
        // Billing: the year with the most hours, computed (dry run) then issued in one transaction.
        let billedYear = territory.timeEntries.map(\.date.year).max() ?? 2023
        let drafts = try result.time("invoice_run") { try database.billingDrafts(year: billedYear).drafts }
        let issued = try result.time("invoice_issue") {
            try database.issueInvoices(year: billedYear, on: CalendarDate(year: billedYear + 1, month: 1, day: 15) ?? CalendarDate(dayNumber: 0),
                                       today: CalendarDate(year: billedYear + 1, month: 1, day: 15) ?? CalendarDate(dayNumber: 0))
        }
        // The interface on a pseudo-terminal: open the database, draw the first full frame (the
        // stored plan is there: `save` computed it), then one cursor move in the planning grid.
        let today = territory.requests.map(\.start).min() ?? CalendarDate(dayNumber: 20_000)
        guard let ui = PseudoTerminal(width: 120, height: 40) else {
            throw CommandFailure(.internal, "pseudo-terminal indisponible")
        }
        defer { ui.close() }
        let program = try result.time("ui_first_frame") { () -> Program in
            let shown = try AppDatabase.open(path: directory.appendingPathComponent("bench.sqlite").path)
            let program = Program(backend: ui.terminal, data: DatabaseDataSource(shown, today: Clock.today()),
                                  state: AppState(width: 120, height: 40, today: today), theme: .builtIn)
            program.start()
            return program
        }
        let firstFrameBytes = ui.received()
        _ = result.time("ui_cursor_move") { program.press(.down) }
        let sentBefore = ui.terminal.bytesWritten
        _ = ui.received()
        result.time("ui_cursor_move_2") { program.press(.right) }
        let moveBytes = ui.received()
        result.counts = [("requests", plan.decisions.count), ("allocations", plan.allocations.count),
                         ("time_entries", territory.timeEntries.count), ("invoices", drafts.count), ("invoices_issued", issued.issued.count), ("ui_first_frame_bytes", firstFrameBytes),
                         ("ui_cursor_move_bytes", moveBytes), ("ui_cursor_move_bytes_counted_by_backend", ui.terminal.bytesWritten - sentBefore)]
        if !skipFiles {
            let json = try result.time("export") { TerritoryEncoder.encode(try database.loadTerritory()) }
            let copy = try AppDatabase.open(path: directory.appendingPathComponent("import.sqlite").path)
            try result.time("import") { try copy.saveInBulk(try TerritoryDecoder.decode(Data(json.utf8)), description: "bench") }
        }
        return result
    }
}

/// The timings of one scale.
struct BenchResult {
    let name: String
    let members: Int
    let agents: Int
    var steps: [(String, Double)] = []
    var counts: [(String, Int)] = []

    mutating func time<T>(_ step: String, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        steps.append((step, Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000))
        return value
    }

    var json: JSONOutput {
        .object([
            ("name", .string(name)), ("members", .integer(members)), ("agents", .integer(agents)),
            ("steps_ms", .object(steps.map { ($0.0, .integer(Int($0.1.rounded()))) })),
            ("counts", .object(counts.map { ($0.0, .integer($0.1)) })),
        ])
    }

    /// What a step measures, in words.
    static func label(_ step: String, _ l: Language) -> String {
        switch step {
        case "gen_domain": return l.pick("génération (domaine)", "generation (domain)")
        case "gen_store": return l.pick("écriture en base", "database write")
        case "plan_load": return l.pick("plan : lecture de la base", "plan: database read")
        case "plan_arbitrate": return l.pick("plan : arbitrage", "plan: arbitration")
        case "plan_json": return l.pick("plan : JSON", "plan: JSON")
        case "invoice_run": return l.pick("facturation de l'année (simulation)", "year's billing (dry run)")
        case "invoice_issue": return l.pick("facturation : émission (une transaction)", "billing: issue (one transaction)")
        case "export": return l.pick("export releve/1", "releve/1 export")
        case "import": return l.pick("import releve/1 (base neuve)", "releve/1 import (new database)")
        case "ui_first_frame": return l.pick("interface : première image", "interface: first frame")
        case "ui_cursor_move": return l.pick("interface : déplacement du curseur (bas)", "interface: cursor move (down)")
        case "ui_cursor_move_2": return l.pick("interface : déplacement du curseur (droite)", "interface: cursor move (right)")
        default: return step
        }
    }

    /// The process's peak resident memory (VmHWM), in megabytes.
    static func peakResidentMegabytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }
}
