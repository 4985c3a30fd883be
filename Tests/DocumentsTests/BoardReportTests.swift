@testable import Documents
import Domain
import Testing

/// The board's activity report (rules.md §9; seed 002 art. 8): what an elected official reads in
/// it, figure by figure against `ActivityReport`, and what it never shows.
@Suite struct BoardReportTests {
    static let today = Fixtures.date("2026-11-16")
    static let firstHalf = ReportPeriod(from: Fixtures.date("2026-01-01"), to: Fixtures.date("2026-06-30"))!

    /// The demo with two evaluations received in the first half of 2026 (one with a comment the
    /// board must not read) and one annual fee issued in February, paid in part.
    static let territory: Territory = {
        var territory = Fixtures.demo.territory
        territory.evaluations = [
            Evaluation(request: "D-2026-001", received: Fixtures.date("2026-03-02"),
                       scores: EvaluationScores(quality: 4, adaptation: 3, relations: 4, punctuality: 3, overall: 4), again: true,
                       comment: "Secrétaire remarquable, merci"),
            Evaluation(request: "D-2026-003", received: Fixtures.date("2026-04-10"),
                       scores: EvaluationScores(quality: 3, adaptation: 3, relations: 4, punctuality: 2, overall: 3), again: true),
        ]
        return territory
    }()

    static let invoices = [
        Invoice(number: "2026-0001", year: 2026, member: "71413", kind: .annualFee,
                lines: [InvoiceLine(kind: .fee, label: "Cotisation annuelle 2026", minutes: nil, unitPriceCents: 105_000, amountCents: 105_000)],
                issued: Fixtures.date("2026-02-05"), due: Fixtures.date("2026-03-07"),
                payments: [Payment(invoice: "2026-0001", date: Fixtures.date("2026-04-01"), amountCents: 25_050)]),
    ]

    static func report(_ period: ReportPeriod = firstHalf) -> ActivityReport {
        ActivityReport(territory: territory, plan: Fixtures.demo.plan, invoices: invoices, period: period, today: today)
    }

    static func text(_ report: ActivityReport, _ language: Language = .fr) throws -> String {
        Poppler.flat(try Poppler.text(BoardReport.pdf(report, territory: territory, issued: today, language: language)))
    }

    @Test(.enabled(if: Poppler.available, "needs pdftotext (apt-get install poppler-utils)"))
    func theTitlePageSaysThePeriodThePreviousOneAndWhoItIsFor() throws {
        let pdf = BoardReport.pdf(Self.report(), territory: Self.territory, issued: Self.today)
        try PDFWriterTests.checkStructure(pdf)
        let first = Poppler.flat(try Poppler.text(pdf, pages: 1...1))
        DocumentTextTests.expectAll([
            "Compte rendu d'activité", "Du 1er janvier au 30 juin 2026", "comparé à la période du 1er juillet au 31 décembre 2025",
            "Établi le 16 novembre 2026", "Groupe de travail de suivi du service commun (comité de pilotage)",
            "compte rendu semestriel d'activités", Fixtures.demo.territory.service.name,
            "Sommaire", "1. Chiffres clés page 2", "5. Par commune page 5", "Page 1 / 5",
        ], in: first)
        // The key figures start on a page of their own.
        #expect(!first.contains("Demandes reçues"))
    }

    @Test(.enabled(if: Poppler.available, "needs pdftotext (apt-get install poppler-utils)"))
    func theKeyFiguresAreTheReportsWithThePreviousPeriodAndTheChange() throws {
        let report = Self.report()
        let c = report.current, p = report.previous
        let text = try Self.text(report)
        let t = BoardText(.fr)
        func flat(_ s: String) -> String { Poppler.flat(s.replacingOccurrences(of: "\u{00A0}", with: " ")) }
        #expect(c.requests.received > 0 && c.minutes.needed > 0 && c.evaluations.received == 2)
        DocumentTextTests.expectAll([
            "Demandes reçues \(c.requests.received) \(p.requests.received) +\(c.requests.received - p.requests.received)",
            flat("Heures nécessaires \(t.hours(c.minutes.needed)) \(t.hours(p.minutes.needed)) +\(t.hours(c.minutes.needed - p.minutes.needed))"),
            flat("Heures servies \(t.hours(c.minutes.served)) \(t.hours(p.minutes.served))"),
            "Taux de couverture (servies / nécessaires) \(c.coverage?.value ?? -1) % \(p.coverage?.value ?? -1) %",
            "Attente médiane (jours ouvrés) \(c.waitingWorkingDaysMedian ?? -1) —",
            "Évaluations reçues 2 0 +2",
            // (4 + 3) / 2 = 3,50.
            "Satisfaction générale (sur 4) 3,50 — —",
            "Montant facturé 1 050,00 € 0,00 € +1 050,00 €",
            "Montant encaissé 250,50 € 0,00 € +250,50 €",
            // Due on 7 March, judged on 30 June: 1 050,00 − 250,50.
            "Impayés échus 799,50 € 0,00 € +799,50 €",
        ], in: text)
        #expect(flat(t.hours(123_456)) == "2 057 h 36")
    }

