import Documents
import Domain
import Testing

/// The board's activity report (rules.md §9): what an elected official reads in it.
@Suite struct BoardReportTests {
    @Test func theBoardReadsThePeriodTheFiguresAndTheNames() throws {
        let (territory, plan) = Fixtures.demo
        let period = try #require(ReportPeriod(from: Fixtures.date("2026-01-01"), to: Fixtures.date("2026-06-30")))
        let report = ActivityReport(territory: territory, plan: plan, period: period, today: Fixtures.date("2026-11-16"))
        let text = try Poppler.text(BoardReport.pdf(report, territory: territory, issued: Fixtures.date("2026-11-16")))
        #expect(text.contains("Compte rendu d'activité du service commun"))
        #expect(text.contains("Période du 1er janvier 2026 au 30 juin 2026"))
        #expect(text.contains("comparée à la période du 1er juillet 2025 au 31 décembre 2025"))
        #expect(text.contains("Demandes reçues") && text.contains(String(report.current.requests.received)))
        for title in ["Heures nécessaires et servies par mois", "Demandes reçues par nature du besoin",
                      "Couverture du besoin par taille de commune", "Emploi du temps des agents", "Par commune", "Par agent"] {
            #expect(text.contains(title), "\(title)")
        }
        let names = territory.agentNames
        for agent in report.current.agents { #expect(text.contains(names[agent.agent] ?? "?"), "\(agent.agent)") }
        #expect(text.contains("Saint-Firmin"))
        // Read by elected officials: no absence kind, no secretary's sickness or leave.
        for word in ["maladie", "maternité", "congés", "formation"] { #expect(!text.contains(word), "\(word)") }
    }

    @Test func anEmptyPeriodStillReads() throws {
        let (territory, plan) = Fixtures.demo
        let period = try #require(ReportPeriod(from: Fixtures.date("2020-01-01"), to: Fixtures.date("2020-06-30")))
        let report = ActivityReport(territory: territory, plan: plan, period: period, today: Fixtures.date("2026-11-16"))
        let text = try Poppler.text(BoardReport.pdf(report, territory: territory, issued: Fixtures.date("2026-11-16")))
        #expect(text.contains("Aucune demande reçue sur la période."))
    }
}
