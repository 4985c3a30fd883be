import Domain

/// The part of a plan that `releve plan` shows: the requests whose span meets the window.
public struct PlanReport: Sendable {
    public let from: CalendarDate?
    public let to: CalendarDate?
    public let decisions: [RequestDecision]

    /// Selects from `plan` the requests whose span meets [`from`, `to`]; without bounds, the
    /// window is the first to the last working day of the admitted requests.
    public init(plan: Plan, from: CalendarDate?, to: CalendarDate?, calendar: HolidayCalendar) {
        let admitted = plan.decisions.filter { $0.status != .refused }
        let first = admitted.map(\.request.start).min().flatMap { start in
            admitted.map(\.effectiveEnd).max().flatMap { calendar.workingDays(from: start, to: $0).first }
        }
        let last = admitted.map(\.effectiveEnd).max().flatMap { end in
            admitted.map(\.request.start).min().flatMap { calendar.workingDays(from: $0, to: end).last }
        }
        self.from = from ?? first
        self.to = to ?? last
        decisions = plan.decisions.filter { decision in
            let end = decision.status == .refused ? decision.request.end : decision.effectiveEnd
            return (from.map { max(end, decision.request.start) >= $0 } ?? true)
                && (to.map { decision.request.start <= $0 } ?? true)
        }
    }

    /// The JSON of cli.md, field for field.
    public func json() -> String {
        JSONOutput.object([
            ("from", .optional(from?.iso)),
            ("to", .optional(to?.iso)),
            ("requests", .array(decisions.map(Self.json))),
        ]).rendered()
    }

    static func json(_ d: RequestDecision) -> JSONOutput {
        .object([
            ("id", .string(d.id)),
            ("member", .string(d.request.member)),
            ("class", .integer(d.priorityClass.rawValue)),
            ("small", .bool(d.small)),
            ("status", .string(d.status.rawValue)),
            ("needed_minutes", .integer(d.neededMinutes)),
            ("served_minutes", .integer(d.servedMinutes)),
            ("preempted_on", .optional(d.preemptedOn?.iso)),
            ("capped", .bool(d.capped)),
            ("reasons", .array(d.reasons.map { .string($0.code) })),
            ("periods", .array(d.periods.map { p in
                .object([
                    ("from", .string(p.from.iso)),
                    ("to", .string(p.to.iso)),
                    ("agent", .string(p.agent)),
                    ("minutes_per_day", .integer(p.minutesPerDay)),
                ])
            })),
        ])
    }
}
