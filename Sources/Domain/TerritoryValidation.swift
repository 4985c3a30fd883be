/// What the database already holds that a file or a command may refer to.
public struct KnownRecords: Sendable {
    public var agents: Set<String>
    /// Members by code, for their membership dates.
    public var members: [String: Member]
    /// Request ids with their member.
    public var requestMembers: [String: String]
    /// Ids of the directory's people.
    public var people: Set<String> = []

    public init(agents: Set<String> = [], members: [String: Member] = [:], requestMembers: [String: String] = [:], people: Set<String> = []) {
        self.people = people
        self.agents = agents
        self.members = members
        self.requestMembers = requestMembers
    }

    /// What `territory` adds on top of these records (a file's records win over the database's).
    public func merging(_ territory: Territory) -> KnownRecords {
        var merged = self
        for agent in territory.agents { merged.agents.insert(agent.code) }
        for member in territory.members { merged.members[member.code] = member }
        for request in territory.requests { merged.requestMembers[request.id] = request.member }
        for person in territory.people { merged.people.insert(person.id) }
        return merged
    }
}

/// Checks a whole territory for the invariants the rest of Relève relies on. Each problem is
/// reported with its JSON path in the `releve/1` file, in file order.
public enum TerritoryValidation {
    /// Every problem of `territory` given what the database already holds; empty when valid.
    public static func problems(in territory: Territory, existing: KnownRecords = KnownRecords()) -> [DataError] {
        var errors: [DataError] = []
        let known = existing.merging(territory)
        check(territory.service, into: &errors)
        check(territory.tariffs, into: &errors)
        checkMembers(territory.members, known: known, into: &errors)
        checkAgents(territory.agents, known: known, into: &errors)
        checkRequests(territory.requests, known: known, into: &errors)
        // An assignment names a known agent (its request is the one it sits on).
        if !territory.assignments.isEmpty {
            var index: [String: Int] = [:]
            for (i, r) in territory.requests.enumerated() { index[r.id] = i }
            for a in territory.assignments where !known.agents.contains(a.agent) {
                errors.append(DataError("requests[\(index[a.request] ?? 0)].assigned_agent", .unknownAgent(a.agent)))
            }
        }
        checkTimeEntries(territory.timeEntries, known: known, into: &errors)
        checkEvaluations(territory.evaluations, known: known, into: &errors)
        checkPeople(territory.people, known: known, into: &errors)
        checkHelpline(territory.helpline, known: known, into: &errors)
        return errors
    }

    /// Each question once, with known people and member, a summary, minutes within a working
    /// day, and an answered one saying who answered and what.
    static func checkHelpline(_ calls: [HelplineCall], known: KnownRecords, into errors: inout [DataError]) {
        var seen = Set<String>()
        for (i, c) in calls.enumerated() {
            let at = "helpline[\(i)]"
            code(c.id, "\(at).id", &seen, &errors)
            for (key, person) in [("caller", c.caller), ("answered_by", c.answeredBy)] {
                if let person, !known.people.contains(person) { errors.append(DataError("\(at).\(key)", .unknownPerson(person))) }
            }
            if let member = c.member, known.members[member] == nil { errors.append(DataError("\(at).member", .unknownMember(member))) }
            if c.summary.trimmingSpaces().isEmpty { errors.append(DataError("\(at).summary", .emptyText)) }
            for (key, text) in [("summary", c.summary), ("answer", c.answer ?? "")] {
                if let problem = TextSafety.problem(in: text, limit: TextSafety.freeTextLimit) { errors.append(DataError("\(at).\(key)", .unsafeText(problem))) }
            }
            if c.minutes < 0 || c.minutes > HelplineCall.maximumMinutes {
                errors.append(DataError("\(at).minutes", .outOfRange(found: c.minutes, min: 0, max: HelplineCall.maximumMinutes)))
            }
            if c.status == .answered {
                if c.answeredBy == nil { errors.append(DataError("\(at).answered_by", .missingKey)) }
                if (c.answer ?? "").trimmingSpaces().isEmpty { errors.append(DataError("\(at).answer", .emptyText)) }
            }
        }
    }

