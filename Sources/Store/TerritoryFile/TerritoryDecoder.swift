import Domain
import Foundation

/// Reads a `releve/1` file into a `Territory`, strictly: unknown keys, wrong types and
/// malformed values are errors naming their JSON path. Semantic rules (references,
/// duplicates, ranges) are checked afterwards by `TerritoryValidation`.
public enum TerritoryDecoder {
    public static let format = "releve/1"

    /// The territory in `data`, or every problem found (`InvalidTerritory`).
    public static func decode(_ data: Data) throws -> Territory {
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch {
            throw InvalidTerritory([DataError("", .malformedJSON(detail: error.detail))])
        }
        let reader = Reader()
        let territory = reader.territory(root)
        guard reader.errors.isEmpty, let territory else {
            throw InvalidTerritory(reader.errors.isEmpty ? [DataError("", .expectedType("an object"))] : reader.errors)
        }
        return territory
    }
}

/// Collects errors while walking the document.
private final class Reader {
    var errors: [DataError] = []

    func fail(_ path: String, _ problem: DataProblem) { errors.append(DataError(path, problem)) }

    /// An object's fields, with checks that every key is known and every required key present.
    final class Fields {
        let path: String
        let values: [String: JSONValue]
        let reader: Reader

        init(_ path: String, _ values: [String: JSONValue], _ reader: Reader) {
            self.path = path
            self.values = values
            self.reader = reader
        }

        func at(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

        /// The value of a required key (nil and an error when absent).
        func required(_ key: String) -> JSONValue? {
            guard let value = values[key] else { reader.fail(at(key), .missingKey); return nil }
            return value
        }

        func text(_ key: String) -> String? { required(key).flatMap { reader.text($0, at(key)) } }
        func integer(_ key: String) -> Int? { required(key).flatMap { reader.integer($0, at(key)) } }
        func bool(_ key: String) -> Bool? { required(key).flatMap { reader.bool($0, at(key)) } }
        func date(_ key: String) -> CalendarDate? { text(key).flatMap { reader.date($0, at(key)) } }
        func duration(_ key: String) -> Int? { text(key).flatMap { reader.duration($0, at(key)) } }
        func money(_ key: String) -> Int? { text(key).flatMap { reader.money($0, at(key)) } }
        func list(_ key: String) -> [JSONValue]? { required(key).flatMap { reader.list($0, at(key)) } }

        func code<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
            text(key).flatMap { reader.code($0, at(key), type) }
        }

        /// A key that may be `null`; `present` is false when the key is absent or null.
        func nullable<T>(_ key: String, optionalKey: Bool = false, _ convert: (JSONValue, String) -> T?) -> (ok: Bool, value: T?) {
            guard let value = values[key] else {
                if optionalKey { return (true, nil) }
                reader.fail(at(key), .missingKey)
                return (false, nil)
            }
            if value == .null { return (true, nil) }
            guard let converted = convert(value, at(key)) else { return (false, nil) }
            return (true, converted)
        }

        /// Reports every key not in `known`.
        func rejectUnknown(_ known: Set<String>) {
            for key in values.keys.sorted() where !known.contains(key) { reader.fail(at(key), .unknownKey) }
        }
    }

    func object(_ value: JSONValue, _ path: String, keys: Set<String>) -> Fields? {
        guard case .object(let values) = value else { fail(path, .expectedType("an object")); return nil }
        let fields = Fields(path, values, self)
        fields.rejectUnknown(keys)
        return fields
    }

    func text(_ value: JSONValue, _ path: String) -> String? {
        guard case .string(let text) = value else { fail(path, .expectedType("a text")); return nil }
        // No control character (ESC, NUL…) and no 100 KB string ever enters the database.
        if let problem = TextSafety.problem(in: text, limit: TextSafety.freeTextLimit) { fail(path, .unsafeText(problem)); return nil }
        return text
    }

    func integer(_ value: JSONValue, _ path: String) -> Int? {
        guard case .integer(let number) = value else { fail(path, .expectedType("an integer")); return nil }
        return number
    }

    func bool(_ value: JSONValue, _ path: String) -> Bool? {
        guard case .bool(let flag) = value else { fail(path, .expectedType("true or false")); return nil }
        return flag
    }

    func list(_ value: JSONValue, _ path: String) -> [JSONValue]? {
        guard case .array(let items) = value else { fail(path, .expectedType("a list")); return nil }
        return items
    }

