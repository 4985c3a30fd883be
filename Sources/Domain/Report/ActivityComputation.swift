/// What both periods of a report read, prepared once.
struct ReportData {
    let territory: Territory
    let calendar: HolidayCalendar
    let convention: Convention
    /// Real requests by id, with the fields the stored plan does not keep (`renews`, `answer`).
    let realRequests: [String: ReplacementRequest]
    let decisions: [RequestDecision]
    let allocations: [DayAllocation]
    let invoices: [Invoice]
    let invoicesByNumber: [String: Invoice]

    init(territory: Territory, plan: Plan, invoices: [Invoice]) {
        self.territory = territory
        calendar = territory.service.calendar
        convention = territory.service.convention
        realRequests = Dictionary(territory.requests.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        decisions = plan.decisions
        allocations = plan.allocations
        self.invoices = invoices
        invoicesByNumber = Dictionary(invoices.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
    }
}

extension ActivityFigures {
    init(_ data: ReportData, period p: ReportPeriod, today: CalendarDate) {
        self.period = p
        let calendar = data.calendar
        let convention = data.convention

        // Served minutes of the period, by request.
        var servedByRequest: [String: [DayAllocation]] = [:]
        var servedByAgent: [String: [Int: Int]] = [:]
        for a in data.allocations where p.contains(a.date) {
            servedByRequest[a.request, default: []].append(a)
            servedByAgent[a.agent, default: [:]][a.date.dayNumber, default: 0] += a.minutes
        }

        var memberRows: [String: MemberFigures] = [:]
        func touch(_ member: String) { if memberRows[member] == nil { memberRows[member] = MemberFigures(member: member) } }
        for c in PriorityClass.allCases { requests.byClass[c] = 0 }
        for s in DecisionStatus.allCases { requests.byStatus[s] = 0 }

        // Requests.
        var waits: [Int] = []
        for d in data.decisions {
            let request = d.isImplicit ? d.request : (data.realRequests[d.id] ?? d.request)
            let refused = d.status == .refused
            let end = refused ? max(request.end, request.start) : d.effectiveEnd
            let active = request.start <= p.to && end >= p.from
            let receivedIn = !d.isImplicit && p.contains(request.received)
            let first = d.firstServedDay
            let last = d.lastServedDay
            let refusal = d.reasons.lazy.compactMap { reason -> Refusal? in
                if case .refused(let r) = reason { return r } else { return nil }
            }.first

            var neededDays = 0, dailyNeed = 0
            if !refused {
                let spanDays = calendar.workingDayCount(from: request.start, to: d.effectiveEnd)
                dailyNeed = spanDays > 0 ? d.neededMinutes / spanDays : 0
                neededDays = calendar.workingDayCount(from: max(request.start, p.from), to: min(d.effectiveEnd, p.to))
            }
            let served = servedByRequest[d.id] ?? []
            let servedMinutes = served.reduce(0) { $0 + $1.minutes }
            var waiting: Int?
            if !d.isImplicit, let first, p.contains(first) {
                waiting = calendar.workingDayCount(from: request.received.adding(days: 1), to: first)
                waits.append(waiting ?? 0)
            }
            let evaluationDue = !d.isImplicit && convention.evaluationAfterMission && last.map(p.contains) == true
            let shortNotice = !d.isImplicit && request.received.days(to: request.start) < convention.noticeDays
            let renewal = !d.isImplicit && request.renews != nil
            let inTime = renewal && request.answer.map { $0.date <= FollowUp.answerDeadline(request.received, hours: convention.renewalAnswerHours) } == true

            let line = RequestContribution(
                id: d.id, member: request.member, isImplicit: d.isImplicit, priorityClass: request.priorityClass,
                motive: request.motive, small: d.small, status: d.status, refusal: refusal, received: request.received,
                start: request.start, end: end, receivedInPeriod: receivedIn, active: active, shortNotice: shortNotice,
                renewal: renewal, answeredInTime: inTime, dailyNeed: dailyNeed, neededDays: neededDays,
                neededMinutes: dailyNeed * neededDays, served: served, servedMinutes: servedMinutes,
                firstServed: first, lastServed: last, waitingWorkingDays: waiting, evaluationDue: evaluationDue)
            guard receivedIn || active || line.neededMinutes > 0 || servedMinutes > 0 || waiting != nil || evaluationDue else { continue }
            requestLines.append(line)

            if receivedIn {
                requests.received += 1
                requests.byClass[request.priorityClass, default: 0] += 1
                requests.byMotive[request.motive, default: 0] += 1
                if d.small { requests.fromSmallCommunes += 1 }
                if shortNotice { requests.shortNotice += 1 }
                if renewal {
                    requests.renewals += 1
                    if inTime { requests.renewalsAnsweredInTime += 1 }
                }
            }
            if active {
                if d.isImplicit {
                    requests.rotaCover += 1
                } else {
                    requests.active += 1
                    requests.byStatus[d.status, default: 0] += 1
                    if let refusal, refused { requests.refusals[refusal, default: 0] += 1 }
                }
            }
            if evaluationDue { evaluations.due += 1 }
            minutes.needed += line.neededMinutes
            minutes.served += servedMinutes
            if active || line.neededMinutes > 0 || servedMinutes > 0 {
                touch(request.member)
                memberRows[request.member]?.neededMinutes += line.neededMinutes
                memberRows[request.member]?.servedMinutes += servedMinutes
                if active && !d.isImplicit { memberRows[request.member]?.requests += 1 }
            }
        }
        coverage = Hundredths.ratio(minutes.served, minutes.needed)
        waits.sort()
        waitingWorkingDaysMedian = waits.isEmpty ? nil : waits[(waits.count - 1) / 2]

        // Hours.
        var loggedByAgent: [String: Int] = [:]
        timeEntries = data.territory.timeEntries.filter { p.contains($0.date) }
            .sorted { ($0.date, $0.id ?? 0) < ($1.date, $1.id ?? 0) }
        for e in timeEntries {
            minutes.logged += e.minutes
            if e.validated { minutes.validated += e.minutes }
            touch(e.member)
            memberRows[e.member]?.loggedMinutes += e.minutes
            loggedByAgent[e.agent, default: 0] += e.minutes
        }

        // Agents.
        let workingDays = calendar.workingDays(from: p.from, to: p.to)
        for agent in data.territory.agents.sorted(by: { $0.code.precedesInByteOrder($1.code) }) {
            var row = AgentFigures(agent: agent.code)
            var rotaByWeekday: [Weekday: Int] = [:]
            for entry in agent.rota { rotaByWeekday[entry.day, default: 0] += entry.time.minutes }
            let given = servedByAgent[agent.code] ?? [:]
            for day in workingDays {
                let away = agent.absence(on: day) != nil
                let available = away ? 0 : agent.dailyMinutes
                let rota = away ? 0 : rotaByWeekday[day.weekday] ?? 0
                let arbitrated = given[day.dayNumber] ?? 0
                if away { row.absenceDays += 1 }
                row.availableMinutes += available
                row.plannedMinutes += rota + arbitrated
                row.days.append(AgentDay(date: day, availableMinutes: available, rotaMinutes: rota, arbitratedMinutes: arbitrated, away: away))
            }
            row.loggedMinutes = loggedByAgent[agent.code] ?? 0
            row.use = Hundredths.ratio(row.plannedMinutes, row.availableMinutes)
            agents.append(row)
        }

        // Evaluations received.
        var sums: [EvaluationCriterion: Int] = [:]
        for e in data.territory.evaluations where p.contains(e.received) {
            evaluations.received += 1
            evaluationsReceived.append(EvaluationReceipt(request: e.request, received: e.received))
            for c in EvaluationCriterion.allCases { sums[c, default: 0] += e.scores[c] }
        }
        evaluationsReceived.sort { ($0.received, $0.request) < ($1.received, $1.request) }
        if evaluations.received > 0 {
            for c in EvaluationCriterion.allCases {
                evaluations.averages[c] = Hundredths.ratio(sums[c] ?? 0, evaluations.received)
            }
        }

        // The help line (rules.md §10): calls of the period by domain, the lower median of the
        // minutes spent on those answered.
        let calls = Helpline.figures(data.territory.helpline, from: p.from, to: p.to)
        helpline.calls = calls.calls
        helpline.byDomain = calls.byDomain
        helpline.medianAnswerMinutes = calls.median

        // Billing.
        let judged = min(p.to, today)
        for invoice in data.invoices {
            let invoiced = p.contains(invoice.issued) ? invoice.totalCents : 0
            let payments = Self.payments(of: invoice).filter { p.contains($0.date) }
            let paid = payments.reduce(0) { $0 + $1.amountCents }
            let overdue = Self.overdue(invoice, on: judged, invoices: data.invoicesByNumber)
            guard p.contains(invoice.issued) || !payments.isEmpty || overdue > 0 else { continue }
            invoiceLines.append(InvoiceContribution(
                number: invoice.number, member: invoice.member, kind: invoice.kind, issued: invoice.issued,
                invoicedCents: invoiced, payments: payments, paidCents: paid, overdueCents: overdue))
            billing.invoicedCents += invoiced
            billing.paidCents += paid
            billing.overdueCents += overdue
            if p.contains(invoice.issued) || !payments.isEmpty {
                touch(invoice.member)
                memberRows[invoice.member]?.invoicedCents += invoiced
                memberRows[invoice.member]?.paidCents += paid
            }
        }
        members = memberRows.values.sorted { $0.member.precedesInByteOrder($1.member) }
    }

    /// An invoice's payments; an invoice marked paid without its payments on record counts as
    /// paid whole on that day.
    static func payments(of invoice: Invoice) -> [Payment] {
        guard invoice.payments.isEmpty, invoice.paidCents > 0, let day = invoice.paid else { return invoice.payments }
        return [Payment(invoice: invoice.number, date: day, amountCents: invoice.paidCents)]
    }

    /// What `invoice` left unpaid on `day` when its due date had passed: its total less the
    /// payments dated by then; 0 for a credit note, or an invoice cancelled by a credit note
    /// issued by then.
    static func overdue(_ invoice: Invoice, on day: CalendarDate, invoices: [String: Invoice]) -> Int {
        guard !invoice.isCreditNote, invoice.issued <= day, invoice.due < day else { return 0 }
        if let number = invoice.cancelledBy, (invoices[number]?.issued).map({ $0 <= day }) ?? true { return 0 }
        let paid = payments(of: invoice).filter { $0.date <= day }.reduce(0) { $0 + $1.amountCents }
        return max(0, invoice.totalCents - paid)
    }
}