    /// Each person of the directory once, named, with a known member and agent, a phone number
    /// and an e-mail that look like one, domains only for a referent.
    static func checkPeople(_ people: [Person], known: KnownRecords, into errors: inout [DataError]) {
        var seen = Set<String>()
        for (i, p) in people.enumerated() {
            let at = "people[\(i)]"
            code(p.id, "\(at).id", &seen, &errors)
            if p.name.trimmingSpaces().isEmpty { errors.append(DataError("\(at).name", .emptyText)) }
            for (key, value) in [("name", p.name), ("phone", p.phone ?? ""), ("email", p.email ?? "")] {
                if let problem = TextSafety.problem(in: value, limit: TextSafety.nameLimit) { errors.append(DataError("\(at).\(key)", .unsafeText(problem))) }
            }
            if let member = p.member, known.members[member] == nil { errors.append(DataError("\(at).member", .unknownMember(member))) }
            if let agent = p.agent, !known.agents.contains(agent) { errors.append(DataError("\(at).agent", .unknownAgent(agent))) }
            if p.role == .agent && p.agent == nil { errors.append(DataError("\(at).agent", .missingKey)) }
            if let phone = p.phone, !ContactText.isPhone(phone) { errors.append(DataError("\(at).phone", .invalidPhone(phone))) }
            if let email = p.email, !ContactText.isEmail(email) { errors.append(DataError("\(at).email", .invalidEmail(email))) }
            if !p.referent && !p.domains.isEmpty { errors.append(DataError("\(at).domains", .domainsWithoutReferent)) }
        }
    }

    /// Each evaluation names a known request, once.
    static func checkEvaluations(_ evaluations: [Evaluation], known: KnownRecords, into errors: inout [DataError]) {
        var seen = Set<String>()
        for (i, evaluation) in evaluations.enumerated() {
            let at = "evaluations[\(i)]"
            code(evaluation.request, "\(at).request", &seen, &errors)
            if known.requestMembers[evaluation.request] == nil {
                errors.append(DataError("\(at).request", .unknownRequest(evaluation.request)))
            }
            if let comment = evaluation.comment, let problem = TextSafety.problem(in: comment, limit: TextSafety.freeTextLimit) {
                errors.append(DataError("\(at).comment", .unsafeText(problem)))
            }
        }
    }

    /// The problems of one time entry given the known records (used by import and `hours log`).
    public static func problems(of entry: TimeEntry, known: KnownRecords, path: (String) -> String) -> [DataError] {
        var errors: [DataError] = []
        if !known.agents.contains(entry.agent) {
            errors.append(DataError(path("agent"), .unknownAgent(entry.agent)))
        }
        if let member = known.members[entry.member] {
            if !member.isMember(on: entry.date) {
                errors.append(DataError(path("date"), .notMemberOn(member: entry.member, date: entry.date)))
            }
        } else {
            errors.append(DataError(path("member"), .unknownMember(entry.member)))
        }
        if entry.minutes < 1 || entry.minutes > TimeEntry.maximumMinutes {
            errors.append(DataError(path("hours"), .durationOutOfRange(found: entry.minutes, min: 1, max: TimeEntry.maximumMinutes)))
        }
        if let request = entry.request {
            if let owner = known.requestMembers[request] {
                if owner != entry.member {
                    errors.append(DataError(path("request"), .requestOfOtherMember(
                        request: request, member: entry.member, owner: owner, memberName: known.members[entry.member]?.name,
                        ownerName: known.members[owner]?.name)))
                }
            } else {
                errors.append(DataError(path("request"), .unknownRequest(request)))
            }
        }
        return errors
    }

    static func check(_ service: ServiceSettings, into errors: inout [DataError]) {
        if service.name.trimmingSpaces().isEmpty { errors.append(DataError("service.name", .emptyText)) }
        if let problem = TextSafety.problem(in: service.name, limit: TextSafety.nameLimit) { errors.append(DataError("service.name", .unsafeText(problem))) }
        range(service.annualWorkingDays, 1, 366, "service.annual_working_days", &errors)
        if let days = service.paymentDays { range(days, 0, 365, "service.payment_days", &errors) }
    }