    func date(_ text: String, _ path: String) -> CalendarDate? {
        guard let date = CalendarDate.parseISO(text) else { fail(path, .invalidDate(text)); return nil }
        return date
    }

    func duration(_ text: String, _ path: String) -> Int? {
        guard let minutes = DurationText.parse(text) else { fail(path, .invalidDuration(text)); return nil }
        return minutes
    }

    func clock(_ text: String, _ path: String) -> Int? {
        guard let minute = ClockText.parse(text) else { fail(path, .invalidClock(text)); return nil }
        return minute
    }

    func money(_ text: String, _ path: String) -> Int? {
        guard let cents = MoneyText.parse(text) else { fail(path, .invalidMoney(text)); return nil }
        return cents
    }

    func code<E: RawRepresentable & CaseIterable>(_ text: String, _ path: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let value = E(rawValue: text) else {
            fail(path, .unknownValue(text, allowed: E.allCases.map(\.rawValue)))
            return nil
        }
        return value
    }

    /// Each element of a list converted, in order; nil if the list or any element is bad.
    func each<T>(_ items: [JSONValue]?, _ path: String, _ convert: (JSONValue, String) -> T?) -> [T]? {
        guard let items else { return nil }
        var result: [T] = []
        var ok = true
        for (i, item) in items.enumerated() {
            if let value = convert(item, "\(path)[\(i)]") { result.append(value) } else { ok = false }
        }
        return ok ? result : nil
    }

    // MARK: - The format

    func territory(_ root: JSONValue) -> Territory? {
        guard case .object(let top) = root else { fail("", .expectedType("an object")); return nil }
        // The format comes first: a wrong version makes every other message meaningless.
        guard let formatValue = top["format"] else { fail("format", .missingKey); return nil }
        guard case .string(let format) = formatValue, format == TerritoryDecoder.format else {
            if case .string(let other) = formatValue { fail("format", .wrongFormat(found: other)) } else {
                fail("format", .expectedType("a text"))
            }
            return nil
        }
        guard let fields = object(root, "", keys: ["format", "service", "tariffs", "members", "agents", "requests", "time_entries",
                                                    "evaluations", "people", "helpline"])
        else { return nil }
        let service = fields.required("service").flatMap { self.service($0, "service") }
        let tariffs = each(fields.list("tariffs"), "tariffs", tariff)
        let members = each(fields.list("members"), "members", member)
        let agents = each(fields.list("agents"), "agents", agent)
        let requests = each(fields.list("requests"), "requests", request)
        let entries = each(fields.list("time_entries"), "time_entries", timeEntry)
        let evaluations = fields.values["evaluations"] == nil ? [] : each(fields.list("evaluations"), "evaluations", evaluation)
        let people = fields.values["people"] == nil ? [] : each(fields.list("people"), "people", person)
        let helpline = fields.values["helpline"] == nil ? [] : each(fields.list("helpline"), "helpline", helplineCall)
        guard let service, let tariffs, let members, let agents, let requests, let entries, let evaluations, let people,
              let helpline else { return nil }
        return Territory(service: service, tariffs: tariffs, members: members, agents: agents,
                         requests: requests.map(\.request), timeEntries: entries,
                         assignments: requests.compactMap { r in r.assigned.map { ManualAssignment(request: r.request.id, agent: $0) } },
                         evaluations: evaluations, people: people, helpline: helpline)
    }

    func service(_ value: JSONValue, _ path: String) -> ServiceSettings? {
        guard let f = object(value, path, keys: ["name", "holidays", "billing", "annual_working_days", "epci",
                                                  "issuer_name", "issuer_title", "legal_basis", "address",
                                                  "payment_days", "accountant", "convention", "convention_end"]) else { return nil }
        let name = f.text("name")
        let holidays = f.code("holidays", HolidayRegime.self)
        let billing = f.code("billing", BillingScheme.self)
        let days = f.integer("annual_working_days")
        let texts = ["epci", "issuer_name", "issuer_title", "legal_basis", "address", "accountant"].map {
            f.nullable($0, optionalKey: true, text)
        }
        let payment = f.nullable("payment_days", optionalKey: true, integer)
        let convention = f.nullable("convention", optionalKey: true, convention)
        let end = f.nullable("convention_end", optionalKey: true) { value, at in self.text(value, at).flatMap { self.date($0, at) } }
        guard let name, let holidays, let billing, let days, texts.allSatisfy(\.ok), payment.ok, convention.ok, end.ok else { return nil }
        return ServiceSettings(name: name, holidays: holidays, billing: billing, annualWorkingDays: days,
                               epci: texts[0].value, issuerName: texts[1].value, issuerTitle: texts[2].value,
                               legalBasis: texts[3].value, address: texts[4].value, paymentDays: payment.value,
                               accountant: texts[5].value, convention: convention.value ?? .standard, conventionEnd: end.value)
    }