    @Test(.enabled(if: Poppler.available, "needs pdftotext (apt-get install poppler-utils)"))
    func theChartsAndTablesNameTheCommunesAndTheAgents() throws {
        let report = Self.report()
        let text = try Self.text(report)
        DocumentTextTests.expectAll([
            "Heures nécessaires et servies par mois", "heures nécessaires", "heures servies", "janvier", "juin",
            "Demandes reçues par nature du besoin", "Urgence", "Absence",
            "Couverture du besoin par taille de commune", "moins de 1 000 hab.",
            "Taux d'occupation des agents (heures prévues / disponibles)",
            "Satisfaction des communes, moyenne par critère (de 1 à 4)", "Qualité du travail 3,50", "Respect des horaires et délais 2,50",
            "Par commune", "Par agent", "Saint-Firmin (71413)", "Total",
        ], in: text)
        let members = Self.territory.memberNames
        // (A long name wraps in its cell, its code on the next line.)
        for m in report.current.members {
            #expect(text.contains(members[m.member] ?? "?") && text.contains("(\(m.member))"), "\(m.member)")
        }
        let agents = Self.territory.agentNames
        for a in report.current.agents { #expect(text.contains(agents[a.agent] ?? "?"), "\(a.agent)") }
    }

    /// Read by elected officials: no absence kind, no secretary's sickness or leave, no comment.
    @Test(.enabled(if: Poppler.available, "needs pdftotext (apt-get install poppler-utils)"))
    func theBoardReadsNoPrivateField() throws {
        let text = try Self.text(Self.report()).lowercased()
        for word in ["maladie", "maternité", "accident", "congés", "formation", "retraite", "enfant malade", "remarquable"] {
            #expect(!text.contains(word), "\(word)")
        }
    }

    @Test(.enabled(if: Poppler.available, "needs pdftotext (apt-get install poppler-utils)"))
    func anEmptyPeriodSaysItsChartsHaveNoData() throws {
        let empty = try #require(ReportPeriod(from: Fixtures.date("2020-01-01"), to: Fixtures.date("2020-06-30")))
        let text = try Self.text(Self.report(empty))
        DocumentTextTests.expectAll([
            "Du 1er janvier au 30 juin 2020", "Aucune heure nécessaire ni servie sur la période.", "Aucune demande reçue sur la période.",
            "Aucun besoin d'heures sur la période.", "Aucune évaluation reçue sur la période",
            "Aucun membre n'a eu de demande, d'heure ou de facture sur la période.",
        ], in: text)
    }

    @Test(.enabled(if: Poppler.available, "needs pdftotext (apt-get install poppler-utils)"))
    func inEnglish() throws {
        let text = try Self.text(Self.report(), .en)
        DocumentTextTests.expectAll([
            "Activity report", "1 January to 30 June 2026", "compared with 1 July to 31 December 2025", "Key figures",
            "Requests received", "Hours needed and served by month", "By member", "By agent", "€1,050.00",
        ], in: text)
    }

    /// Over a year the months are abbreviated and carry no year when they are all of one.
    @Test func periodsAndMonthsInWords() {
        let t = BoardText(.fr)
        #expect(t.period(Self.firstHalf) == "du 1er janvier au 30 juin 2026")
        #expect(t.period(ReportPeriod(from: Fixtures.date("2025-07-01"), to: Fixtures.date("2026-06-30"))!)
                == "du 1er juillet 2025 au 30 juin 2026")
        #expect(BoardText(.en).period(Self.firstHalf) == "1 January to 30 June 2026")
        #expect(t.month(2, short: true) == "févr." && t.month(2, short: false) == "février")
        #expect(t.change(0, t.signedCount) == "=" && t.signedPoints(-5) == "-5\u{00A0}points")
        #expect(ChartUnit.hundredths.text(350) == "3,50" && ChartUnit.hundredths.text(400) == "4,00" && ChartUnit.hundredths.tick(300) == "3")
    }
}