    static func check(_ tariffs: [Tariff], into errors: inout [DataError]) {
        var years = Set<Int>()
        for (i, tariff) in tariffs.enumerated() {
            let at = "tariffs[\(i)]"
            if !years.insert(tariff.year).inserted { errors.append(DataError("\(at).year", .duplicate(String(tariff.year)))) }
            range(tariff.year, 1900, 2200, "\(at).year", &errors)
            if tariff.minutesPerDay < 1 || tariff.minutesPerDay > TimeEntry.maximumMinutes {
                errors.append(DataError("\(at).hours_per_day", .durationOutOfRange(found: tariff.minutesPerDay, min: 1, max: TimeEntry.maximumMinutes)))
            }
            var previousMax: Int? = -1
            for (j, band) in tariff.bands.enumerated() {
                let bandAt = "\(at).bands[\(j)]"
                range(band.minPopulation, 0, nil, "\(bandAt).min_population", &errors)
                range(band.prepaidDays, 0, 366, "\(bandAt).prepaid_days", &errors)
                guard let before = previousMax else {
                    errors.append(DataError("\(at).bands[\(j - 1)].max_population", .openBandNotLast))
                    break
                }
                if band.minPopulation <= before || (band.maxPopulation.map { $0 < band.minPopulation } ?? false) {
                    errors.append(DataError(bandAt, .bandsOutOfOrder))
                }
                previousMax = band.maxPopulation
            }
        }
    }

    static func checkMembers(_ members: [Member], known: KnownRecords, into errors: inout [DataError]) {
        var codes = Set<String>()
        for (i, member) in members.enumerated() {
            let at = "members[\(i)]"
            code(member.code, "\(at).code", &codes, &errors)
            if member.name.trimmingSpaces().isEmpty { errors.append(DataError("\(at).name", .emptyText)) }
            if let problem = TextSafety.problem(in: member.name, limit: TextSafety.nameLimit) { errors.append(DataError("\(at).name", .unsafeText(problem))) }
            range(member.population, 0, nil, "\(at).population", &errors)
            if let until = member.memberUntil, until < member.memberSince {
                errors.append(DataError("\(at).member_until", .endBeforeStart(start: member.memberSince, end: until)))
            }
            for (key, agent) in [("referent_agent", member.referentAgent), ("substitute_agent", member.substituteAgent)] {
                if let agent, !known.agents.contains(agent) {
                    errors.append(DataError("\(at).\(key)", .unknownAgent(agent)))
                }
            }
            if let year = member.lastSummerReplacement { range(year, 1900, 2200, "\(at).last_summer_replacement", &errors) }
            let papers = member.membership
            if let left = papers.leftOn, left < member.memberSince {
                errors.append(DataError("\(at).left_on", .endBeforeStart(start: member.memberSince, end: left)))
            }
            if let until = papers.nonRecruitmentUntil, until < member.memberSince {
                errors.append(DataError("\(at).non_recruitment_until", .endBeforeStart(start: member.memberSince, end: until)))
            }
            for (key, text, limit) in [("mayor", papers.mayor, TextSafety.nameLimit), ("address", papers.address, TextSafety.freeTextLimit),
                                       ("phone", papers.phone, TextSafety.nameLimit), ("email", papers.email, TextSafety.nameLimit)] {
                if let text, let problem = TextSafety.problem(in: text, limit: limit) { errors.append(DataError("\(at).\(key)", .unsafeText(problem))) }
            }
        }
    }

    static func checkAgents(_ agents: [Agent], known: KnownRecords, into errors: inout [DataError]) {
        var codes = Set<String>()
        for (i, agent) in agents.enumerated() {
            let at = "agents[\(i)]"
            code(agent.code, "\(at).code", &codes, &errors)
            if agent.name.trimmingSpaces().isEmpty { errors.append(DataError("\(at).name", .emptyText)) }
            if let problem = TextSafety.problem(in: agent.name, limit: TextSafety.nameLimit) { errors.append(DataError("\(at).name", .unsafeText(problem))) }
            if agent.weeklyMinutes < 1 || agent.weeklyMinutes > 60 * 60 {
                errors.append(DataError("\(at).weekly_hours", .durationOutOfRange(found: agent.weeklyMinutes, min: 1, max: 60 * 60)))
            }
            range(agent.rttDaysPerYear, 0, 366, "\(at).rtt_days_per_year", &errors)
            for (j, entry) in agent.rota.enumerated() {
                let entryAt = "\(at).rota[\(j)]"
                if known.members[entry.member] == nil {
                    errors.append(DataError("\(entryAt).member", .unknownMember(entry.member)))
                }
                if entry.time.start >= entry.time.end {
                    errors.append(DataError("\(entryAt).to", .clockRangeReversed(entry.time.text)))
                } else if agent.rota[..<j].contains(where: { $0.day == entry.day && $0.time.overlaps(entry.time) }) {
                    errors.append(DataError(entryAt, .overlapsRota(entry.day)))
                }
            }
            for (j, absence) in agent.absences.enumerated() {
                let absenceAt = "\(at).absences[\(j)]"
                if absence.to < absence.from {
                    errors.append(DataError("\(absenceAt).to", .endBeforeStart(start: absence.from, end: absence.to)))
                } else if let other = agent.absences[..<j].first(where: { $0.from <= absence.to && absence.from <= $0.to }) {
                    errors.append(DataError(absenceAt, .overlapsAbsence(max(other.from, absence.from))))
                }
            }
        }
    }

