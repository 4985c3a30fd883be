import Domain
import Foundation
import Testing
@testable import TUI

/// Whole screens compared with the files in `Golden/` (every cell of every line, as Ratatui's
/// buffer tests do). A difference fails with the first differing line; `RELEVE_RECORD_GOLDEN=1
/// swift test --filter GoldenScreenTests` writes the files again after a wanted change (then read
/// them in the diff before committing).
@Suite("Golden screens: every pane and the overlays at 80×24 and 120×40")
struct GoldenScreenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    func expectGolden(_ name: String, _ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = screen(state).joined(separator: "\n") + "\n"
        let file = Self.folder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["RELEVE_RECORD_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: file)
            return
        }
        let expected = try #require(try? String(contentsOf: file, encoding: .utf8), "no golden file \(name).txt: record it", sourceLocation: sourceLocation)
        guard expected != text else { return }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false), b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record("\(name): line \(line + 1) differs\nexpected: \(line < a.count ? a[line] : "")\n  actual: \(line < b.count ? b[line] : "")",
                     sourceLocation: sourceLocation)
    }

    static let sizes = [(80, 24), (120, 40)]

    @Test(arguments: sizes)
    func everyPane(width: Int, height: Int) throws {
        for pane in Pane.allCases {
            var state = loadedState(width: width, height: height)
            _ = press(&state, .character(Character(String(pane.rawValue))))
            if pane == .invoices { _ = update(&state, .invoicesLoaded(demoInvoiceBook())) }
            if pane == .reports { _ = update(&state, .reportLoaded(demoReport())) }
            if pane == .hours {
                let monday = state.hoursWeek
                _ = update(&state, .hoursLoaded(demoSnapshot.territory.timeEntries.filter { $0.date >= monday && $0.date <= monday.adding(days: 6) }))
            }
            try expectGolden("\(pane)-\(width)x\(height)", state)
        }
    }

    @Test(arguments: sizes)
    func detailsAndOverlays(width: Int, height: Int) throws {
        var state = loadedState(width: width, height: height)
        _ = press(&state, .enter)
        try expectGolden("planning-detail-\(width)x\(height)", state)
        state = loadedState(width: width, height: height)
        _ = press(&state, .character("?"))
        try expectGolden("help-\(width)x\(height)", state)
        state = loadedState(width: width, height: height)
        _ = press(&state, .character("2"), .character("n"))
        try expectGolden("request-form-\(width)x\(height)", state)
        state = loadedState(width: width, height: height)
        _ = press(&state, .character("3"), .enter)
        try expectGolden("member-detail-\(width)x\(height)", state)
        _ = press(&state, .character("e"))
        try expectGolden("member-form-\(width)x\(height)", state)
        state = loadedState(width: width, height: height)
        _ = press(&state, .character("4"), .character("A"))
        try expectGolden("agent-absences-\(width)x\(height)", state)
        state = loadedState(width: width, height: height)
        _ = press(&state, .character("3"), .character("e"), .character("x"), .interrupt)
        try expectGolden("quit-question-\(width)x\(height)", state)
        state = reportsState(width: width, height: height)
        _ = press(&state, .enter)
        try expectGolden("report-detail-\(width)x\(height)", state)
        // Demandes, u: what is to follow up, the first one's detail, then its evaluation form.
        state = loadedState(width: width, height: height)
        _ = press(&state, .character("2"), .character("u"), .enter)
        try expectGolden("follow-up-\(width)x\(height)", state)
        _ = press(&state, .character("v"))
        try expectGolden("evaluation-form-\(width)x\(height)", state)
    }
}
