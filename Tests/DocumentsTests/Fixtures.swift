import Foundation
@testable import Domain

/// Believable data for the documents: the CUCM service of seed 002 and two of its communes.
enum Fixtures {
    static func date(_ iso: String) -> CalendarDate {
        guard let date = CalendarDate.parseISO(iso) else { fatalError("bad date \(iso)") }
        return date
    }

    static let service = ServiceSettings(
        name: "Service commun de remplacement des secrétaires de mairie",
        epci: "Communauté urbaine Creusot Montceau",
        issuerName: "David MARTI", issuerTitle: "Le Président",
        legalBasis: "Convention cadre de mise en œuvre du service commun du 30 juin 2022 ; délibération du conseil communautaire du 30 juin 2022",
        address: "Château de la Verrerie\n71200 Le Creusot",
        paymentDays: 30, accountant: "Service de gestion comptable de Montceau-les-Mines")

    static let bareService = ServiceSettings(name: "Service commun de remplacement des secrétaires de mairie")

    static let ecuisses = Member(code: "71185", name: "Écuisses", population: 1_650, singlePartTimeSecretary: true,
                                 memberSince: date("2022-07-01"))

    static let saintBerain = Member(code: "71398", name: "Saint-Bérain-sous-Sanvignes", population: 1_200,
                                    singlePartTimeSecretary: true, memberSince: date("2022-07-01"))

    static let statement: [StatementEntry] = [
        StatementEntry(date: date("2023-01-09"), agent: "A1", agentName: "Camille Lefèvre", minutes: 450, request: "2023-R-004"),
        StatementEntry(date: date("2023-01-10"), agent: "A1", agentName: "Camille Lefèvre", minutes: 420, request: "2023-R-004"),
        StatementEntry(date: date("2023-01-12"), agent: "A2", agentName: "Élodie Perrin", minutes: 195, request: "2023-R-004"),
    ]

    /// 1 065 minutes: 420 absorbed by the prepaid day, 645 billed at 30 € (322,50 €).
    static let hoursInvoice = Invoice(
        number: "2023-0007", year: 2023, member: ecuisses.code, kind: .hours, request: "2023-R-004",
        lines: [
            InvoiceLine(kind: .prepaid, label: "Heures couvertes par les jours prépayés", minutes: 420,
                        unitPriceCents: 3000, amountCents: 0),
            InvoiceLine(kind: .hours, label: "Heures de remplacement", minutes: 645, unitPriceCents: 3000, amountCents: 32250),
        ],
        statement: statement, issued: date("2023-02-01"), due: date("2023-03-03"))

    static let feeInvoice = Invoice(
        number: "2023-0001", year: 2023, member: saintBerain.code, kind: .annualFee,
        lines: [InvoiceLine(kind: .fee, label: "Cotisation annuelle 2023 (10 000 hab. et plus)", minutes: nil,
                            unitPriceCents: 105_000, amountCents: 105_000)],
        issued: date("2023-01-09"), due: date("2023-02-08"))

    static let creditNote = Invoice(
        number: "AV-2023-0001", year: 2023, member: saintBerain.code, kind: .creditNote,
        lines: [InvoiceLine(kind: .fee, label: "Annulation : Cotisation annuelle 2023 (10 000 hab. et plus)", minutes: nil,
                            unitPriceCents: 105_000, amountCents: -105_000)],
        issued: date("2023-01-20"), due: date("2023-01-20"), cancels: "2023-0001",
        reason: "Strate démographique erronée : la commune compte 1 200 habitants")

    /// An hours invoice whose statement has `count` rows on consecutive days.
    static func longInvoice(rows count: Int) -> Invoice {
        let first = date("2023-01-02")
        let statement = (0..<count).map { i in
            StatementEntry(date: first.adding(days: i), agent: "A\(i % 3)", agentName: ["Camille Lefèvre", "Élodie Perrin", "Jean Œillet"][i % 3],
                           minutes: 60 + (i % 8) * 15, request: "2023-R-010")
        }
        let minutes = statement.reduce(0) { $0 + $1.minutes }
        return Invoice(number: "2023-0042", year: 2023, member: ecuisses.code, kind: .hours, request: "2023-R-010",
                       lines: [InvoiceLine(kind: .hours, label: "Heures de remplacement", minutes: minutes, unitPriceCents: 3000,
                                           amountCents: Billing.amount(minutes: minutes, rateCents: 3000))],
                       statement: statement, issued: date("2023-08-01"), due: date("2023-08-31"))
    }

