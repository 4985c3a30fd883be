import Domain

/// The part of a plan that `releve plan` shows: the requests whose span meets the window.
public struct PlanReport: Sendable {
    public let from: CalendarDate?
    public let to: CalendarDate?
    public let decisions: [RequestDecision]
    /// The derived last summer replacement of the members the window's requests name.
    public let lastSummer: [(member: String, year: Int)]

    /// Selects from `plan` the requests whose span meets [`from`, `to`]; without bounds, the
    /// window is the first to the last working day of the admitted requests.
    /// `members`: their years on record, from which the derived last summer replacement of each
    /// member the window names is said.
    public init(plan: Plan, from: CalendarDate?, to: CalendarDate?, calendar: HolidayCalendar, members: [Member] = []) {
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
        let named = Set(decisions.map(\.request.member))
        lastSummer = plan.lastSummerReplacements(members: members).filter { named.contains($0.key) }.sorted { $0.key.precedesInByteOrder($1.key) }
            .map { (member: $0.key, year: $0.value) }
    }

    /// The JSON of cli.md, field for field (streamed: a national plan has 40,000 requests).
    public func json() -> String {
        var out = JSONStream(capacity: 1 << 20)
        out.beginObject()
        out.field("from", from?.iso)
        out.field("to", to?.iso)
        out.key("requests")
        out.beginArray()
        for d in decisions {
            out.beginObject()
            out.field("id", d.id)
            out.field("member", d.request.member)
            out.field("class", d.priorityClass.rawValue)
            out.field("small", d.small)
            out.field("status", d.status.rawValue)
            out.field("needed_minutes", d.neededMinutes)
            out.field("served_minutes", d.servedMinutes)
            out.field("preempted_on", d.preemptedOn?.iso)
            out.field("capped", d.capped)
            out.key("reasons")
            out.beginArray()
            for reason in d.reasons { out.string(reason.code) }
            out.endArray()
            out.key("periods")
            out.beginArray()
            for p in d.periods {
                out.beginObject()
                out.field("from", p.from.iso)
                out.field("to", p.to.iso)
                out.field("agent", p.agent)
                out.field("minutes_per_day", p.minutesPerDay)
                out.endObject()
            }
            out.endArray()
            out.endObject()
        }
        out.endArray()
        // An extension of cli.md (rules.md §3.3.4: exports of the plan show the derived year).
        out.key("last_summer_replacements")
        out.beginArray()
        for entry in lastSummer {
            out.beginObject()
            out.field("member", entry.member)
            out.field("year", entry.year)
            out.endObject()
        }
        out.endArray()
        out.endObject()
        return out.finish()
    }
}