    /// `service.convention`: the settings of rules.md §7 by their names, each checked.
    func convention(_ value: JSONValue, _ path: String) -> Convention? {
        guard let f = object(value, path, keys: Set(Convention.Key.allCases.map(\.rawValue))) else { return nil }
        var convention = Convention()
        var ok = true
        for key in Convention.Key.allCases {
            guard let raw = f.values[key.rawValue] else { continue }
            let given: ConventionValue
            switch raw {
            case .null: given = .null
            case .bool(let b): given = .bool(b)
            case .integer(let n): given = .integer(n)
            case .string(let t): given = .text(t)
            default: fail(f.at(key.rawValue), .invalidSetting(key, given: "…")); ok = false; continue
            }
            do { try convention.set(key, given) } catch {
                fail(f.at(key.rawValue), .invalidSetting(key, given: error.given))
                ok = false
            }
        }
        return ok ? convention : nil
    }

    func tariff(_ value: JSONValue, _ path: String) -> Tariff? {
        guard let f = object(value, path, keys: ["year", "hourly_rate", "hours_per_day", "fee_exempt", "bands", "day_rate",
                                                  "day_hours", "extra_hourly_rate", "cost_coefficient", "monthly_agent_fee"])
        else { return nil }
        let year = f.integer("year")
        let rate = f.money("hourly_rate")
        let perDay = f.duration("hours_per_day")
        let exempt = f.bool("fee_exempt")
        let bands = each(f.list("bands"), f.at("bands"), band)
        let money = { (value: JSONValue, at: String) in self.text(value, at).flatMap { self.money($0, at) } }
        let dayRate = f.nullable("day_rate", optionalKey: true, money)
        let dayHours = f.nullable("day_hours", optionalKey: true) { value, at in self.text(value, at).flatMap { self.duration($0, at) } }
        let extra = f.nullable("extra_hourly_rate", optionalKey: true, money)
        let coefficient = f.nullable("cost_coefficient", optionalKey: true) { value, at -> Int? in
            guard let text = self.text(value, at) else { return nil }
            guard let c = AgentCostRate.parseCoefficient(text) else { self.fail(at, .invalidCoefficient(text)); return nil }
            return c
        }
        let fee = f.nullable("monthly_agent_fee", optionalKey: true, money)
        guard let year, let rate, let perDay, let exempt, let bands, dayRate.ok, dayHours.ok, extra.ok, coefficient.ok, fee.ok
        else { return nil }
        var t = Tariff(year: year, hourlyRateCents: rate, minutesPerDay: perDay, feeExempt: exempt, bands: bands)
        if dayRate.value != nil || dayHours.value != nil || extra.value != nil {
            guard let d = dayRate.value, let h = dayHours.value, let x = extra.value else {
                fail(path, .tariffIncomplete(year: year, scheme: .dayRate))
                return nil
            }
            t.dayRate = DayRate(dayRateCents: d, dayMinutes: h, extraHourlyRateCents: x)
        }
        if coefficient.value != nil || fee.value != nil {
            guard let c = coefficient.value else { fail(path, .tariffIncomplete(year: year, scheme: .agentCost)); return nil }
            t.agentCost = AgentCostRate(coefficientHundredths: c, monthlyAgentFeeCents: fee.value ?? 0)
        }
        return t
    }

    func band(_ value: JSONValue, _ path: String) -> PopulationBand? {
        guard let f = object(value, path, keys: ["min_population", "max_population", "annual_fee", "prepaid_days"]) else { return nil }
        let min = f.integer("min_population")
        let max = f.nullable("max_population", integer)
        let fee = f.money("annual_fee")
        let days = f.integer("prepaid_days")
        guard let min, max.ok, let fee, let days else { return nil }
        return PopulationBand(minPopulation: min, maxPopulation: max.value, annualFeeCents: fee, prepaidDays: days)
    }

