import Domain

/// Writes a `Territory` as a `releve/1` document, keys in the documented order.
public enum TerritoryEncoder {
    public static func encode(_ t: Territory) -> String {
        var out = JSONStream(capacity: 1 << 20)
        out.beginObject()
        out.field("format", TerritoryDecoder.format)
        out.key("service")
        service(t.service).write(to: &out)
        out.key("tariffs")
        JSONOutput.array(t.tariffs.map(tariff)).write(to: &out)
        out.key("members")
        JSONOutput.array(t.members.map(member)).write(to: &out)
        out.key("agents")
        JSONOutput.array(t.agents.map(agent)).write(to: &out)
        out.key("requests")
        var assigned: [String: String] = [:]
        for a in t.assignments { assigned[a.request] = a.agent }
        JSONOutput.array(t.requests.map { request($0, assigned: assigned[$0.id]) }).write(to: &out)
        // Hours are the bulk of a territory: streamed without building a tree.
        out.key("time_entries")
        out.beginArray()
        for e in t.timeEntries {
            out.beginObject()
            if let id = e.id { out.field("id", Int(id)) }
            out.field("agent", e.agent)
            out.field("member", e.member)
            out.field("date", e.date.iso)
            out.field("hours", DurationText.format(e.minutes))
            out.field("request", e.request)
            out.field("validated", e.validated)
            out.endObject()
        }
        out.endArray()
        // Only when there are some: files from before evaluations round-trip byte for byte.
        if !t.evaluations.isEmpty {
            out.key("evaluations")
            JSONOutput.array(t.evaluations.map(evaluation)).write(to: &out)
        }
        if !t.people.isEmpty {
            out.key("people")
            JSONOutput.array(t.people.map(person)).write(to: &out)
        }
        if !t.helpline.isEmpty {
            out.key("helpline")
            JSONOutput.array(t.helpline.map(helplineCall)).write(to: &out)
        }
        out.endObject()
        return out.finish()
    }

    static func helplineCall(_ c: HelplineCall) -> JSONOutput {
        let optional = { (s: String?) in s.map(JSONOutput.string) ?? .null }
        return .object([("id", .string(c.id)), ("at", .string(c.at)), ("caller", optional(c.caller)), ("member", optional(c.member)),
                        ("domain", .string(c.domain.rawValue)), ("summary", .string(c.summary)), ("answered_by", optional(c.answeredBy)),
                        ("minutes", .integer(c.minutes)), ("status", .string(c.status.rawValue)), ("answer", optional(c.answer))])
    }

    static func person(_ p: Person) -> JSONOutput {
        let optional = { (s: String?) in s.map(JSONOutput.string) ?? .null }
        return .object([("id", .string(p.id)), ("name", .string(p.name)), ("role", .string(p.role.rawValue)),
                        ("member", optional(p.member)), ("agent", optional(p.agent)), ("phone", optional(p.phone)),
                        ("email", optional(p.email)), ("referent", .bool(p.referent)),
                        ("domains", .array(p.domains.map { .string($0.rawValue) }))])
    }

    static func evaluation(_ e: Evaluation) -> JSONOutput {
        .object([
            ("request", .string(e.request)),
            ("received", .string(e.received.iso)),
            ("scores", .object(EvaluationCriterion.allCases.map { ($0.rawValue, .integer(e.scores[$0])) })),
            ("again", .bool(e.again)),
        ] + (e.comment.map { [("comment", JSONOutput.string($0))] } ?? []))
    }

    /// The membership papers that are known, in the order of territory-format.md.
    static func membership(_ p: Membership) -> [(String, JSONOutput)] {
        let fields: [(String, JSONOutput?)] = [
            ("deliberation_date", p.deliberationDate.map { .string($0.iso) }),
            ("hosts_immersion", p.hostsImmersion.map(JSONOutput.bool)),
            ("referent_volunteer", p.referentVolunteer.map(JSONOutput.bool)),
            ("non_recruitment_until", p.nonRecruitmentUntil.map { .string($0.iso) }),
            ("left_on", p.leftOn.map { .string($0.iso) }),
            ("left_ground", p.leftGround.map { .string($0.rawValue) }),
            ("mayor", p.mayor.map(JSONOutput.string)),
            ("address", p.address.map(JSONOutput.string)),
            ("phone", p.phone.map(JSONOutput.string)),
            ("email", p.email.map(JSONOutput.string)),
        ]
        return fields.compactMap { key, value in value.map { (key, $0) } }
    }

    static func service(_ s: ServiceSettings) -> JSONOutput {
        var fields: [(String, JSONOutput)] = [
            ("name", .string(s.name)),
            ("holidays", .string(s.holidays.rawValue)),
            ("billing", .string(s.billing.rawValue)),
            ("annual_working_days", .integer(s.annualWorkingDays)),
        ]
        // Optional settings appear only when set, so a file without them round-trips as it was.
        let optional: [(String, JSONOutput?)] = [
            ("epci", s.epci.map(JSONOutput.string)), ("issuer_name", s.issuerName.map(JSONOutput.string)),
            ("issuer_title", s.issuerTitle.map(JSONOutput.string)), ("legal_basis", s.legalBasis.map(JSONOutput.string)),
            ("address", s.address.map(JSONOutput.string)), ("payment_days", s.paymentDays.map(JSONOutput.integer)),
            ("accountant", s.accountant.map(JSONOutput.string)),
            ("convention", s.convention.given.isEmpty ? nil : convention(s.convention)),
            ("convention_end", s.conventionEnd.map { JSONOutput.string($0.iso) }),
        ]
        for (key, value) in optional { if let value { fields.append((key, value)) } }
        return .object(fields)
    }

