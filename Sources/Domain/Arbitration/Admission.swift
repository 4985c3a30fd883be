/// The checks of rules.md §2, in order, before any arbitration: refusals, the two-month cap
/// and the short-notice warning.
public struct Admission: Hashable, Sendable {
    /// The refusal, when a check failed.
    public var refusal: Refusal?
    /// The last day of the span that will be arbitrated (cut by the cap).
    public var effectiveEnd: CalendarDate
    public var capped: Bool
    public var shortNotice: Bool

    /// Fewer working days than this are refused unless the request is exceptional.
    public static let minimumWorkingDays = 5
    /// Fewer days of notice than this earn a `SHORT_NOTICE` warning.
    public static let noticeDays = 7
    /// The span is cut to this many months unless the request is exceptional.
    public static let maximumMonths = 2

    /// Runs the checks for `request`; `member` is nil when the code is unknown.
    public static func check(_ request: ReplacementRequest, member: Member?, calendar: HolidayCalendar) -> Admission {
        func refused(_ refusal: Refusal) -> Admission {
            Admission(refusal: refusal, effectiveEnd: request.end, capped: false, shortNotice: false)
        }
        guard let member, member.isMember(on: request.start) else { return refused(.notMember) }
        let workingDays = calendar.workingDayCount(from: request.start, to: request.end)
        guard request.end >= request.start, workingDays > 0 else { return refused(.invalidPeriod) }
        if !request.exceptional, workingDays < minimumWorkingDays {
            return refused(.belowMinDuration)
        }
        var end = request.end
        var capped = false
        if !request.exceptional {
            let capEnd = request.start.addingMonths(maximumMonths).adding(days: -1)
            if end > capEnd {
                end = capEnd
                capped = true
            }
        }
        let shortNotice = request.received.days(to: request.start) < noticeDays
        return Admission(refusal: nil, effectiveEnd: end, capped: capped, shortNotice: shortNotice)
    }
}