    static func checkRequests(_ requests: [ReplacementRequest], known: KnownRecords, into errors: inout [DataError]) {
        var ids = Set<String>()
        for (i, request) in requests.enumerated() {
            let at = "requests[\(i)]"
            code(request.id, "\(at).id", &ids, &errors)
            if known.members[request.member] == nil {
                errors.append(DataError("\(at).member", .unknownMember(request.member)))
            }
            if request.minutesPerWeek < 1 || request.minutesPerWeek > 60 * 60 {
                errors.append(DataError("\(at).hours_per_week", .durationOutOfRange(found: request.minutesPerWeek, min: 1, max: 60 * 60)))
            }
            if let renewed = request.renews {
                if renewed == request.id {
                    errors.append(DataError("\(at).renews", .renewsItself(renewed)))
                } else if let owner = known.requestMembers[renewed] {
                    if owner != request.member {
                        errors.append(DataError("\(at).renews", .renewsOtherMember(request: renewed, owner: owner, memberName: known.members[owner]?.name)))
                    }
                } else {
                    errors.append(DataError("\(at).renews", .unknownRequest(renewed)))
                }
            }
            if let staff = request.staffFTE, !StaffFTE.isValid(staff) {
                errors.append(DataError("\(at).staff_fte", .invalidDecimal(staff)))
            }
            if let answer = request.answer {
                if answer.date < request.received {
                    errors.append(DataError("\(at).answer.date", .answerBeforeReceived(answer: answer.date, received: request.received)))
                }
                if let problem = TextSafety.problem(in: answer.text, limit: TextSafety.freeTextLimit) {
                    errors.append(DataError("\(at).answer.text", .unsafeText(problem)))
                }
            }
        }
    }

    static func checkTimeEntries(_ entries: [TimeEntry], known: KnownRecords, into errors: inout [DataError]) {
        var ids = Set<Int64>()
        var perAgentDay: [String: [Int: Int]] = [:]
        for (i, entry) in entries.enumerated() {
            let at = "time_entries[\(i)]"
            if let id = entry.id {
                if id < 1 { errors.append(DataError("\(at).id", .outOfRange(found: Int(id), min: 1, max: nil))) }
                if !ids.insert(id).inserted { errors.append(DataError("\(at).id", .duplicate(String(id)))) }
            }
            errors += problems(of: entry, known: known) { "\(at).\($0)" }
            let total = (perAgentDay[entry.agent]?[entry.date.dayNumber] ?? 0) + entry.minutes
            perAgentDay[entry.agent, default: [:]][entry.date.dayNumber] = total
            if total > TimeEntry.maximumMinutes, total - entry.minutes <= TimeEntry.maximumMinutes, entry.minutes <= TimeEntry.maximumMinutes {
                errors.append(DataError("\(at).hours", .dayOverfull(agent: entry.agent, date: entry.date, minutes: total)))
            }
        }
    }

    static func code(_ value: String, _ path: String, _ seen: inout Set<String>, _ errors: inout [DataError]) {
        if value.trimmingSpaces().isEmpty {
            errors.append(DataError(path, .emptyText))
        } else if !seen.insert(value).inserted {
            errors.append(DataError(path, .duplicate(value)))
        }
    }

    static func range(_ value: Int, _ min: Int?, _ max: Int?, _ path: String, _ errors: inout [DataError]) {
        if (min.map { value < $0 } ?? false) || (max.map { value > $0 } ?? false) {
            errors.append(DataError(path, .outOfRange(found: value, min: min, max: max)))
        }
    }
}