    func member(_ value: JSONValue, _ path: String) -> Member? {
        let keys: Set<String> = ["code", "name", "kind", "population", "single_part_time_secretary", "member_since", "member_until",
                                 "referent_agent", "substitute_agent", "last_summer_replacement", "opening_hours"]
        guard let f = object(value, path, keys: keys.union(Self.membershipKeys)) else { return nil }
        let code = f.text("code")
        let name = f.text("name")
        let kind = f.code("kind", MemberKind.self)
        let population = f.integer("population")
        let single = f.bool("single_part_time_secretary")
        let since = f.date("member_since")
        let until = f.nullable("member_until") { value, at in self.text(value, at).flatMap { self.date($0, at) } }
        let referent = f.nullable("referent_agent", text)
        let substitute = f.nullable("substitute_agent", text)
        let summer = f.nullable("last_summer_replacement", integer)
        let opening = f.required("opening_hours").flatMap { openingHours($0, f.at("opening_hours")) }
        let membership = self.membership(f)
        guard let code, let name, let kind, let population, let single, let since, until.ok, referent.ok,
              substitute.ok, summer.ok, let opening, let membership else { return nil }
        var member = Member(code: code, name: name, kind: kind, population: population, singlePartTimeSecretary: single,
                            memberSince: since, memberUntil: until.value, referentAgent: referent.value,
                            substituteAgent: substitute.value, lastSummerReplacement: summer.value, openingHours: opening)
        member.membership = membership
        return member
    }

    static let membershipKeys: Set<String> = ["deliberation_date", "hosts_immersion", "referent_volunteer", "non_recruitment_until",
                                              "left_on", "left_ground", "mayor", "address", "phone", "email"]

    /// The membership papers of a member (all keys optional, `null` as absent).
    func membership(_ f: Fields) -> Membership? {
        let deliberation = f.nullable("deliberation_date", optionalKey: true, dateValue)
        let immersion = f.nullable("hosts_immersion", optionalKey: true, bool)
        let referent = f.nullable("referent_volunteer", optionalKey: true, bool)
        let commitment = f.nullable("non_recruitment_until", optionalKey: true, dateValue)
        let left = f.nullable("left_on", optionalKey: true, dateValue)
        let ground = f.nullable("left_ground", optionalKey: true) { value, at in
            self.text(value, at).flatMap { self.code($0, at, LeavingGround.self) }
        }
        let mayor = f.nullable("mayor", optionalKey: true, text)
        let address = f.nullable("address", optionalKey: true, text)
        let phone = f.nullable("phone", optionalKey: true, text)
        let email = f.nullable("email", optionalKey: true, text)
        guard deliberation.ok, immersion.ok, referent.ok, commitment.ok, left.ok, ground.ok, mayor.ok, address.ok, phone.ok, email.ok
        else { return nil }
        return Membership(deliberationDate: deliberation.value, hostsImmersion: immersion.value, referentVolunteer: referent.value,
                          nonRecruitmentUntil: commitment.value, leftOn: left.value, leftGround: ground.value,
                          mayor: mayor.value, address: address.value, phone: phone.value, email: email.value)
    }

    /// A date given as a text value.
    func dateValue(_ value: JSONValue, _ path: String) -> CalendarDate? {
        text(value, path).flatMap { date($0, path) }
    }

    func evaluation(_ value: JSONValue, _ path: String) -> Evaluation? {
        guard let f = object(value, path, keys: ["request", "received", "scores", "again", "comment"]) else { return nil }
        let request = f.text("request")
        let received = f.date("received")
        let scores = f.required("scores").flatMap { evaluationScores($0, f.at("scores")) }
        let again = f.bool("again")
        let comment = f.nullable("comment", optionalKey: true, text)
        guard let request, let received, let scores, let again, comment.ok else { return nil }
        return Evaluation(request: request, received: received, scores: scores, again: again, comment: comment.value)
    }

    /// One person of the directory (rules.md §10); member, agent, phone, e-mail, referent and
    /// domains may be left out.
    func person(_ value: JSONValue, _ path: String) -> Person? {
        guard let f = object(value, path, keys: ["id", "name", "role", "member", "agent", "phone", "email", "referent", "domains"]) else { return nil }
        let id = f.text("id"), name = f.text("name")
        let role = f.code("role", PersonRole.self)
        let member = f.nullable("member", optionalKey: true, text), agent = f.nullable("agent", optionalKey: true, text)
        let phone = f.nullable("phone", optionalKey: true, text), email = f.nullable("email", optionalKey: true, text)
        let referent = f.nullable("referent", optionalKey: true, bool)
        let domains = f.nullable("domains", optionalKey: true) { value, at -> [ReferentDomain]? in
            guard let items = self.list(value, at) else { return nil }
            var result: [ReferentDomain] = []
            var ok = true
            for (i, item) in items.enumerated() {
                guard let text = self.text(item, "\(at)[\(i)]"), let domain = self.code(text, "\(at)[\(i)]", ReferentDomain.self) else { ok = false; continue }
                if !result.contains(domain) { result.append(domain) }
            }
            return ok ? ReferentDomain.allCases.filter(result.contains) : nil
        }
        guard let id, let name, let role, member.ok, agent.ok, phone.ok, email.ok, referent.ok, domains.ok else { return nil }
        return Person(id: id, name: name, role: role, member: member.value, agent: agent.value, phone: phone.value, email: email.value,
                      referent: referent.value ?? false, domains: domains.value ?? [])
    }

