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
    @Option(help: "Garder la base mesurée dans ce dossier neuf (pour l'examiner ensuite).") var keep: String?

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
        let directory = keep.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("releve-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: directory) } }

        let territory = result.time("gen_domain") {
            SyntheticTerritory.make(members: members, agents: agents, years: years, seed: seed)
        }
        let database = try AppDatabase.open(path: directory.appendingPathComponent("bench.sqlite").path)
        try result.time("gen_store") { try database.saveInBulk(territory, description: "bench") }
        let planning = try result.time("plan_load") { try database.loadPlanningTerritory() }
        let plan = result.time("plan_arbitrate") { Arbitration.plan(planning) }
        // Every agent's half-days over the plan (rules.md §5), and the share left unplaced.
        let scheduling = try database.loadPlanningTerritory(openingHours: true)
        var unplacedByReason: [UnplacedMinutes.Reason: Int] = [:]
        let placed = result.time("schedule_all_agents") { () -> Int in
            let planner = HalfDayPlanner(territory: scheduling, plan: plan)
            let days = plan.allocations.map(\.date)
            guard let first = days.min(), let last = days.max() else { return 0 }
            var placed = 0
            for agent in scheduling.agents {
                let schedule = planner.schedule(agent: agent.code, from: first, to: last)
                placed += schedule.halfDays.filter { $0.request != nil }.reduce(0) { $0 + $1.minutes }
                for u in schedule.unplaced { unplacedByReason[u.reason, default: 0] += u.minutes }
            }
            return placed
        }
        let unplaced = unplacedByReason.values.reduce(0, +)
        let scheduled = max(1, placed + unplaced)
        result.counts.append(("schedule_unplaced_per_mille", unplaced * 1000 / scheduled))
        for reason in [UnplacedMinutes.Reason.noHalfDayLeft, .onePartialPerWeek] {
            result.counts.append(("schedule_unplaced_\(reason.rawValue)_per_mille", (unplacedByReason[reason] ?? 0) * 1000 / scheduled))
        }
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
        // The interface on a pseudo-terminal, as `releve` runs it (slow effects on the worker).
        let today = territory.requests.map(\.start).min() ?? CalendarDate(dayNumber: 20_000)
        guard let ui = PseudoTerminal(width: 120, height: 40) else {
            throw CommandFailure(.internal, "pseudo-terminal indisponible")
        }
        defer { ui.close() }
        let dbPath = directory.appendingPathComponent("bench.sqlite").path
        let shown = try AppDatabase.open(path: dbPath)
        let program = Program(backend: ui.terminal, data: DatabaseDataSource(shown, today: today),
                              state: AppState(width: 120, height: 40, today: today), theme: .builtIn, background: true)
        // The grid's first frame, then the territory read in the background from it (what a
        // list pane opened before it ends waits for).
        result.time("ui_first_frame") { program.start() }
        result.time("ui_territory_background") { program.settle() }
        let firstFrameBytes = ui.received()
        var moveBytes = 0
        // The terminal's output is read after every key: a full pseudo-terminal would block the next frame.
        func drain() -> Double {
            _ = ui.received()
            return 0
        }
        func settle() {
            program.settle()
            _ = ui.received()
        }
        func press(_ key: Key) {
            program.press(key)
            _ = ui.received()
        }
        let moves: [Key] = [.down, .down, .down, .pageDown, .down, .up, .right, .left, .pageUp, .down]
        for (digit, pane) in [("1", "planning"), ("2", "requests"), ("3", "members"), ("4", "agents"), ("5", "hours"), ("6", "invoices"), ("7", "reports")] {
            if pane == "reports" {
                // The activity report of the last half-year, computed off the key loop (the
                // whole territory, the stored plan and the invoices read, then rules.md §9).
                result.time("ui_open_reports") {
                    program.press(.character(Character(digit)))
                    program.settle(until: { $0.reportsPane.period != nil && !$0.reportsPane.loading })
                }
            } else if pane == "invoices" {
                // The issued invoices are drawn first, the drafts (the year's billing) after.
                let opened = CPUClock.now()
                program.press(.character(Character(digit)))
                program.settle { $0.invoicesPane.book != nil }
                result.record("ui_open_invoices", CPUClock.now() - opened)
                settle()
                result.record("ui_invoice_drafts", CPUClock.now() - opened)
            } else {
                result.time("ui_open_\(pane)") {
                    program.press(.character(Character(digit)))
                    settle()
                }
            }
            _ = ui.received()
            let costs = moves.map { key -> Double in
                let cpu = CPUClock.thread { program.press(key) }
                if pane == "planning" { moveBytes = max(moveBytes, ui.received()) } else { _ = ui.received() }
                return cpu
            }
            result.record("ui_key_\(pane)_max", costs.max() ?? 0)
            settle()
            if pane == "planning" {
                // Half a year on, week by week (each week's half-days placed from the one
                // before), then a page of other agents there (their whole history placed).
                let weeks = (0..<26).map { _ in CPUClock.thread { program.press(.character("]")) } + drain() }
                result.record("ui_key_planning_next_week_max", weeks.max() ?? 0)
                result.record("ui_key_planning_page_mid_year", CPUClock.thread { program.press(.pageDown) } + drain())
                _ = program.press(.character("t"))
                settle()
            }
        }
        // Typing: a filter over the 35,000 members, then a new request's form.
        press(.character("3"))
        settle()
        press(.character("/"))
        let filterCosts = "sai".map { c in CPUClock.thread { program.press(.character(c)) } + drain() }
        result.record("ui_key_filter_max", filterCosts.max() ?? 0)
        press(.escape)
        press(.escape)
        press(.character("2"))
        settle()
        press(.character("n"))
        let formCosts = "01001".map { c in CPUClock.thread { program.press(.character(c)) } + drain() }
        result.record("ui_key_form_max", formCosts.max() ?? 0)
        press(.escape)
        press(.character("o"))
        _ = ui.received()
        // One plan-changing write from the interface, and a key pressed meanwhile.
        let member = territory.members.first?.code ?? ""
        let request = ReplacementRequest(id: "", member: member, motive: .maladie, received: today,
                                         start: today.adding(days: 14), end: today.adding(days: 45), minutesPerWeek: 600, exceptional: false)
        var duringWrite: [Double] = []
        // The commit is seen from another connection (`PRAGMA data_version` moves).
        let watcher = try AppDatabase.open(path: dbPath)
        let before = try watcher.changeToken()
        var committed: Double?
        let start = CPUClock.now()
        result.time("ui_write_request") {
            program.perform([.saveRequest(request, isNew: true)])
            // A key every 20 ms while the worker runs: the save, then the lists read again.
            while program.isWorking && duringWrite.count < 500 {
                duringWrite.append(CPUClock.wall { program.press(.down) })
                _ = ui.received()
                if committed == nil, (try? watcher.changeToken()) != before { committed = CPUClock.now() - start }
                usleep(20_000)
            }
            settle()
        }
        if let committed { result.record("ui_write_committed", committed) }
        result.record("ui_key_during_write_max", duringWrite.max() ?? 0)
        result.counts.append(("ui_keys_during_write", duringWrite.count))
        _ = ui.received()
        // Another session logs hours (the kiosk): what it costs the open interface, on the
        // planning grid and on the Heures pane.
        let other = try AppDatabase.open(path: dbPath)
        let agent = territory.agents.first?.code ?? ""
        for (digit, pane) in [("1", "planning"), ("5", "hours")] {
            press(.character(Character(digit)))
            settle()
            _ = ui.received()
            _ = try other.logHours(TimeEntry(agent: agent, member: member, date: today.adding(days: pane == "hours" ? 0 : 1), minutes: 30),
                                   location: { $0 })
            result.record("ui_other_commit_\(pane)_cpu", CPUClock.process {
                program.checkForChanges()
                settle()
            })
            _ = ui.received()
        }
        // The same writes from the command line, in a process of their own.
        let oneRequest = directory.appendingPathComponent("one.json").path
        try Data(oneRequestFile(territory, member: member, today: today).utf8).write(to: URL(fileURLWithPath: oneRequest))
        result.time("cli_import_one_request") { runSelf(["import", oneRequest, "--db", dbPath]) }
        // The same request starting halfway through the plan: days before it cannot change.
        let lastDay = territory.requests.map(\.end).max() ?? today
        let halfway = CalendarDate(dayNumber: (today.dayNumber + lastDay.dayNumber) / 2)
        try Data(oneRequestFile(territory, member: member, today: halfway, id: "D-BENCH-2").utf8).write(to: URL(fileURLWithPath: oneRequest))
        result.time("cli_import_one_request_halfway") { runSelf(["import", oneRequest, "--db", dbPath]) }
        result.time("cli_hours_log") {
            runSelf(["hours", "log", "--agent", agent, "--member", member, "--date", today.adding(days: 2).iso, "--hours", "0:30", "--db", dbPath])
        }
        result.counts += [("requests", plan.decisions.count), ("allocations", plan.allocations.count),
                          ("time_entries", territory.timeEntries.count), ("invoices", drafts.count), ("invoices_issued", issued.issued.count),
                          ("ui_first_frame_bytes", firstFrameBytes), ("ui_cursor_move_bytes", moveBytes)]
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

    mutating func record(_ step: String, _ milliseconds: Double) { steps.append((step, milliseconds)) }

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
            ("steps_us", .object(steps.map { ($0.0, .integer(Int(($0.1 * 1000).rounded()))) })),
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
        case "schedule_all_agents": return l.pick("demi-journées : tous les agents, tout le plan", "half-days: every agent, the whole plan")
        case "invoice_run": return l.pick("facturation de l'année (simulation)", "year's billing (dry run)")
        case "invoice_issue": return l.pick("facturation : émission (une transaction)", "billing: issue (one transaction)")
        case "export": return l.pick("export releve/1", "releve/1 export")
        case "import": return l.pick("import releve/1 (base neuve)", "releve/1 import (new database)")
        case "ui_first_frame": return l.pick("interface : première image", "interface: first frame")
        case "ui_territory_background": return l.pick("interface : lecture du territoire en arrière-plan", "interface: territory read in the background")
        case "ui_write_committed": return l.pick("interface : enregistrer une demande (jusqu'au commit, à 20 ms près)", "interface: save a request (until its commit, within 20 ms)")
        case "ui_write_request": return l.pick("interface : enregistrer une demande (jusqu'aux listes relues)", "interface: save a request (until the lists are read again)")
        case "ui_key_during_write_max": return l.pick("interface : touche pendant l'enregistrement (pire, horloge)", "interface: key during the save (worst, wall)")
        case "ui_open_reports": return l.pick("interface : Rapports, jusqu'au rapport calculé (hors boucle des touches)", "interface: Rapports, until the report is computed (off the key loop)")
        case "ui_invoice_drafts": return l.pick("interface : Factures, jusqu'aux brouillons calculés", "interface: Factures, until the drafts are computed")
        case "ui_key_filter_max": return l.pick("interface : frappe dans le filtre / (pire, CPU)", "interface: typing in the / filter (worst, CPU)")
        case "ui_key_form_max": return l.pick("interface : frappe dans un formulaire (pire, CPU)", "interface: typing in a form (worst, CPU)")
        case "cli_import_one_request": return l.pick("ligne de commande : import d'une demande au 1er jour du plan (processus)", "command line: import one request on the plan's first day (process)")
        case "cli_import_one_request_halfway": return l.pick("ligne de commande : import d'une demande à mi-plan (processus)", "command line: import one request halfway through the plan (process)")
        case "cli_hours_log": return l.pick("ligne de commande : hours log (processus)", "command line: hours log (process)")
        default:
            if step.hasPrefix("ui_open_") { return l.pick("interface : ouverture de ", "interface: opening ") + step.dropFirst(8) }
            if step.hasPrefix("ui_key_") { return l.pick("interface : touche dans ", "interface: key in ") + step.dropFirst(7).replacingOccurrences(of: "_max", with: l.pick(" (pire, CPU)", " (worst, CPU)")) }
            if step.hasPrefix("ui_other_commit_") { return l.pick("interface : commit d'une autre session, ", "interface: another session's commit, ") + step.dropFirst(16).replacingOccurrences(of: "_cpu", with: " (CPU)") }
            return step
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

/// CPU and wall time of a piece of work, in milliseconds.
enum CPUClock {
    static func thread(_ body: () -> Void) -> Double { measure(CLOCK_THREAD_CPUTIME_ID, body) }
    static func process(_ body: () -> Void) -> Double { measure(CLOCK_PROCESS_CPUTIME_ID, body) }
    static func wall(_ body: () -> Void) -> Double { measure(CLOCK_MONOTONIC, body) }
    /// The monotonic clock now, in milliseconds (differences only mean something).
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return milliseconds(t)
    }

    private static func measure(_ clock: clockid_t, _ body: () -> Void) -> Double {
        var start = timespec(), end = timespec()
        clock_gettime(clock, &start)
        body()
        clock_gettime(clock, &end)
        return milliseconds(end) - milliseconds(start)
    }

    private static func milliseconds(_ t: timespec) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1_000_000 }
}

/// Runs this very executable with `arguments`, its output discarded, and waits for it.
private func runSelf(_ arguments: [String]) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try? process.run()
    process.waitUntilExit()
}

/// A releve/1 file holding one new request (the smallest plan-changing import).
private func oneRequestFile(_ territory: Territory, member: String, today: CalendarDate, id: String = "D-BENCH-1") -> String {
    let service = territory.service
    return """
        {"format": "releve/1", "service": {"name": \(JSONOutput.string(service.name).rendered()), "holidays": "\(service.holidays.rawValue)",
         "billing": "\(service.billing.rawValue)", "annual_working_days": \(service.annualWorkingDays)},
         "tariffs": [], "members": [], "agents": [], "time_entries": [],
         "requests": [{"id": "\(id)", "member": \(JSONOutput.string(member).rendered()), "motive": "maladie",
           "received": "\(today.iso)", "start": "\(today.adding(days: 21).iso)", "end": "\(today.adding(days: 60).iso)",
           "hours_per_week": "10:00", "exceptional": false}]}
        """
}