    /// The settings the service gave, in the order of rules.md §7.
    static func convention(_ c: Convention) -> JSONOutput {
        .object(c.given.map { key in
            switch c.value(key) {
            case .integer(let n): return (key.rawValue, .integer(n))
            case .bool(let b): return (key.rawValue, .bool(b))
            case .text(let t): return (key.rawValue, .string(t))
            case .null: return (key.rawValue, .null)
            }
        })
    }

    static func tariff(_ t: Tariff) -> JSONOutput {
        var extra: [(String, JSONOutput)] = []
        if let d = t.dayRate {
            extra += [("day_rate", .string(MoneyText.format(d.dayRateCents))), ("day_hours", .string(DurationText.format(d.dayMinutes))),
                      ("extra_hourly_rate", .string(MoneyText.format(d.extraHourlyRateCents)))]
        }
        if let a = t.agentCost {
            extra += [("cost_coefficient", .string(AgentCostRate.coefficientText(a.coefficientHundredths))),
                      ("monthly_agent_fee", .string(MoneyText.format(a.monthlyAgentFeeCents)))]
        }
        return .object([
            ("year", .integer(t.year)),
            ("hourly_rate", .string(MoneyText.format(t.hourlyRateCents))),
            ("hours_per_day", .string(DurationText.format(t.minutesPerDay))),
            ("fee_exempt", .bool(t.feeExempt)),
            ("bands", .array(t.bands.map { band in
                .object([
                    ("min_population", .integer(band.minPopulation)),
                    ("max_population", .optional(band.maxPopulation)),
                    ("annual_fee", .string(MoneyText.format(band.annualFeeCents))),
                    ("prepaid_days", .integer(band.prepaidDays)),
                ])
            })),
        ] + extra)
    }

    static func member(_ m: Member) -> JSONOutput {
        .object([
            ("code", .string(m.code)),
            ("name", .string(m.name)),
            ("kind", .string(m.kind.rawValue)),
            ("population", .integer(m.population)),
            ("single_part_time_secretary", .bool(m.singlePartTimeSecretary)),
            ("member_since", .string(m.memberSince.iso)),
            ("member_until", .optional(m.memberUntil?.iso)),
            ("referent_agent", .optional(m.referentAgent)),
            ("substitute_agent", .optional(m.substituteAgent)),
            ("last_summer_replacement", .optional(m.lastSummerReplacement)),
        ] + membership(m.membership) + [
            ("opening_hours", .object(Weekday.allCases.compactMap { day in
                m.openingHours.on(day).isEmpty ? nil : (day.rawValue, .string(m.openingHours.text(day)))
            })),
        ])
    }

    static func agent(_ a: Agent) -> JSONOutput {
        .object([
            ("code", .string(a.code)),
            ("name", .string(a.name)),
            ("weekly_hours", .string(DurationText.format(a.weeklyMinutes))),
            ("rtt_days_per_year", .integer(a.rttDaysPerYear)),
            ("annual_cost", .optional(a.annualCostCents.map(MoneyText.format))),
        ] + (a.hourlyCostCents.map { [("hourly_cost", JSONOutput.string(MoneyText.format($0)))] } ?? []) + [
            ("rota", .array(a.rota.map { entry in
                .object([
                    ("member", .string(entry.member)),
                    ("day", .string(entry.day.rawValue)),
                    ("from", .string(ClockText.format(entry.time.start))),
                    ("to", .string(ClockText.format(entry.time.end))),
                ])
            })),
            ("absences", .array(a.absences.map { absence in
                .object([
                    ("from", .string(absence.from.iso)),
                    ("to", .string(absence.to.iso)),
                    ("kind", .string(absence.kind.rawValue)),
                ])
            })),
        ])
    }

    /// `assigned_agent` only when set: files without assignments round-trip byte for byte.
    static func request(_ r: ReplacementRequest, assigned: String? = nil) -> JSONOutput {
        .object([
            ("id", .string(r.id)),
            ("member", .string(r.member)),
            ("motive", .string(r.motive.rawValue)),
            ("received", .string(r.received.iso)),
            ("start", .string(r.start.iso)),
            ("end", .string(r.end.iso)),
            ("hours_per_week", .string(DurationText.format(r.minutesPerWeek))),
            ("exceptional", .bool(r.exceptional)),
        ] + (r.missions.map { [("missions", JSONOutput.string($0))] } ?? [])
          + (assigned.map { [("assigned_agent", JSONOutput.string($0))] } ?? [])
          + (r.renews.map { [("renews", JSONOutput.string($0))] } ?? [])
          + (r.staffFTE.map { [("staff_fte", JSONOutput.string($0))] } ?? [])
          + (r.answer.map { [("answer", JSONOutput.object([("date", .string($0.date.iso)), ("text", .string($0.text))]))] } ?? []))
    }
}