    /// One question to the help line (rules.md §10).
    func helplineCall(_ value: JSONValue, _ path: String) -> HelplineCall? {
        guard let f = object(value, path, keys: ["id", "at", "caller", "member", "domain", "summary", "answered_by", "minutes", "status", "answer"])
        else { return nil }
        let id = f.text("id"), summary = f.text("summary")
        let at = f.text("at").flatMap { text -> (CalendarDate, Int)? in
            guard let parsed = HelplineCall.parseAt(text) else {
                fail(f.at("at"), .expectedType("a date and time YYYY-MM-DDTHH:MM"))
                return nil
            }
            return parsed
        }
        let domain = f.code("domain", ReferentDomain.self)
        let status = f.code("status", HelplineStatus.self)
        let minutes = f.integer("minutes")
        let caller = f.nullable("caller", optionalKey: true, text), member = f.nullable("member", optionalKey: true, text)
        let answeredBy = f.nullable("answered_by", optionalKey: true, text), answer = f.nullable("answer", optionalKey: true, text)
        guard let id, let summary, let at, let domain, let status, let minutes, caller.ok, member.ok, answeredBy.ok, answer.ok else { return nil }
        return HelplineCall(id: id, date: at.0, minute: at.1, caller: caller.value, member: member.value, domain: domain, summary: summary,
                            answeredBy: answeredBy.value, minutes: minutes, status: status, answer: answer.value)
    }

    func evaluationScores(_ value: JSONValue, _ path: String) -> EvaluationScores? {
        guard let f = object(value, path, keys: Set(EvaluationCriterion.allCases.map(\.rawValue))) else { return nil }
        var values: [Int] = []
        for criterion in EvaluationCriterion.allCases {
            guard let score = f.integer(criterion.rawValue) else { continue }
            guard EvaluationScores.range.contains(score) else {
                fail(f.at(criterion.rawValue), .outOfRange(found: score, min: EvaluationScores.range.lowerBound,
                                                           max: EvaluationScores.range.upperBound))
                continue
            }
            values.append(score)
        }
        return EvaluationScores(values)
    }

    func openingHours(_ value: JSONValue, _ path: String) -> OpeningHours? {
        guard let f = object(value, path, keys: Set(Weekday.allCases.map(\.rawValue))) else { return nil }
        var ranges: [Weekday: [TimeRange]] = [:]
        var ok = true
        for day in Weekday.allCases {
            guard let raw = f.values[day.rawValue] else { continue }
            guard let text = text(raw, f.at(day.rawValue)) else { ok = false; continue }
            guard let parsed = OpeningHours.parseDay(text) else {
                fail(f.at(day.rawValue), .invalidOpeningHours(text))
                ok = false
                continue
            }
            ranges[day] = parsed
        }
        return ok ? OpeningHours(ranges) : nil
    }

    func agent(_ value: JSONValue, _ path: String) -> Agent? {
        guard let f = object(value, path, keys: ["code", "name", "weekly_hours", "rtt_days_per_year", "annual_cost",
                                                  "hourly_cost", "rota", "absences"]) else { return nil }
        let hourly = f.nullable("hourly_cost", optionalKey: true) { value, at in self.text(value, at).flatMap { self.money($0, at) } }
        let code = f.text("code")
        let name = f.text("name")
        let weekly = f.duration("weekly_hours")
        let rtt = f.integer("rtt_days_per_year")
        let cost = f.nullable("annual_cost") { value, at in self.text(value, at).flatMap { self.money($0, at) } }
        let rota = each(f.list("rota"), f.at("rota"), rotaEntry)
        let absences = each(f.list("absences"), f.at("absences"), absence)
        guard let code, let name, let weekly, let rtt, cost.ok, hourly.ok, let rota, let absences else { return nil }
        return Agent(code: code, name: name, weeklyMinutes: weekly, rttDaysPerYear: rtt, annualCostCents: cost.value,
                     hourlyCostCents: hourly.value, rota: rota, absences: absences)
    }