    static let request = ReplacementRequest(id: "2023-R-004", member: ecuisses.code, motive: .maladie,
                                            received: date("2023-01-05"), start: date("2023-01-09"), end: date("2023-01-20"),
                                            minutesPerWeek: 1050)

    static let estimate = CostEstimate(request: "2023-R-004", member: ecuisses.code, year: 2023, neededMinutes: 2100,
                                       prepaidMinutesLeft: 420, billedMinutes: 1680, hourlyRateCents: 3000, amountCents: 84_000)

    static func range(_ start: String, _ end: String) -> TimeRange {
        TimeRange(start: ClockText.parse(start) ?? 0, end: ClockText.parse(end) ?? 0)
    }

    /// The demo territory's plan (the demo of `releve demo`, today 16 November 2026).
    static let demo: (territory: Territory, plan: Plan) = {
        let territory = DemoTerritory.make(today: date("2026-11-16"))
        return (territory, Arbitration.plan(territory))
    }()

    /// The contract of one demo request.
    static func contract(_ id: String) -> ServiceContract? {
        ServiceContract.make(requestID: id, territory: demo.territory, plan: demo.plan,
                             planner: HalfDayPlanner(territory: demo.territory, plan: demo.plan))
    }

    static let version = ServiceContract.Version(number: 2, date: date("2026-12-07"), replaces: date("2026-12-02"))

    static let agentNames = ["A1": "Camille Lefèvre", "A2": "Élodie Perrin"]
}

/// Runs poppler's tools on PDF bytes.
enum Poppler {
    static let available = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")

    /// `pdftotext -layout` of the whole document (or of pages `first...last`), with non-breaking
    /// spaces turned into plain ones.
    static func text(_ pdf: [UInt8], pages: ClosedRange<Int>? = nil) throws -> String {
        let file = try temporaryFile(pdf)
        defer { try? FileManager.default.removeItem(at: file) }
        var arguments = ["-layout", "-enc", "UTF-8"]
        if let pages { arguments += ["-f", String(pages.lowerBound), "-l", String(pages.upperBound)] }
        let output = try run("/usr/bin/pdftotext", arguments + [file.path, "-"])
        return String(output.map { $0 == "\u{00A0}" || $0 == "\u{202F}" ? " " : $0 })
    }

    /// The words of one page with their boxes (`pdftotext -bbox`), in points from the top left.
    static func words(_ pdf: [UInt8], page: Int) throws -> [(text: String, xMin: Double, xMax: Double, yMin: Double)] {
        let file = try temporaryFile(pdf)
        defer { try? FileManager.default.removeItem(at: file) }
        let html = try run("/usr/bin/pdftotext", ["-bbox", "-f", String(page), "-l", String(page), file.path, "-"])
        return html.matches(of: /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/).compactMap { match in
            guard let xMin = Double(match.1), let yMin = Double(match.2), let xMax = Double(match.3) else { return nil }
            return (String(match.4).replacingOccurrences(of: "&amp;", with: "&"), xMin, xMax, yMin)
        }
    }

    /// The text with every run of white space made one space: sentences split over lines and
    /// columns read as one line.
    /// Words joined by single spaces; "7h" read as "7 h" (pdftotext sometimes drops the narrow
    /// gap of a short right-aligned "7 h").
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            .replacing(/(\d)h(?=\s|$)/) { "\($0.1) h" }
    }

    static func temporaryFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("releve-doc-\(UUID().uuidString).pdf")
        try Data(bytes).write(to: url)
        return url
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

extension Poppler {
    static let canRender = FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftoppm")

    /// Page `page` rendered in greys by `pdftoppm -gray` at `resolution` dots per inch: its
    /// width, height and one byte per pixel (0 black, 255 white), rows from the top.
    static func gray(_ pdf: [UInt8], page: Int = 1, resolution: Int = 60) throws -> (width: Int, height: Int, pixels: [UInt8]) {
        let file = try temporaryFile(pdf)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftoppm")
        process.arguments = ["-gray", "-r", String(resolution), "-f", String(page), "-l", String(page), file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = [UInt8](pipe.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        // A binary PGM: "P5", width, height, maximum, each followed by one white space.
        var fields: [Int] = [], index = 2, number = ""
        while fields.count < 3, index < data.count {
            let byte = data[index]
            index += 1
            if byte >= 0x30 && byte <= 0x39 { number.append(Character(Unicode.Scalar(byte))); continue }
            if !number.isEmpty { fields.append(Int(number) ?? 0); number = "" }
        }
        guard data.starts(with: Array("P5".utf8)), fields.count == 3 else { throw CocoaError(.fileReadCorruptFile) }
        return (fields[0], fields[1], Array(data[index...]))
    }
}
