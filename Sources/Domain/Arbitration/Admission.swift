/// The checks of rules.md §2, in order, before any arbitration: refusals, the two-month cap
/// and the short-notice warning.
public struct Admission: Hashable, Sendable {
    /// The refusal, when a check failed.
    public var refusal: Refusal?
    /// The last day of the span that will be arbitrated (cut by the cap).
    public var effectiveEnd: CalendarDate
    public var capped: Bool
    public var shortNotice: Bool
    /// The hours a week asked are more than the convention's weekly cap (`CAPPED_WEEKLY`).
    public var cappedWeekly: Bool = false
    /// The minutes each working day needs (hours a week after the weekly cap, / 5).
    public var dailyNeed: Int = 0

    /// Runs the checks for `request` under the service's convention (minimum working days,
    /// maximum months, notice days); `member` is nil when the code is unknown.
    public static func check(_ request: ReplacementRequest, member: Member?, calendar: HolidayCalendar,
                             convention: Convention = .standard) -> Admission {
        func refused(_ refusal: Refusal) -> Admission {
            Admission(refusal: refusal, effectiveEnd: request.end, capped: false, shortNotice: false,
                      dailyNeed: convention.dailyNeed(request))
        }
        guard let member, member.isMember(on: request.start) else { return refused(.notMember) }
        let workingDays = calendar.workingDayCount(from: request.start, to: request.end)
        guard request.end >= request.start, workingDays > 0 else { return refused(.invalidPeriod) }
        if !request.exceptional, workingDays < convention.minWorkingDays {
            return refused(.belowMinDuration)
        }
        var end = request.end
        var capped = false
        if !request.exceptional, let months = convention.maxMonths {
            let capEnd = request.start.addingMonths(months).adding(days: -1)
            if end > capEnd {
                end = capEnd
                capped = true
            }
        }
        let shortNotice = request.received.days(to: request.start) < convention.noticeDays
        return Admission(refusal: nil, effectiveEnd: end, capped: capped, shortNotice: shortNotice,
                         cappedWeekly: convention.capsWeekly(request), dailyNeed: convention.dailyNeed(request))
    }
}