    func rotaEntry(_ value: JSONValue, _ path: String) -> RotaEntry? {
        guard let f = object(value, path, keys: ["member", "day", "from", "to"]) else { return nil }
        let member = f.text("member")
        let day = f.code("day", Weekday.self)
        let from = f.text("from").flatMap { clock($0, f.at("from")) }
        let to = f.text("to").flatMap { clock($0, f.at("to")) }
        guard let member, let day, let from, let to else { return nil }
        return RotaEntry(member: member, day: day, time: TimeRange(start: from, end: to))
    }

    func absence(_ value: JSONValue, _ path: String) -> Absence? {
        guard let f = object(value, path, keys: ["from", "to", "kind"]) else { return nil }
        let from = f.date("from")
        let to = f.date("to")
        let kind = f.code("kind", AbsenceKind.self)
        guard let from, let to, let kind else { return nil }
        return Absence(from: from, to: to, kind: kind)
    }

    func request(_ value: JSONValue, _ path: String) -> (request: ReplacementRequest, assigned: String?)? {
        guard let f = object(value, path, keys: ["id", "member", "motive", "received", "start", "end",
                                                  "hours_per_week", "exceptional", "missions", "assigned_agent",
                                                  "renews", "staff_fte", "answer"]) else { return nil }
        let assigned = f.nullable("assigned_agent", optionalKey: true, text)
        let missions = f.nullable("missions", optionalKey: true, text)
        let renews = f.nullable("renews", optionalKey: true, text)
        let staff = f.nullable("staff_fte", optionalKey: true) { value, at in
            self.text(value, at).flatMap { text in
                StaffFTE.isValid(text) ? text : { self.fail(at, .invalidDecimal(text)); return nil }()
            }
        }
        let answer = f.nullable("answer", optionalKey: true, requestAnswer)
        let id = f.text("id")
        let member = f.text("member")
        let motive = f.code("motive", Motive.self)
        let received = f.date("received")
        let start = f.date("start")
        let end = f.date("end")
        let weekly = f.duration("hours_per_week")
        let exceptional = f.bool("exceptional")
        guard let id, let member, let motive, let received, let start, let end, let weekly, let exceptional, assigned.ok, missions.ok,
              renews.ok, staff.ok, answer.ok
        else { return nil }
        return (ReplacementRequest(id: id, member: member, motive: motive, received: received, start: start, end: end,
                                   minutesPerWeek: weekly, exceptional: exceptional, missions: missions.value,
                                   renews: renews.value, staffFTE: staff.value, answer: answer.value), assigned.value)
    }

    func requestAnswer(_ value: JSONValue, _ path: String) -> RequestAnswer? {
        guard let f = object(value, path, keys: ["date", "text"]) else { return nil }
        let date = f.date("date")
        let text = f.text("text")
        guard let date, let text else { return nil }
        return RequestAnswer(date: date, text: text)
    }

    func timeEntry(_ value: JSONValue, _ path: String) -> TimeEntry? {
        guard let f = object(value, path, keys: ["id", "agent", "member", "date", "hours", "request", "validated"]) else { return nil }
        let id = f.nullable("id", optionalKey: true, integer)
        let agent = f.text("agent")
        let member = f.text("member")
        let date = f.date("date")
        let minutes = f.duration("hours")
        let request = f.nullable("request", text)
        let validated = f.bool("validated")
        guard id.ok, let agent, let member, let date, let minutes, request.ok, let validated else { return nil }
        return TimeEntry(id: id.value.map(Int64.init), agent: agent, member: member, date: date, minutes: minutes,
                         request: request.value, validated: validated)
    }
}

extension TerritoryDecoder {
    /// The convention kept in `service.convention` (the JSON the file's `service.convention`
    /// holds); seed 002's when there is none.
    static func storedConvention(_ text: String?) -> Convention {
        guard let text, let root = try? JSONValue.parse(Data(text.utf8)) else { return .standard }
        return Reader().convention(root, "service.convention") ?? .standard
    }
}

extension TerritoryEncoder {
    /// What `service.convention` keeps: the settings the service gave; nil when none.
    static func storedConvention(_ c: Convention) -> String? {
        c.given.isEmpty ? nil : convention(c).rendered()
    }
}
