import GRDB

/// The database schema as versioned migrations. A migration never changes once shipped:
/// a new need is a new migration appended at the end.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-territory") { db in
            try db.execute(sql: v1Territory)
        }
        migrator.registerMigration("v2-invoices") { db in
            try db.execute(sql: v2Invoices)
        }
        migrator.registerMigration("v3-stored-plan") { db in
            try db.execute(sql: v3StoredPlan)
        }
        migrator.registerMigration("v4-access") { db in
            try db.execute(sql: v4Access)
        }
        migrator.registerMigration("v5-keyed-audit") { db in
            try v5KeyedAudit(db)
        }
        migrator.registerMigration("v6-incremental-plan") { db in
            try db.execute(sql: v6IncrementalPlan)
        }
        migrator.registerMigration("v7-parent-versions") { db in
            try db.execute(sql: v7ParentVersions)
        }
        migrator.registerMigration("v8-plan-by-month") { db in
            try db.execute(sql: v8PlanByMonth)
        }
        migrator.registerMigration("v9-contract-versions") { db in
            try db.execute(sql: v9ContractVersions)
        }
        migrator.registerMigration("v10-who-went-first") { db in
            // Decisions now keep who was served before a request left short: the stored plan
            // is recomputed at the next read.
            try db.execute(sql: "UPDATE plan_state SET plan_version = plan_version - 1 WHERE id = 1")
        }
        migrator.registerMigration("v11-assignments") { db in
            try db.execute(sql: v11Assignments)
        }
        migrator.registerMigration("v12-request-missions") { db in
            try db.execute(sql: v12RequestMissions)
        }
        migrator.registerMigration("v13-convention") { db in
            try db.execute(sql: v13Convention)
        }
        migrator.registerMigration("v14-partial-payments") { db in
            try db.execute(sql: v14PartialPayments)
        }
        migrator.registerMigration("v15-billing-periods") { db in
            try db.execute(sql: v15BillingPeriods)
        }
        migrator.registerMigration("v16-closing-the-loop") { db in
            try db.execute(sql: v16ClosingTheLoop)
        }
        migrator.registerMigration("v17-directory") { db in
            try db.execute(sql: v17Directory)
        }
        migrator.registerMigration("v18-helpline") { db in
            try db.execute(sql: v18Helpline)
        }
        return migrator
    }

    /// Dates are ISO text that SQLite itself agrees is a real day (`date(x, '+0 days') IS x` refuses
    /// 2023-02-30); money is integer cents; durations integer minutes; every row that a
    /// user edits carries a `version` for detecting concurrent edits.
    static let v1Territory = """
        CREATE TABLE service (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            holidays TEXT NOT NULL CHECK (holidays IN ('france', 'alsace-moselle')),
            billing TEXT NOT NULL CHECK (billing IN ('fee_and_hourly', 'prorata_cost')),
            annual_working_days INTEGER NOT NULL CHECK (annual_working_days BETWEEN 1 AND 366),
            epci TEXT,
            issuer_name TEXT,
            issuer_title TEXT,
            legal_basis TEXT,
            address TEXT,
            payment_days INTEGER CHECK (payment_days IS NULL OR payment_days BETWEEN 0 AND 365),
            accountant TEXT,
            version INTEGER NOT NULL DEFAULT 1
        );
        INSERT INTO service (id, name, holidays, billing, annual_working_days)
            VALUES (1, 'Service commun de remplacement des secrétaires de mairie', 'france', 'fee_and_hourly', 228);

        CREATE TABLE tariff (
            year INTEGER PRIMARY KEY CHECK (year BETWEEN 1900 AND 2200),
            hourly_rate_cents INTEGER NOT NULL CHECK (hourly_rate_cents >= 0),
            minutes_per_day INTEGER NOT NULL CHECK (minutes_per_day BETWEEN 1 AND 1440),
            fee_exempt INTEGER NOT NULL CHECK (fee_exempt IN (0, 1)),
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE tariff_band (
            year INTEGER NOT NULL REFERENCES tariff(year) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            min_population INTEGER NOT NULL CHECK (min_population >= 0),
            max_population INTEGER CHECK (max_population IS NULL OR max_population >= min_population),
            annual_fee_cents INTEGER NOT NULL CHECK (annual_fee_cents >= 0),
            prepaid_days INTEGER NOT NULL CHECK (prepaid_days BETWEEN 0 AND 366),
            PRIMARY KEY (year, position)
        );

        CREATE TABLE agent (
            code TEXT PRIMARY KEY CHECK (length(trim(code)) > 0),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            weekly_minutes INTEGER NOT NULL CHECK (weekly_minutes BETWEEN 1 AND 3600),
            rtt_days_per_year INTEGER NOT NULL CHECK (rtt_days_per_year BETWEEN 0 AND 366),
            annual_cost_cents INTEGER CHECK (annual_cost_cents IS NULL OR annual_cost_cents >= 0),
            version INTEGER NOT NULL DEFAULT 1
        );

        CREATE TABLE member (
            code TEXT PRIMARY KEY CHECK (length(trim(code)) > 0),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            kind TEXT NOT NULL CHECK (kind IN ('commune', 'afp', 'other')),
            population INTEGER NOT NULL CHECK (population >= 0),
            single_part_time_secretary INTEGER NOT NULL CHECK (single_part_time_secretary IN (0, 1)),
            member_since TEXT NOT NULL CHECK (date(member_since, '+0 days') IS member_since),
            member_until TEXT CHECK (member_until IS NULL
                OR (date(member_until, '+0 days') IS member_until AND member_until >= member_since)),
            referent_agent TEXT REFERENCES agent(code) ON UPDATE CASCADE ON DELETE SET NULL,
            substitute_agent TEXT REFERENCES agent(code) ON UPDATE CASCADE ON DELETE SET NULL,
            last_summer_replacement INTEGER CHECK (last_summer_replacement IS NULL
                OR last_summer_replacement BETWEEN 1900 AND 2200),
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX member_name ON member(name);

        CREATE TABLE opening_range (
            member TEXT NOT NULL REFERENCES member(code) ON UPDATE CASCADE ON DELETE CASCADE,
            weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
            start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
            end_minute INTEGER NOT NULL CHECK (end_minute > start_minute AND end_minute <= 1440),
            PRIMARY KEY (member, weekday, start_minute)
        );

        CREATE TABLE rota_entry (
            id INTEGER PRIMARY KEY,
            agent TEXT NOT NULL REFERENCES agent(code) ON UPDATE CASCADE ON DELETE CASCADE,
            member TEXT NOT NULL REFERENCES member(code) ON UPDATE CASCADE ON DELETE CASCADE,
            weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
            start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
            end_minute INTEGER NOT NULL CHECK (end_minute > start_minute AND end_minute <= 1440)
        );
        CREATE INDEX rota_entry_agent ON rota_entry(agent, weekday);
        CREATE INDEX rota_entry_member ON rota_entry(member);

        CREATE TABLE absence (
            id INTEGER PRIMARY KEY,
            agent TEXT NOT NULL REFERENCES agent(code) ON UPDATE CASCADE ON DELETE CASCADE,
            from_date TEXT NOT NULL CHECK (date(from_date, '+0 days') IS from_date),
            to_date TEXT NOT NULL CHECK (date(to_date, '+0 days') IS to_date AND to_date >= from_date),
            kind TEXT NOT NULL CHECK (kind IN ('conges', 'formation', 'maladie', 'maternite', 'accident', 'autre'))
        );
        CREATE INDEX absence_agent ON absence(agent, from_date);
        CREATE INDEX absence_span ON absence(from_date, to_date);

        CREATE TABLE request (
            id TEXT PRIMARY KEY CHECK (length(trim(id)) > 0),
            member TEXT NOT NULL REFERENCES member(code) ON UPDATE CASCADE ON DELETE RESTRICT,
            motive TEXT NOT NULL CHECK (motive IN ('maladie', 'maternite', 'accident', 'retraite',
                'conges_exceptionnels', 'enfant_malade', 'autre_absence', 'mission_particuliere',
                'surcroit', 'conges_ete')),
            received TEXT NOT NULL CHECK (date(received, '+0 days') IS received),
            start_date TEXT NOT NULL CHECK (date(start_date, '+0 days') IS start_date),
            end_date TEXT NOT NULL CHECK (date(end_date, '+0 days') IS end_date),
            minutes_per_week INTEGER NOT NULL CHECK (minutes_per_week BETWEEN 1 AND 3600),
            exceptional INTEGER NOT NULL CHECK (exceptional IN (0, 1)),
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX request_member ON request(member);
        CREATE INDEX request_span ON request(start_date, end_date);

        CREATE TABLE time_entry (
            id INTEGER PRIMARY KEY,
            agent TEXT NOT NULL REFERENCES agent(code) ON UPDATE CASCADE ON DELETE RESTRICT,
            member TEXT NOT NULL REFERENCES member(code) ON UPDATE CASCADE ON DELETE RESTRICT,
            date TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
            minutes INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
            request TEXT REFERENCES request(id) ON UPDATE CASCADE ON DELETE RESTRICT,
            validated INTEGER NOT NULL DEFAULT 0 CHECK (validated IN (0, 1)),
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX time_entry_agent_date ON time_entry(agent, date);
        CREATE INDEX time_entry_member_date ON time_entry(member, date);
        CREATE INDEX time_entry_request ON time_entry(request);
        CREATE INDEX time_entry_date ON time_entry(date);

        -- No agent works more than 24:00 in a day, whoever writes the hours.
        CREATE TRIGGER time_entry_day_limit_insert BEFORE INSERT ON time_entry
        WHEN (SELECT coalesce(sum(minutes), 0) FROM time_entry
              WHERE agent = NEW.agent AND date = NEW.date) + NEW.minutes > 1440
        BEGIN SELECT RAISE(ABORT, 'more than 24:00 for one agent on one day'); END;
        CREATE TRIGGER time_entry_day_limit_update BEFORE UPDATE OF agent, date, minutes ON time_entry
        WHEN (SELECT coalesce(sum(minutes), 0) FROM time_entry
              WHERE agent = NEW.agent AND date = NEW.date AND id <> OLD.id) + NEW.minutes > 1440
        BEGIN SELECT RAISE(ABORT, 'more than 24:00 for one agent on one day'); END;
        """

    /// Issued invoices and credit notes (rules.md §6.3): numbered without gaps per series and
    /// year, and frozen: their lines and hours statement are copies, and triggers refuse any change
    /// but recording the payment once.
    static let v2Invoices = """
        CREATE TABLE invoice (
            number TEXT PRIMARY KEY,
            series TEXT NOT NULL CHECK (series IN ('invoice', 'credit_note')),
            year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200),
            sequence INTEGER NOT NULL CHECK (sequence >= 1),
            member TEXT NOT NULL REFERENCES member(code),
            member_name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('annual_fee', 'hours', 'prorata_cost', 'credit_note')),
            request TEXT,
            issued TEXT NOT NULL CHECK (date(issued, '+0 days') IS issued),
            due TEXT NOT NULL CHECK (date(due, '+0 days') IS due AND due >= issued),
            total_cents INTEGER NOT NULL,
            cancels TEXT REFERENCES invoice(number),
            reason TEXT,
            paid TEXT CHECK (paid IS NULL OR (date(paid, '+0 days') IS paid)),
            UNIQUE (series, year, sequence),
            CHECK ((kind = 'credit_note') = (series = 'credit_note')),
            CHECK (kind <> 'credit_note' OR (cancels IS NOT NULL AND length(trim(reason)) > 0 AND paid IS NULL))
        );
        CREATE UNIQUE INDEX invoice_cancelled_once ON invoice(cancels) WHERE cancels IS NOT NULL;
        CREATE INDEX invoice_member ON invoice(member, year);
        CREATE INDEX invoice_key ON invoice(year, member, kind, request);

        CREATE TABLE invoice_line (
            invoice TEXT NOT NULL REFERENCES invoice(number),
            position INTEGER NOT NULL CHECK (position >= 0),
            type TEXT NOT NULL CHECK (type IN ('fee', 'hours', 'prepaid', 'rtt', 'cost')),
            label TEXT NOT NULL,
            minutes INTEGER,
            unit_price_cents INTEGER NOT NULL,
            amount_cents INTEGER NOT NULL,
            PRIMARY KEY (invoice, position)
        );

        CREATE TABLE invoice_statement (
            invoice TEXT NOT NULL REFERENCES invoice(number),
            position INTEGER NOT NULL CHECK (position >= 0),
            date TEXT NOT NULL,
            agent TEXT NOT NULL,
            agent_name TEXT NOT NULL,
            minutes INTEGER NOT NULL CHECK (minutes > 0),
            request TEXT,
            PRIMARY KEY (invoice, position)
        );

        CREATE TRIGGER invoice_frozen BEFORE UPDATE OF number, series, year, sequence, member, member_name,
            kind, request, issued, due, total_cents, cancels, reason ON invoice
        BEGIN SELECT RAISE(ABORT, 'issued invoices never change'); END;
        CREATE TRIGGER invoice_paid_once BEFORE UPDATE OF paid ON invoice WHEN OLD.paid IS NOT NULL
        BEGIN SELECT RAISE(ABORT, 'payment already recorded'); END;
        CREATE TRIGGER invoice_kept BEFORE DELETE ON invoice
        BEGIN SELECT RAISE(ABORT, 'issued invoices never change'); END;
        CREATE TRIGGER invoice_line_frozen BEFORE UPDATE ON invoice_line
        BEGIN SELECT RAISE(ABORT, 'issued invoices never change'); END;
        CREATE TRIGGER invoice_line_kept BEFORE DELETE ON invoice_line
        BEGIN SELECT RAISE(ABORT, 'issued invoices never change'); END;
        CREATE TRIGGER invoice_statement_frozen BEFORE UPDATE ON invoice_statement
        BEGIN SELECT RAISE(ABORT, 'issued invoices never change'); END;
        CREATE TRIGGER invoice_statement_kept BEFORE DELETE ON invoice_statement
        BEGIN SELECT RAISE(ABORT, 'issued invoices never change'); END;
        """

    /// The arbitration's results, kept so that the interface reads what it shows instead of
    /// arbitrating the whole territory (see PlanStore.swift). `plan_state` holds two counters:
    /// triggers bump `territory_version` whenever a table the arbitration reads changes, and
    /// `plan_version` is set to it when the plan is recomputed; they differ while the plan is stale.
    /// Agents and members are kept in display order (accent-folded name, then code) for windowed reads.
    static let v3StoredPlan = """
        CREATE TABLE plan_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            territory_version INTEGER NOT NULL,
            plan_version INTEGER NOT NULL
        );
        INSERT INTO plan_state (id, territory_version, plan_version) VALUES (1, 1, 0);

        CREATE TABLE plan_decision (
            request TEXT PRIMARY KEY,
            position INTEGER NOT NULL,
            implicit INTEGER NOT NULL CHECK (implicit IN (0, 1)),
            member TEXT NOT NULL,
            motive TEXT NOT NULL,
            received TEXT NOT NULL,
            start_date TEXT NOT NULL,
            end_date TEXT NOT NULL,
            minutes_per_week INTEGER NOT NULL,
            exceptional INTEGER NOT NULL,
            small INTEGER NOT NULL,
            status TEXT NOT NULL,
            needed_minutes INTEGER NOT NULL,
            served_minutes INTEGER NOT NULL,
            preempted_on TEXT,
            capped INTEGER NOT NULL,
            effective_end TEXT NOT NULL,
            reasons TEXT NOT NULL
        );
        CREATE INDEX plan_decision_position ON plan_decision(position);
        CREATE INDEX plan_decision_member ON plan_decision(member);

        CREATE TABLE plan_period (
            request TEXT NOT NULL,
            position INTEGER NOT NULL,
            from_date TEXT NOT NULL,
            to_date TEXT NOT NULL,
            agent TEXT NOT NULL,
            minutes_per_day INTEGER NOT NULL,
            PRIMARY KEY (request, position)
        ) WITHOUT ROWID;

        CREATE TABLE plan_work (
            agent TEXT NOT NULL,
            date TEXT NOT NULL,
            position INTEGER NOT NULL,
            request TEXT NOT NULL,
            member TEXT NOT NULL,
            minutes INTEGER NOT NULL,
            PRIMARY KEY (agent, date, position)
        ) WITHOUT ROWID;
        CREATE INDEX plan_work_member ON plan_work(member, date);
        CREATE INDEX plan_work_date ON plan_work(date, member);

        CREATE TABLE plan_agent (position INTEGER PRIMARY KEY, code TEXT NOT NULL, folded TEXT NOT NULL);
        CREATE INDEX plan_agent_code ON plan_agent(code);
        CREATE TABLE plan_member (position INTEGER PRIMARY KEY, code TEXT NOT NULL, folded TEXT NOT NULL);
        CREATE INDEX plan_member_code ON plan_member(code);

        CREATE TRIGGER plan_stale_service AFTER UPDATE ON service
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_agent_insert AFTER INSERT ON agent
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_agent_update AFTER UPDATE ON agent
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_agent_delete AFTER DELETE ON agent
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_member_insert AFTER INSERT ON member
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_member_update AFTER UPDATE ON member
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_member_delete AFTER DELETE ON member
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_rota_insert AFTER INSERT ON rota_entry
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_rota_update AFTER UPDATE ON rota_entry
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_rota_delete AFTER DELETE ON rota_entry
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_absence_insert AFTER INSERT ON absence
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_absence_update AFTER UPDATE ON absence
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_absence_delete AFTER DELETE ON absence
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_request_insert AFTER INSERT ON request
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_request_update AFTER UPDATE ON request
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_request_delete AFTER DELETE ON request
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        """

    /// Access control and traceability (issue 5): agents' PINs (slow salted hashes, lockout),
    /// Unix logins and their roles, closed months, and the audit trail. Every change to a
    /// territory, hours, invoices, users, PINs or closed months is appended to `audit` by these
    /// triggers, with the row before and after as JSON; the application then fills in who did it
    /// and chains each row's SHA-256 to the previous one (`AuditTrail`), so `releve check` finds
    /// any audit row edited or deleted by hand, and any change made behind the application's back.
    /// Bulk imports switch the row-level log off (`audit_mode.row_level = 0`) and write one summary
    /// row instead. A closed month refuses any change to its hours.
    static let v4Access = """
        CREATE TABLE agent_pin (
            agent TEXT PRIMARY KEY REFERENCES agent(code) ON UPDATE CASCADE ON DELETE CASCADE,
            salt BLOB NOT NULL,
            hash BLOB NOT NULL,
            iterations INTEGER NOT NULL CHECK (iterations > 0),
            failures INTEGER NOT NULL DEFAULT 0 CHECK (failures >= 0),
            locked_until TEXT,
            changed_at TEXT NOT NULL
        );

        CREATE TABLE app_user (
            login TEXT PRIMARY KEY CHECK (length(trim(login)) > 0),
            role TEXT NOT NULL CHECK (role IN ('coordinator', 'observer'))
        );

        CREATE TABLE month_lock (
            month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
            closed_by TEXT NOT NULL
        );
        CREATE TRIGGER month_lock_time_entry_insert BEFORE INSERT ON time_entry
        WHEN EXISTS (SELECT 1 FROM month_lock WHERE month = substr(NEW.date, 1, 7))
        BEGIN SELECT RAISE(ABORT, 'month closed'); END;
        CREATE TRIGGER month_lock_time_entry_update BEFORE UPDATE ON time_entry
        WHEN EXISTS (SELECT 1 FROM month_lock WHERE month IN (substr(OLD.date, 1, 7), substr(NEW.date, 1, 7)))
        BEGIN SELECT RAISE(ABORT, 'month closed'); END;
        CREATE TRIGGER month_lock_time_entry_delete BEFORE DELETE ON time_entry
        WHEN EXISTS (SELECT 1 FROM month_lock WHERE month = substr(OLD.date, 1, 7))
        BEGIN SELECT RAISE(ABORT, 'month closed'); END;

        CREATE TABLE audit_mode (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            row_level INTEGER NOT NULL CHECK (row_level IN (0, 1))
        );
        INSERT INTO audit_mode (id, row_level) VALUES (1, 1);

        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT,
            entity TEXT NOT NULL,
            key TEXT NOT NULL,
            action TEXT NOT NULL,
            before TEXT,
            after TEXT,
            hash TEXT
        );
        CREATE INDEX audit_entity ON audit(entity, key);
        CREATE INDEX audit_unchained ON audit(id) WHERE hash IS NULL;

        -- The last chained row, so that deleting the newest audit rows is found too.
        CREATE TABLE audit_head (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            last_id INTEGER NOT NULL,
            last_hash TEXT NOT NULL
        );

        CREATE TRIGGER audit_service_insert AFTER INSERT ON service
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'service', '1', 'insert', NULL, json_object('name', NEW.name, 'holidays', NEW.holidays, 'billing', NEW.billing, 'annual_working_days', NEW.annual_working_days, 'epci', NEW.epci, 'issuer_name', NEW.issuer_name, 'issuer_title', NEW.issuer_title, 'legal_basis', NEW.legal_basis, 'address', NEW.address, 'payment_days', NEW.payment_days, 'accountant', NEW.accountant)); END;
        CREATE TRIGGER audit_service_update AFTER UPDATE ON service
        WHEN (SELECT row_level FROM audit_mode) = 1 AND json_object('name', OLD.name, 'holidays', OLD.holidays, 'billing', OLD.billing, 'annual_working_days', OLD.annual_working_days, 'epci', OLD.epci, 'issuer_name', OLD.issuer_name, 'issuer_title', OLD.issuer_title, 'legal_basis', OLD.legal_basis, 'address', OLD.address, 'payment_days', OLD.payment_days, 'accountant', OLD.accountant) IS NOT json_object('name', NEW.name, 'holidays', NEW.holidays, 'billing', NEW.billing, 'annual_working_days', NEW.annual_working_days, 'epci', NEW.epci, 'issuer_name', NEW.issuer_name, 'issuer_title', NEW.issuer_title, 'legal_basis', NEW.legal_basis, 'address', NEW.address, 'payment_days', NEW.payment_days, 'accountant', NEW.accountant)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'service', '1', 'update', json_object('name', OLD.name, 'holidays', OLD.holidays, 'billing', OLD.billing, 'annual_working_days', OLD.annual_working_days, 'epci', OLD.epci, 'issuer_name', OLD.issuer_name, 'issuer_title', OLD.issuer_title, 'legal_basis', OLD.legal_basis, 'address', OLD.address, 'payment_days', OLD.payment_days, 'accountant', OLD.accountant), json_object('name', NEW.name, 'holidays', NEW.holidays, 'billing', NEW.billing, 'annual_working_days', NEW.annual_working_days, 'epci', NEW.epci, 'issuer_name', NEW.issuer_name, 'issuer_title', NEW.issuer_title, 'legal_basis', NEW.legal_basis, 'address', NEW.address, 'payment_days', NEW.payment_days, 'accountant', NEW.accountant)); END;
        CREATE TRIGGER audit_service_delete AFTER DELETE ON service
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'service', '1', 'delete', json_object('name', OLD.name, 'holidays', OLD.holidays, 'billing', OLD.billing, 'annual_working_days', OLD.annual_working_days, 'epci', OLD.epci, 'issuer_name', OLD.issuer_name, 'issuer_title', OLD.issuer_title, 'legal_basis', OLD.legal_basis, 'address', OLD.address, 'payment_days', OLD.payment_days, 'accountant', OLD.accountant), NULL); END;
        CREATE TRIGGER audit_tariff_insert AFTER INSERT ON tariff
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'tariff', NEW.year, 'insert', NULL, json_object('hourly_rate_cents', NEW.hourly_rate_cents, 'minutes_per_day', NEW.minutes_per_day, 'fee_exempt', NEW.fee_exempt)); END;
        CREATE TRIGGER audit_tariff_update AFTER UPDATE ON tariff
        WHEN (SELECT row_level FROM audit_mode) = 1 AND json_object('hourly_rate_cents', OLD.hourly_rate_cents, 'minutes_per_day', OLD.minutes_per_day, 'fee_exempt', OLD.fee_exempt) IS NOT json_object('hourly_rate_cents', NEW.hourly_rate_cents, 'minutes_per_day', NEW.minutes_per_day, 'fee_exempt', NEW.fee_exempt)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'tariff', NEW.year, 'update', json_object('hourly_rate_cents', OLD.hourly_rate_cents, 'minutes_per_day', OLD.minutes_per_day, 'fee_exempt', OLD.fee_exempt), json_object('hourly_rate_cents', NEW.hourly_rate_cents, 'minutes_per_day', NEW.minutes_per_day, 'fee_exempt', NEW.fee_exempt)); END;
        CREATE TRIGGER audit_tariff_delete AFTER DELETE ON tariff
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'tariff', OLD.year, 'delete', json_object('hourly_rate_cents', OLD.hourly_rate_cents, 'minutes_per_day', OLD.minutes_per_day, 'fee_exempt', OLD.fee_exempt), NULL); END;
        CREATE TRIGGER audit_tariff_band_insert AFTER INSERT ON tariff_band
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'tariff_band', NEW.year || '/' || NEW.position, 'insert', NULL, json_object('min_population', NEW.min_population, 'max_population', NEW.max_population, 'annual_fee_cents', NEW.annual_fee_cents, 'prepaid_days', NEW.prepaid_days)); END;
        CREATE TRIGGER audit_tariff_band_update AFTER UPDATE ON tariff_band
        WHEN (SELECT row_level FROM audit_mode) = 1 AND json_object('min_population', OLD.min_population, 'max_population', OLD.max_population, 'annual_fee_cents', OLD.annual_fee_cents, 'prepaid_days', OLD.prepaid_days) IS NOT json_object('min_population', NEW.min_population, 'max_population', NEW.max_population, 'annual_fee_cents', NEW.annual_fee_cents, 'prepaid_days', NEW.prepaid_days)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'tariff_band', NEW.year || '/' || NEW.position, 'update', json_object('min_population', OLD.min_population, 'max_population', OLD.max_population, 'annual_fee_cents', OLD.annual_fee_cents, 'prepaid_days', OLD.prepaid_days), json_object('min_population', NEW.min_population, 'max_population', NEW.max_population, 'annual_fee_cents', NEW.annual_fee_cents, 'prepaid_days', NEW.prepaid_days)); END;
        CREATE TRIGGER audit_tariff_band_delete AFTER DELETE ON tariff_band
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'tariff_band', OLD.year || '/' || OLD.position, 'delete', json_object('min_population', OLD.min_population, 'max_population', OLD.max_population, 'annual_fee_cents', OLD.annual_fee_cents, 'prepaid_days', OLD.prepaid_days), NULL); END;
        CREATE TRIGGER audit_agent_insert AFTER INSERT ON agent
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agent', NEW.code, 'insert', NULL, json_object('name', NEW.name, 'weekly_minutes', NEW.weekly_minutes, 'rtt_days_per_year', NEW.rtt_days_per_year, 'annual_cost_cents', NEW.annual_cost_cents)); END;
        CREATE TRIGGER audit_agent_update AFTER UPDATE ON agent
        WHEN (SELECT row_level FROM audit_mode) = 1 AND json_object('name', OLD.name, 'weekly_minutes', OLD.weekly_minutes, 'rtt_days_per_year', OLD.rtt_days_per_year, 'annual_cost_cents', OLD.annual_cost_cents) IS NOT json_object('name', NEW.name, 'weekly_minutes', NEW.weekly_minutes, 'rtt_days_per_year', NEW.rtt_days_per_year, 'annual_cost_cents', NEW.annual_cost_cents)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agent', NEW.code, 'update', json_object('name', OLD.name, 'weekly_minutes', OLD.weekly_minutes, 'rtt_days_per_year', OLD.rtt_days_per_year, 'annual_cost_cents', OLD.annual_cost_cents), json_object('name', NEW.name, 'weekly_minutes', NEW.weekly_minutes, 'rtt_days_per_year', NEW.rtt_days_per_year, 'annual_cost_cents', NEW.annual_cost_cents)); END;
        CREATE TRIGGER audit_agent_delete AFTER DELETE ON agent
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agent', OLD.code, 'delete', json_object('name', OLD.name, 'weekly_minutes', OLD.weekly_minutes, 'rtt_days_per_year', OLD.rtt_days_per_year, 'annual_cost_cents', OLD.annual_cost_cents), NULL); END;
        CREATE TRIGGER audit_member_insert AFTER INSERT ON member
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'member', NEW.code, 'insert', NULL, json_object('name', NEW.name, 'kind', NEW.kind, 'population', NEW.population, 'single_part_time_secretary', NEW.single_part_time_secretary, 'member_since', NEW.member_since, 'member_until', NEW.member_until, 'referent_agent', NEW.referent_agent, 'substitute_agent', NEW.substitute_agent, 'last_summer_replacement', NEW.last_summer_replacement)); END;
        CREATE TRIGGER audit_member_update AFTER UPDATE ON member
        WHEN (SELECT row_level FROM audit_mode) = 1 AND json_object('name', OLD.name, 'kind', OLD.kind, 'population', OLD.population, 'single_part_time_secretary', OLD.single_part_time_secretary, 'member_since', OLD.member_since, 'member_until', OLD.member_until, 'referent_agent', OLD.referent_agent, 'substitute_agent', OLD.substitute_agent, 'last_summer_replacement', OLD.last_summer_replacement) IS NOT json_object('name', NEW.name, 'kind', NEW.kind, 'population', NEW.population, 'single_part_time_secretary', NEW.single_part_time_secretary, 'member_since', NEW.member_since, 'member_until', NEW.member_until, 'referent_agent', NEW.referent_agent, 'substitute_agent', NEW.substitute_agent, 'last_summer_replacement', NEW.last_summer_replacement)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'member', NEW.code, 'update', json_object('name', OLD.name, 'kind', OLD.kind, 'population', OLD.population, 'single_part_time_secretary', OLD.single_part_time_secretary, 'member_since', OLD.member_since, 'member_until', OLD.member_until, 'referent_agent', OLD.referent_agent, 'substitute_agent', OLD.substitute_agent, 'last_summer_replacement', OLD.last_summer_replacement), json_object('name', NEW.name, 'kind', NEW.kind, 'population', NEW.population, 'single_part_time_secretary', NEW.single_part_time_secretary, 'member_since', NEW.member_since, 'member_until', NEW.member_until, 'referent_agent', NEW.referent_agent, 'substitute_agent', NEW.substitute_agent, 'last_summer_replacement', NEW.last_summer_replacement)); END;
        CREATE TRIGGER audit_member_delete AFTER DELETE ON member
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'member', OLD.code, 'delete', json_object('name', OLD.name, 'kind', OLD.kind, 'population', OLD.population, 'single_part_time_secretary', OLD.single_part_time_secretary, 'member_since', OLD.member_since, 'member_until', OLD.member_until, 'referent_agent', OLD.referent_agent, 'substitute_agent', OLD.substitute_agent, 'last_summer_replacement', OLD.last_summer_replacement), NULL); END;
        CREATE TRIGGER audit_opening_range_insert AFTER INSERT ON opening_range
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'opening_range', NEW.member || '/' || NEW.weekday || '/' || NEW.start_minute, 'insert', NULL, json_object('end_minute', NEW.end_minute)); END;
        CREATE TRIGGER audit_opening_range_update AFTER UPDATE ON opening_range
        WHEN (SELECT row_level FROM audit_mode) = 1 AND json_object('end_minute', OLD.end_minute) IS NOT json_object('end_minute', NEW.end_minute)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'opening_range', NEW.member || '/' || NEW.weekday || '/' || NEW.start_minute, 'update', json_object('end_minute', OLD.end_minute), json_object('end_minute', NEW.end_minute)); END;
        CREATE TRIGGER audit_opening_range_delete AFTER DELETE ON opening_range
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'opening_range', OLD.member || '/' || OLD.weekday || '/' || OLD.start_minute, 'delete', json_object('end_minute', OLD.end_minute), NULL); END;
        CREATE TRIGGER audit_rota_entry_insert AFTER INSERT ON rota_entry
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'rota_entry', NEW.id, 'insert', NULL, json_object('agent', NEW.agent, 'member', NEW.member, 'weekday', NEW.weekday, 'start_minute', NEW.start_minute, 'end_minute', NEW.end_minute)); END;
        CREATE TRIGGER audit_rota_entry_update AFTER UPDATE ON rota_entry
        WHEN (SELECT row_level FROM audit_mode) = 1 AND json_object('agent', OLD.agent, 'member', OLD.member, 'weekday', OLD.weekday, 'start_minute', OLD.start_minute, 'end_minute', OLD.end_minute) IS NOT json_object('agent', NEW.agent, 'member', NEW.member, 'weekday', NEW.weekday, 'start_minute', NEW.start_minute, 'end_minute', NEW.end_minute)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'rota_entry', NEW.id, 'update', json_object('agent', OLD.agent, 'member', OLD.member, 'weekday', OLD.weekday, 'start_minute', OLD.start_minute, 'end_minute', OLD.end_minute), json_object('agent', NEW.agent, 'member', NEW.member, 'weekday', NEW.weekday, 'start_minute', NEW.start_minute, 'end_minute', NEW.end_minute)); END;
        CREATE TRIGGER audit_rota_entry_delete AFTER DELETE ON rota_entry
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'rota_entry', OLD.id, 'delete', json_object('agent', OLD.agent, 'member', OLD.member, 'weekday', OLD.weekday, 'start_minute', OLD.start_minute, 'end_minute', OLD.end_minute), NULL); END;
        CREATE TRIGGER audit_absence_insert AFTER INSERT ON absence
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'absence', NEW.id, 'insert', NULL, json_object('agent', NEW.agent, 'from_date', NEW.from_date, 'to_date', NEW.to_date, 'kind', NEW.kind)); END;
        CREATE TRIGGER audit_absence_update AFTER UPDATE ON absence
        WHEN (SELECT row_level FROM audit_mode) = 1 AND json_object('agent', OLD.agent, 'from_date', OLD.from_date, 'to_date', OLD.to_date, 'kind', OLD.kind) IS NOT json_object('agent', NEW.agent, 'from_date', NEW.from_date, 'to_date', NEW.to_date, 'kind', NEW.kind)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'absence', NEW.id, 'update', json_object('agent', OLD.agent, 'from_date', OLD.from_date, 'to_date', OLD.to_date, 'kind', OLD.kind), json_object('agent', NEW.agent, 'from_date', NEW.from_date, 'to_date', NEW.to_date, 'kind', NEW.kind)); END;
        CREATE TRIGGER audit_absence_delete AFTER DELETE ON absence
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'absence', OLD.id, 'delete', json_object('agent', OLD.agent, 'from_date', OLD.from_date, 'to_date', OLD.to_date, 'kind', OLD.kind), NULL); END;
        CREATE TRIGGER audit_request_insert AFTER INSERT ON request
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'request', NEW.id, 'insert', NULL, json_object('member', NEW.member, 'motive', NEW.motive, 'received', NEW.received, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'minutes_per_week', NEW.minutes_per_week, 'exceptional', NEW.exceptional)); END;
        CREATE TRIGGER audit_request_update AFTER UPDATE ON request
        WHEN (SELECT row_level FROM audit_mode) = 1 AND json_object('member', OLD.member, 'motive', OLD.motive, 'received', OLD.received, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'minutes_per_week', OLD.minutes_per_week, 'exceptional', OLD.exceptional) IS NOT json_object('member', NEW.member, 'motive', NEW.motive, 'received', NEW.received, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'minutes_per_week', NEW.minutes_per_week, 'exceptional', NEW.exceptional)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'request', NEW.id, 'update', json_object('member', OLD.member, 'motive', OLD.motive, 'received', OLD.received, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'minutes_per_week', OLD.minutes_per_week, 'exceptional', OLD.exceptional), json_object('member', NEW.member, 'motive', NEW.motive, 'received', NEW.received, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'minutes_per_week', NEW.minutes_per_week, 'exceptional', NEW.exceptional)); END;
        CREATE TRIGGER audit_request_delete AFTER DELETE ON request
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'request', OLD.id, 'delete', json_object('member', OLD.member, 'motive', OLD.motive, 'received', OLD.received, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'minutes_per_week', OLD.minutes_per_week, 'exceptional', OLD.exceptional), NULL); END;
        CREATE TRIGGER audit_time_entry_insert AFTER INSERT ON time_entry
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'time_entry', NEW.id, 'insert', NULL, json_object('agent', NEW.agent, 'member', NEW.member, 'date', NEW.date, 'minutes', NEW.minutes, 'request', NEW.request, 'validated', NEW.validated)); END;
        CREATE TRIGGER audit_time_entry_update AFTER UPDATE ON time_entry
        WHEN (SELECT row_level FROM audit_mode) = 1 AND json_object('agent', OLD.agent, 'member', OLD.member, 'date', OLD.date, 'minutes', OLD.minutes, 'request', OLD.request, 'validated', OLD.validated) IS NOT json_object('agent', NEW.agent, 'member', NEW.member, 'date', NEW.date, 'minutes', NEW.minutes, 'request', NEW.request, 'validated', NEW.validated)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'time_entry', NEW.id, 'update', json_object('agent', OLD.agent, 'member', OLD.member, 'date', OLD.date, 'minutes', OLD.minutes, 'request', OLD.request, 'validated', OLD.validated), json_object('agent', NEW.agent, 'member', NEW.member, 'date', NEW.date, 'minutes', NEW.minutes, 'request', NEW.request, 'validated', NEW.validated)); END;
        CREATE TRIGGER audit_time_entry_delete AFTER DELETE ON time_entry
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'time_entry', OLD.id, 'delete', json_object('agent', OLD.agent, 'member', OLD.member, 'date', OLD.date, 'minutes', OLD.minutes, 'request', OLD.request, 'validated', OLD.validated), NULL); END;
        CREATE TRIGGER audit_invoice_insert AFTER INSERT ON invoice
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'invoice', NEW.number, 'insert', NULL, json_object('member', NEW.member, 'kind', NEW.kind, 'request', NEW.request, 'issued', NEW.issued, 'due', NEW.due, 'total_cents', NEW.total_cents, 'cancels', NEW.cancels, 'reason', NEW.reason, 'paid', NEW.paid)); END;
        CREATE TRIGGER audit_invoice_update AFTER UPDATE ON invoice
        WHEN (SELECT row_level FROM audit_mode) = 1 AND json_object('member', OLD.member, 'kind', OLD.kind, 'request', OLD.request, 'issued', OLD.issued, 'due', OLD.due, 'total_cents', OLD.total_cents, 'cancels', OLD.cancels, 'reason', OLD.reason, 'paid', OLD.paid) IS NOT json_object('member', NEW.member, 'kind', NEW.kind, 'request', NEW.request, 'issued', NEW.issued, 'due', NEW.due, 'total_cents', NEW.total_cents, 'cancels', NEW.cancels, 'reason', NEW.reason, 'paid', NEW.paid)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'invoice', NEW.number, 'update', json_object('member', OLD.member, 'kind', OLD.kind, 'request', OLD.request, 'issued', OLD.issued, 'due', OLD.due, 'total_cents', OLD.total_cents, 'cancels', OLD.cancels, 'reason', OLD.reason, 'paid', OLD.paid), json_object('member', NEW.member, 'kind', NEW.kind, 'request', NEW.request, 'issued', NEW.issued, 'due', NEW.due, 'total_cents', NEW.total_cents, 'cancels', NEW.cancels, 'reason', NEW.reason, 'paid', NEW.paid)); END;
        CREATE TRIGGER audit_invoice_delete AFTER DELETE ON invoice
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'invoice', OLD.number, 'delete', json_object('member', OLD.member, 'kind', OLD.kind, 'request', OLD.request, 'issued', OLD.issued, 'due', OLD.due, 'total_cents', OLD.total_cents, 'cancels', OLD.cancels, 'reason', OLD.reason, 'paid', OLD.paid), NULL); END;
        CREATE TRIGGER audit_app_user_insert AFTER INSERT ON app_user
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'app_user', NEW.login, 'insert', NULL, json_object('role', NEW.role)); END;
        CREATE TRIGGER audit_app_user_update AFTER UPDATE ON app_user
        WHEN (SELECT row_level FROM audit_mode) = 1 AND json_object('role', OLD.role) IS NOT json_object('role', NEW.role)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'app_user', NEW.login, 'update', json_object('role', OLD.role), json_object('role', NEW.role)); END;
        CREATE TRIGGER audit_app_user_delete AFTER DELETE ON app_user
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'app_user', OLD.login, 'delete', json_object('role', OLD.role), NULL); END;
        CREATE TRIGGER audit_month_lock_insert AFTER INSERT ON month_lock
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'month_lock', NEW.month, 'insert', NULL, json_object('closed_by', NEW.closed_by)); END;
        CREATE TRIGGER audit_month_lock_update AFTER UPDATE ON month_lock
        WHEN (SELECT row_level FROM audit_mode) = 1 AND json_object('closed_by', OLD.closed_by) IS NOT json_object('closed_by', NEW.closed_by)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'month_lock', NEW.month, 'update', json_object('closed_by', OLD.closed_by), json_object('closed_by', NEW.closed_by)); END;
        CREATE TRIGGER audit_month_lock_delete AFTER DELETE ON month_lock
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'month_lock', OLD.month, 'delete', json_object('closed_by', OLD.closed_by), NULL); END;
        CREATE TRIGGER audit_agent_pin_insert AFTER INSERT ON agent_pin
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agent_pin', NEW.agent, 'insert', NULL, json_object('failures', NEW.failures, 'locked_until', NEW.locked_until, 'changed_at', NEW.changed_at)); END;
        CREATE TRIGGER audit_agent_pin_update AFTER UPDATE ON agent_pin
        WHEN (SELECT row_level FROM audit_mode) = 1 AND json_object('failures', OLD.failures, 'locked_until', OLD.locked_until, 'changed_at', OLD.changed_at) IS NOT json_object('failures', NEW.failures, 'locked_until', NEW.locked_until, 'changed_at', NEW.changed_at)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agent_pin', NEW.agent, 'update', json_object('failures', OLD.failures, 'locked_until', OLD.locked_until, 'changed_at', OLD.changed_at), json_object('failures', NEW.failures, 'locked_until', NEW.locked_until, 'changed_at', NEW.changed_at)); END;
        CREATE TRIGGER audit_agent_pin_delete AFTER DELETE ON agent_pin
        WHEN (SELECT row_level FROM audit_mode) = 1
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agent_pin', OLD.agent, 'delete', json_object('failures', OLD.failures, 'locked_until', OLD.locked_until, 'changed_at', OLD.changed_at), NULL); END;
        """
}

extension Schema {
    /// Issue 10: a row-level audit that cannot be switched off from inside the database, a
    /// record of the installation key, invoice seals, keyed PIN hashes. The audit triggers' WHEN
    /// clause calls `releve_audit_on()`, a function only Relève's connections define: outside
    /// Relève (the sqlite3 shell), a change to an audited table fails instead of going
    /// unrecorded, and dropping a trigger changes the schema that every seal fingerprints.
    static func v5KeyedAudit(_ db: Database) throws {
        let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%SELECT row_level FROM audit_mode%'")
        for trigger in triggers {
            let name: String = trigger["name"], sql: String = trigger["sql"]
            try db.execute(sql: "DROP TRIGGER \(name)")
            try db.execute(sql: sql.replacingOccurrences(of: "(SELECT row_level FROM audit_mode) = 1", with: "releve_audit_on()"))
        }
        try db.execute(sql: """
            CREATE TABLE installation (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                key_id TEXT NOT NULL
            );
            ALTER TABLE audit_head ADD COLUMN schema_mac TEXT;
            ALTER TABLE audit_head ADD COLUMN schema_names TEXT;
            CREATE TABLE invoice_seal (
                number TEXT PRIMARY KEY REFERENCES invoice(number),
                mac TEXT NOT NULL
            );
            CREATE TRIGGER invoice_seal_frozen BEFORE UPDATE ON invoice_seal
            BEGIN SELECT RAISE(ABORT, 'issued invoices never change'); END;
            CREATE TRIGGER invoice_seal_kept BEFORE DELETE ON invoice_seal
            BEGIN SELECT RAISE(ABORT, 'issued invoices never change'); END;
            ALTER TABLE agent_pin ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0 CHECK (keyed IN (0, 1));
            """)
    }
}

extension Schema {
    /// Issue 11: the stored plan is updated, not rewritten. Each decision carries the
    /// fingerprint of what was written for it; `plan_work_digest` holds one per agent and month;
    /// `plan_state` one per display order. `plan_work.position` now counts within the agent's day
    /// (it was global, so one insertion moved every later row). The plan is emptied and marked
    /// stale: the first write or open recomputes it whole, once.
    static let v6IncrementalPlan = """
        DELETE FROM plan_decision;
        DELETE FROM plan_period;
        DELETE FROM plan_work;
        DELETE FROM plan_agent;
        DELETE FROM plan_member;
        ALTER TABLE plan_decision ADD COLUMN digest INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE plan_work_digest (
            agent TEXT NOT NULL,
            month INTEGER NOT NULL,
            digest INTEGER NOT NULL,
            PRIMARY KEY (agent, month)
        ) WITHOUT ROWID;
        ALTER TABLE plan_state ADD COLUMN agents_digest INTEGER;
        ALTER TABLE plan_state ADD COLUMN members_digest INTEGER;
        UPDATE plan_state SET plan_version = territory_version - 1;
        """
}

extension Schema {
    /// Issue 11: one optimistic lock. A child row (an agent's absence or rota slot, a member's
    /// opening range, a tariff's band) bumps its parent's `version` whenever it is added, changed
    /// or deleted, by whichever path (form, import, command line), and any update of an edited
    /// record that does not raise its version itself raises it, so that a form claiming the
    /// record at the version it read refuses any change made meanwhile.
    static let v7ParentVersions = """
        CREATE TRIGGER member_version_own AFTER UPDATE ON member WHEN NEW.version = OLD.version
        BEGIN UPDATE member SET version = version + 1 WHERE code = NEW.code; END;
        CREATE TRIGGER agent_version_own AFTER UPDATE ON agent WHEN NEW.version = OLD.version
        BEGIN UPDATE agent SET version = version + 1 WHERE code = NEW.code; END;
        CREATE TRIGGER request_version_own AFTER UPDATE ON request WHEN NEW.version = OLD.version
        BEGIN UPDATE request SET version = version + 1 WHERE id = NEW.id; END;
        CREATE TRIGGER tariff_version_own AFTER UPDATE ON tariff WHEN NEW.version = OLD.version
        BEGIN UPDATE tariff SET version = version + 1 WHERE year = NEW.year; END;
        CREATE TRIGGER time_entry_version_own AFTER UPDATE ON time_entry WHEN NEW.version = OLD.version
        BEGIN UPDATE time_entry SET version = version + 1 WHERE id = NEW.id; END;
        CREATE TRIGGER absence_version_insert AFTER INSERT ON absence
        BEGIN UPDATE agent SET version = version + 1 WHERE code = NEW.agent; END;
        CREATE TRIGGER absence_version_update AFTER UPDATE ON absence
        BEGIN UPDATE agent SET version = version + 1 WHERE code IN (OLD.agent, NEW.agent); END;
        CREATE TRIGGER absence_version_delete AFTER DELETE ON absence
        BEGIN UPDATE agent SET version = version + 1 WHERE code = OLD.agent; END;
        CREATE TRIGGER rota_entry_version_insert AFTER INSERT ON rota_entry
        BEGIN UPDATE agent SET version = version + 1 WHERE code = NEW.agent; END;
        CREATE TRIGGER rota_entry_version_update AFTER UPDATE ON rota_entry
        BEGIN UPDATE agent SET version = version + 1 WHERE code IN (OLD.agent, NEW.agent); END;
        CREATE TRIGGER rota_entry_version_delete AFTER DELETE ON rota_entry
        BEGIN UPDATE agent SET version = version + 1 WHERE code = OLD.agent; END;
        CREATE TRIGGER opening_range_version_insert AFTER INSERT ON opening_range
        BEGIN UPDATE member SET version = version + 1 WHERE code = NEW.member; END;
        CREATE TRIGGER opening_range_version_update AFTER UPDATE ON opening_range
        BEGIN UPDATE member SET version = version + 1 WHERE code IN (OLD.member, NEW.member); END;
        CREATE TRIGGER opening_range_version_delete AFTER DELETE ON opening_range
        BEGIN UPDATE member SET version = version + 1 WHERE code = OLD.member; END;
        CREATE TRIGGER tariff_band_version_insert AFTER INSERT ON tariff_band
        BEGIN UPDATE tariff SET version = version + 1 WHERE year = NEW.year; END;
        CREATE TRIGGER tariff_band_version_update AFTER UPDATE ON tariff_band
        BEGIN UPDATE tariff SET version = version + 1 WHERE year IN (OLD.year, NEW.year); END;
        CREATE TRIGGER tariff_band_version_delete AFTER DELETE ON tariff_band
        BEGIN UPDATE tariff SET version = version + 1 WHERE year = OLD.year; END;
        """
}

extension Schema {
    /// Issue 11: the days of work are kept one row per agent and month (`plan_month.days`, one
    /// line per day of work), and a decision's served periods in its own row
    /// (`plan_decision.periods`, the request's columns and the outcome's each with their
    /// fingerprint; decisions are read in the order of their id, no position kept), so that a
    /// change of plan writes one row per changed
    /// agent-month and per changed decision, not one per day and per period: one early request
    /// on a national territory changes about 220,000 days but 15,000 agent-months. The plan is
    /// emptied and marked stale.
    /// Every printed version of a mission's contract: a print whose content (`fingerprint`, a
    /// SHA-256 of what the document says) differs from the last one is a new version, which
    /// says the date of the one it replaces.

    /// Issue 13, the convention as data (rules.md §6.4–§7): the service keeps its convention
    /// (the JSON of the settings it gave, `service.convention` of the file) and its end date, and
    /// takes the `day_rate` and `agent_cost` schemes (the table is made again for its CHECK);
    /// tariffs carry the amounts of both schemes, agents their hourly cost; invoice lines take
    /// the new types and the agent of a `cost` line. The audit triggers record the new columns.
    /// Billing periods (rules.md §6.6): an invoice says its period (NULL: the year; `2026-03`;
    /// `mission`) and whether it is a complement; each statement row names the time entry it
    /// bills, so that minutes a later edit or a late entry adds are billed once. Time entries'
    /// numbers are never given twice: the highest deleted one is remembered.
    static let v15BillingPeriods = """
        ALTER TABLE invoice ADD COLUMN period TEXT;
        ALTER TABLE invoice ADD COLUMN complement INTEGER NOT NULL DEFAULT 0 CHECK (complement IN (0, 1));
        ALTER TABLE invoice_statement ADD COLUMN entry INTEGER;
        CREATE INDEX invoice_statement_entry ON invoice_statement(entry) WHERE entry IS NOT NULL;
        DROP INDEX invoice_key;
        CREATE INDEX invoice_key ON invoice(year, member, kind, request, period);
        CREATE TABLE time_entry_high (id INTEGER PRIMARY KEY CHECK (id = 1), high INTEGER NOT NULL);
        INSERT INTO time_entry_high (id, high) VALUES (1, coalesce((SELECT max(id) FROM time_entry), 0));
        CREATE TRIGGER time_entry_high_delete AFTER DELETE ON time_entry
        BEGIN UPDATE time_entry_high SET high = max(high, OLD.id) WHERE id = 1; END;
        """

    static let v13Convention = """
        CREATE TABLE service_new (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            holidays TEXT NOT NULL CHECK (holidays IN ('france', 'alsace-moselle')),
            billing TEXT NOT NULL CHECK (billing IN ('fee_and_hourly', 'prorata_cost', 'day_rate', 'agent_cost')),
            annual_working_days INTEGER NOT NULL CHECK (annual_working_days BETWEEN 1 AND 366),
            epci TEXT,
            issuer_name TEXT,
            issuer_title TEXT,
            legal_basis TEXT,
            address TEXT,
            payment_days INTEGER CHECK (payment_days IS NULL OR payment_days BETWEEN 0 AND 365),
            accountant TEXT,
            version INTEGER NOT NULL DEFAULT 1,
            convention TEXT CHECK (convention IS NULL OR json_valid(convention)),
            convention_end TEXT CHECK (convention_end IS NULL OR date(convention_end, '+0 days') IS convention_end)
        );
        INSERT INTO service_new (id, name, holidays, billing, annual_working_days, epci, issuer_name, issuer_title,
                                 legal_basis, address, payment_days, accountant, version)
            SELECT id, name, holidays, billing, annual_working_days, epci, issuer_name, issuer_title,
                   legal_basis, address, payment_days, accountant, version FROM service;
        DROP TABLE service;
        ALTER TABLE service_new RENAME TO service;
        CREATE TRIGGER plan_stale_service AFTER UPDATE ON service
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER audit_service_insert AFTER INSERT ON service
        WHEN releve_audit_on()
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'service', '1', 'insert', NULL, json_object('name', NEW.name, 'holidays', NEW.holidays, 'billing', NEW.billing, 'annual_working_days', NEW.annual_working_days, 'epci', NEW.epci, 'issuer_name', NEW.issuer_name, 'issuer_title', NEW.issuer_title, 'legal_basis', NEW.legal_basis, 'address', NEW.address, 'payment_days', NEW.payment_days, 'accountant', NEW.accountant, 'convention', NEW.convention, 'convention_end', NEW.convention_end)); END;
        CREATE TRIGGER audit_service_update AFTER UPDATE ON service
        WHEN releve_audit_on() AND json_object('name', OLD.name, 'holidays', OLD.holidays, 'billing', OLD.billing, 'annual_working_days', OLD.annual_working_days, 'epci', OLD.epci, 'issuer_name', OLD.issuer_name, 'issuer_title', OLD.issuer_title, 'legal_basis', OLD.legal_basis, 'address', OLD.address, 'payment_days', OLD.payment_days, 'accountant', OLD.accountant, 'convention', OLD.convention, 'convention_end', OLD.convention_end) IS NOT json_object('name', NEW.name, 'holidays', NEW.holidays, 'billing', NEW.billing, 'annual_working_days', NEW.annual_working_days, 'epci', NEW.epci, 'issuer_name', NEW.issuer_name, 'issuer_title', NEW.issuer_title, 'legal_basis', NEW.legal_basis, 'address', NEW.address, 'payment_days', NEW.payment_days, 'accountant', NEW.accountant, 'convention', NEW.convention, 'convention_end', NEW.convention_end)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'service', '1', 'update', json_object('name', OLD.name, 'holidays', OLD.holidays, 'billing', OLD.billing, 'annual_working_days', OLD.annual_working_days, 'epci', OLD.epci, 'issuer_name', OLD.issuer_name, 'issuer_title', OLD.issuer_title, 'legal_basis', OLD.legal_basis, 'address', OLD.address, 'payment_days', OLD.payment_days, 'accountant', OLD.accountant, 'convention', OLD.convention, 'convention_end', OLD.convention_end), json_object('name', NEW.name, 'holidays', NEW.holidays, 'billing', NEW.billing, 'annual_working_days', NEW.annual_working_days, 'epci', NEW.epci, 'issuer_name', NEW.issuer_name, 'issuer_title', NEW.issuer_title, 'legal_basis', NEW.legal_basis, 'address', NEW.address, 'payment_days', NEW.payment_days, 'accountant', NEW.accountant, 'convention', NEW.convention, 'convention_end', NEW.convention_end)); END;
        CREATE TRIGGER audit_service_delete AFTER DELETE ON service
        WHEN releve_audit_on()
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'service', '1', 'delete', json_object('name', OLD.name, 'holidays', OLD.holidays, 'billing', OLD.billing, 'annual_working_days', OLD.annual_working_days, 'epci', OLD.epci, 'issuer_name', OLD.issuer_name, 'issuer_title', OLD.issuer_title, 'legal_basis', OLD.legal_basis, 'address', OLD.address, 'payment_days', OLD.payment_days, 'accountant', OLD.accountant, 'convention', OLD.convention, 'convention_end', OLD.convention_end), NULL); END;

        ALTER TABLE tariff ADD COLUMN day_rate_cents INTEGER CHECK (day_rate_cents IS NULL OR day_rate_cents >= 0);
        ALTER TABLE tariff ADD COLUMN day_minutes INTEGER CHECK (day_minutes IS NULL OR day_minutes BETWEEN 1 AND 1440);
        ALTER TABLE tariff ADD COLUMN extra_hourly_rate_cents INTEGER CHECK (extra_hourly_rate_cents IS NULL OR extra_hourly_rate_cents >= 0);
        ALTER TABLE tariff ADD COLUMN cost_coefficient_hundredths INTEGER CHECK (cost_coefficient_hundredths IS NULL OR cost_coefficient_hundredths BETWEEN 1 AND 100000);
        ALTER TABLE tariff ADD COLUMN monthly_agent_fee_cents INTEGER CHECK (monthly_agent_fee_cents IS NULL OR monthly_agent_fee_cents >= 0);
        DROP TRIGGER audit_tariff_insert;
        DROP TRIGGER audit_tariff_update;
        DROP TRIGGER audit_tariff_delete;
        CREATE TRIGGER audit_tariff_insert AFTER INSERT ON tariff
        WHEN releve_audit_on()
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'tariff', NEW.year, 'insert', NULL, json_object('hourly_rate_cents', NEW.hourly_rate_cents, 'minutes_per_day', NEW.minutes_per_day, 'fee_exempt', NEW.fee_exempt, 'day_rate_cents', NEW.day_rate_cents, 'day_minutes', NEW.day_minutes, 'extra_hourly_rate_cents', NEW.extra_hourly_rate_cents, 'cost_coefficient_hundredths', NEW.cost_coefficient_hundredths, 'monthly_agent_fee_cents', NEW.monthly_agent_fee_cents)); END;
        CREATE TRIGGER audit_tariff_update AFTER UPDATE ON tariff
        WHEN releve_audit_on() AND json_object('hourly_rate_cents', OLD.hourly_rate_cents, 'minutes_per_day', OLD.minutes_per_day, 'fee_exempt', OLD.fee_exempt, 'day_rate_cents', OLD.day_rate_cents, 'day_minutes', OLD.day_minutes, 'extra_hourly_rate_cents', OLD.extra_hourly_rate_cents, 'cost_coefficient_hundredths', OLD.cost_coefficient_hundredths, 'monthly_agent_fee_cents', OLD.monthly_agent_fee_cents) IS NOT json_object('hourly_rate_cents', NEW.hourly_rate_cents, 'minutes_per_day', NEW.minutes_per_day, 'fee_exempt', NEW.fee_exempt, 'day_rate_cents', NEW.day_rate_cents, 'day_minutes', NEW.day_minutes, 'extra_hourly_rate_cents', NEW.extra_hourly_rate_cents, 'cost_coefficient_hundredths', NEW.cost_coefficient_hundredths, 'monthly_agent_fee_cents', NEW.monthly_agent_fee_cents)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'tariff', NEW.year, 'update', json_object('hourly_rate_cents', OLD.hourly_rate_cents, 'minutes_per_day', OLD.minutes_per_day, 'fee_exempt', OLD.fee_exempt, 'day_rate_cents', OLD.day_rate_cents, 'day_minutes', OLD.day_minutes, 'extra_hourly_rate_cents', OLD.extra_hourly_rate_cents, 'cost_coefficient_hundredths', OLD.cost_coefficient_hundredths, 'monthly_agent_fee_cents', OLD.monthly_agent_fee_cents), json_object('hourly_rate_cents', NEW.hourly_rate_cents, 'minutes_per_day', NEW.minutes_per_day, 'fee_exempt', NEW.fee_exempt, 'day_rate_cents', NEW.day_rate_cents, 'day_minutes', NEW.day_minutes, 'extra_hourly_rate_cents', NEW.extra_hourly_rate_cents, 'cost_coefficient_hundredths', NEW.cost_coefficient_hundredths, 'monthly_agent_fee_cents', NEW.monthly_agent_fee_cents)); END;
        CREATE TRIGGER audit_tariff_delete AFTER DELETE ON tariff
        WHEN releve_audit_on()
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'tariff', OLD.year, 'delete', json_object('hourly_rate_cents', OLD.hourly_rate_cents, 'minutes_per_day', OLD.minutes_per_day, 'fee_exempt', OLD.fee_exempt, 'day_rate_cents', OLD.day_rate_cents, 'day_minutes', OLD.day_minutes, 'extra_hourly_rate_cents', OLD.extra_hourly_rate_cents, 'cost_coefficient_hundredths', OLD.cost_coefficient_hundredths, 'monthly_agent_fee_cents', OLD.monthly_agent_fee_cents), NULL); END;

        ALTER TABLE agent ADD COLUMN hourly_cost_cents INTEGER CHECK (hourly_cost_cents IS NULL OR hourly_cost_cents >= 0);
        DROP TRIGGER audit_agent_insert;
        DROP TRIGGER audit_agent_update;
        DROP TRIGGER audit_agent_delete;
        CREATE TRIGGER audit_agent_insert AFTER INSERT ON agent
        WHEN releve_audit_on()
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agent', NEW.code, 'insert', NULL, json_object('name', NEW.name, 'weekly_minutes', NEW.weekly_minutes, 'rtt_days_per_year', NEW.rtt_days_per_year, 'annual_cost_cents', NEW.annual_cost_cents, 'hourly_cost_cents', NEW.hourly_cost_cents)); END;
        CREATE TRIGGER audit_agent_update AFTER UPDATE ON agent
        WHEN releve_audit_on() AND json_object('name', OLD.name, 'weekly_minutes', OLD.weekly_minutes, 'rtt_days_per_year', OLD.rtt_days_per_year, 'annual_cost_cents', OLD.annual_cost_cents, 'hourly_cost_cents', OLD.hourly_cost_cents) IS NOT json_object('name', NEW.name, 'weekly_minutes', NEW.weekly_minutes, 'rtt_days_per_year', NEW.rtt_days_per_year, 'annual_cost_cents', NEW.annual_cost_cents, 'hourly_cost_cents', NEW.hourly_cost_cents)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agent', NEW.code, 'update', json_object('name', OLD.name, 'weekly_minutes', OLD.weekly_minutes, 'rtt_days_per_year', OLD.rtt_days_per_year, 'annual_cost_cents', OLD.annual_cost_cents, 'hourly_cost_cents', OLD.hourly_cost_cents), json_object('name', NEW.name, 'weekly_minutes', NEW.weekly_minutes, 'rtt_days_per_year', NEW.rtt_days_per_year, 'annual_cost_cents', NEW.annual_cost_cents, 'hourly_cost_cents', NEW.hourly_cost_cents)); END;
        CREATE TRIGGER audit_agent_delete AFTER DELETE ON agent
        WHEN releve_audit_on()
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'agent', OLD.code, 'delete', json_object('name', OLD.name, 'weekly_minutes', OLD.weekly_minutes, 'rtt_days_per_year', OLD.rtt_days_per_year, 'annual_cost_cents', OLD.annual_cost_cents, 'hourly_cost_cents', OLD.hourly_cost_cents), NULL); END;

        CREATE TABLE invoice_line_new (
            invoice TEXT NOT NULL REFERENCES invoice(number),
            position INTEGER NOT NULL CHECK (position >= 0),
            type TEXT NOT NULL CHECK (type IN ('fee', 'hours', 'prepaid', 'rtt', 'cost', 'day', 'extra', 'complement', 'loan')),
            label TEXT NOT NULL,
            minutes INTEGER,
            unit_price_cents INTEGER NOT NULL,
            amount_cents INTEGER NOT NULL,
            agent TEXT,
            PRIMARY KEY (invoice, position)
        );
        INSERT INTO invoice_line_new (invoice, position, type, label, minutes, unit_price_cents, amount_cents)
            SELECT invoice, position, type, label, minutes, unit_price_cents, amount_cents FROM invoice_line;
        DROP TABLE invoice_line;
        ALTER TABLE invoice_line_new RENAME TO invoice_line;
        CREATE TRIGGER invoice_line_frozen BEFORE UPDATE ON invoice_line
        BEGIN SELECT RAISE(ABORT, 'issued invoices never change'); END;
        CREATE TRIGGER invoice_line_kept BEFORE DELETE ON invoice_line
        BEGIN SELECT RAISE(ABORT, 'issued invoices never change'); END;
        """

    /// A request may carry its job description (`missions`, printed in the contract's article 3);
    /// the request's audit triggers now record it too.
    static let v12RequestMissions = """
        ALTER TABLE request ADD COLUMN missions TEXT;
        DROP TRIGGER audit_request_insert;
        DROP TRIGGER audit_request_update;
        DROP TRIGGER audit_request_delete;
        CREATE TRIGGER audit_request_insert AFTER INSERT ON request
        WHEN releve_audit_on()
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'request', NEW.id, 'insert', NULL, json_object('member', NEW.member, 'motive', NEW.motive, 'received', NEW.received, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'minutes_per_week', NEW.minutes_per_week, 'exceptional', NEW.exceptional, 'missions', NEW.missions)); END;
        CREATE TRIGGER audit_request_update AFTER UPDATE ON request
        WHEN releve_audit_on() AND json_object('member', OLD.member, 'motive', OLD.motive, 'received', OLD.received, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'minutes_per_week', OLD.minutes_per_week, 'exceptional', OLD.exceptional, 'missions', OLD.missions) IS NOT json_object('member', NEW.member, 'motive', NEW.motive, 'received', NEW.received, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'minutes_per_week', NEW.minutes_per_week, 'exceptional', NEW.exceptional, 'missions', NEW.missions)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'request', NEW.id, 'update', json_object('member', OLD.member, 'motive', OLD.motive, 'received', OLD.received, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'minutes_per_week', OLD.minutes_per_week, 'exceptional', OLD.exceptional, 'missions', OLD.missions), json_object('member', NEW.member, 'motive', NEW.motive, 'received', NEW.received, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'minutes_per_week', NEW.minutes_per_week, 'exceptional', NEW.exceptional, 'missions', NEW.missions)); END;
        CREATE TRIGGER audit_request_delete AFTER DELETE ON request
        WHEN releve_audit_on()
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'request', OLD.id, 'delete', json_object('member', OLD.member, 'motive', OLD.motive, 'received', OLD.received, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'minutes_per_week', OLD.minutes_per_week, 'exceptional', OLD.exceptional, 'missions', OLD.missions), NULL); END;
        """

    /// The coordinator's assignments by hand: this agent covers this request (each day, before
    /// the rules share the rest). The arbitration reads them (the plan goes stale), the audit
    /// trail keeps them, and the request's version rises (an open form on it sees the change).
    static let v11Assignments = """
        CREATE TABLE assignment (
            request TEXT PRIMARY KEY REFERENCES request(id) ON UPDATE CASCADE ON DELETE CASCADE,
            agent TEXT NOT NULL REFERENCES agent(code) ON UPDATE CASCADE ON DELETE CASCADE
        );
        CREATE TRIGGER plan_stale_assignment_insert AFTER INSERT ON assignment
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_assignment_update AFTER UPDATE ON assignment
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER plan_stale_assignment_delete AFTER DELETE ON assignment
        BEGIN UPDATE plan_state SET territory_version = territory_version + 1; END;
        CREATE TRIGGER assignment_version_insert AFTER INSERT ON assignment
        BEGIN UPDATE request SET version = version + 1 WHERE id = NEW.request; END;
        CREATE TRIGGER assignment_version_update AFTER UPDATE ON assignment
        BEGIN UPDATE request SET version = version + 1 WHERE id = NEW.request; END;
        CREATE TRIGGER assignment_version_delete AFTER DELETE ON assignment
        BEGIN UPDATE request SET version = version + 1 WHERE id = OLD.request; END;
        CREATE TRIGGER audit_assignment_insert AFTER INSERT ON assignment
        WHEN releve_audit_on()
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'assignment', NEW.request, 'insert', NULL, json_object('agent', NEW.agent)); END;
        CREATE TRIGGER audit_assignment_update AFTER UPDATE ON assignment
        WHEN releve_audit_on() AND OLD.agent IS NOT NEW.agent
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'assignment', NEW.request, 'update', json_object('agent', OLD.agent), json_object('agent', NEW.agent)); END;
        CREATE TRIGGER audit_assignment_delete AFTER DELETE ON assignment
        WHEN releve_audit_on()
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'assignment', OLD.request, 'delete', json_object('agent', OLD.agent), NULL); END;
        """

    static let v9ContractVersions = """
        CREATE TABLE contract_version (
            request TEXT NOT NULL,
            number INTEGER NOT NULL CHECK (number >= 1),
            version_date TEXT NOT NULL CHECK (date(version_date, '+0 days') IS version_date),
            fingerprint TEXT NOT NULL,
            printed_at TEXT NOT NULL,
            printed_by TEXT NOT NULL,
            PRIMARY KEY (request, number)
        );
        """

    static let v8PlanByMonth = """
        DELETE FROM plan_decision;
        DELETE FROM plan_agent;
        DELETE FROM plan_member;
        DROP TABLE plan_period;
        DROP TABLE plan_work;
        DROP TABLE plan_work_digest;
        ALTER TABLE plan_decision ADD COLUMN periods TEXT NOT NULL DEFAULT '';
        ALTER TABLE plan_decision ADD COLUMN request_digest INTEGER NOT NULL DEFAULT 0;
        DROP INDEX plan_decision_position;
        ALTER TABLE plan_decision DROP COLUMN position;
        CREATE TABLE plan_month (
            agent TEXT NOT NULL,
            month INTEGER NOT NULL,
            digest INTEGER NOT NULL,
            days TEXT NOT NULL,
            PRIMARY KEY (agent, month)
        );
        CREATE INDEX plan_month_month ON plan_month(month);
        UPDATE plan_state SET agents_digest = NULL, members_digest = NULL, plan_version = territory_version - 1;
        """
}

extension Schema {
    /// Issue 13: an invoice is paid in one or several payments, as the public accountant
    /// (comptable) reports them: each with its date, its amount (more than zero) and the
    /// accountant's reference (mandate or bordereau number). `invoice.paid` stays the date of the
    /// payment that completed the invoice. An invoice paid before this version becomes one payment
    /// of its whole total, on its payment date. A trigger refuses, whoever writes, a payment on a
    /// credit note, before the invoice's issue, or beyond what is left due; the audit trail keeps
    /// every payment.
    static let v14PartialPayments = """
        CREATE TABLE payment (
            id INTEGER PRIMARY KEY,
            invoice TEXT NOT NULL REFERENCES invoice(number),
            date TEXT NOT NULL CHECK (date(date, '+0 days') IS date),
            amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
            reference TEXT,
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX payment_invoice ON payment(invoice, date);
        INSERT INTO payment (invoice, date, amount_cents, reference, recorded_at)
            SELECT number, paid, total_cents, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
            FROM invoice WHERE paid IS NOT NULL AND total_cents > 0 ORDER BY series, year, sequence;
        CREATE TRIGGER payment_checked BEFORE INSERT ON payment
        WHEN (SELECT kind FROM invoice WHERE number = NEW.invoice) = 'credit_note'
            OR NEW.date < (SELECT issued FROM invoice WHERE number = NEW.invoice)
            OR (SELECT coalesce(sum(amount_cents), 0) FROM payment WHERE invoice = NEW.invoice) + NEW.amount_cents
                > (SELECT total_cents FROM invoice WHERE number = NEW.invoice)
        BEGIN SELECT RAISE(ABORT, 'payment refused: credit note, before issue, or more than left due'); END;
        CREATE TRIGGER audit_payment_insert AFTER INSERT ON payment
        WHEN releve_audit_on()
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'payment', NEW.invoice || '/' || NEW.id, 'insert', NULL, json_object('invoice', NEW.invoice, 'date', NEW.date, 'amount_cents', NEW.amount_cents, 'reference', NEW.reference)); END;
        CREATE TRIGGER audit_payment_update AFTER UPDATE ON payment
        WHEN releve_audit_on() AND json_object('invoice', OLD.invoice, 'date', OLD.date, 'amount_cents', OLD.amount_cents, 'reference', OLD.reference) IS NOT json_object('invoice', NEW.invoice, 'date', NEW.date, 'amount_cents', NEW.amount_cents, 'reference', NEW.reference)
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'payment', NEW.invoice || '/' || NEW.id, 'update', json_object('invoice', OLD.invoice, 'date', OLD.date, 'amount_cents', OLD.amount_cents, 'reference', OLD.reference), json_object('invoice', NEW.invoice, 'date', NEW.date, 'amount_cents', NEW.amount_cents, 'reference', NEW.reference)); END;
        CREATE TRIGGER audit_payment_delete AFTER DELETE ON payment
        WHEN releve_audit_on()
        BEGIN INSERT INTO audit (at, entity, key, action, before, after)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'payment', OLD.invoice || '/' || OLD.id, 'delete', json_object('invoice', OLD.invoice, 'date', OLD.date, 'amount_cents', OLD.amount_cents, 'reference', OLD.reference), NULL); END;
        """
}

extension Schema {
    /// The three audit triggers of a table: each insert, change and deletion is appended to
    /// `audit` with the listed columns as JSON, before and after, under `entity` and the row's
    /// `key` (an SQL expression over `NEW.`/`OLD.`, written with `ROW.`).
    static func auditTriggers(table: String, entity: String, key: String, columns: [String]) -> String {
        func row(_ side: String) -> String {
            "json_object(" + columns.map { "'\($0)', \(side).\($0)" }.joined(separator: ", ") + ")"
        }
        func keyOf(_ side: String) -> String { key.replacingOccurrences(of: "ROW.", with: side + ".") }
        let at = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
        return """
            CREATE TRIGGER audit_\(table)_insert AFTER INSERT ON \(table)
            WHEN releve_audit_on()
            BEGIN INSERT INTO audit (at, entity, key, action, before, after)
                VALUES (\(at), '\(entity)', \(keyOf("NEW")), 'insert', NULL, \(row("NEW"))); END;
            CREATE TRIGGER audit_\(table)_update AFTER UPDATE ON \(table)
            WHEN releve_audit_on() AND \(row("OLD")) IS NOT \(row("NEW"))
            BEGIN INSERT INTO audit (at, entity, key, action, before, after)
                VALUES (\(at), '\(entity)', \(keyOf("NEW")), 'update', \(row("OLD")), \(row("NEW"))); END;
            CREATE TRIGGER audit_\(table)_delete AFTER DELETE ON \(table)
            WHEN releve_audit_on()
            BEGIN INSERT INTO audit (at, entity, key, action, before, after)
                VALUES (\(at), '\(entity)', \(keyOf("OLD")), 'delete', \(row("OLD")), NULL); END;

            """
    }

    /// Issue 14 (rules.md §8): a request names the one it renews, the commune's staff in FTE and
    /// the answer given (date, text); a member keeps its membership papers (deliberation,
    /// bulletin answers, non-recruitment commitment, leaving, mayor and contacts); the mayors'
    /// evaluations of missions, one per request. The audit trail keeps every new column.
    static let v16ClosingTheLoop: String = {
        let memberColumns = ["name", "kind", "population", "single_part_time_secretary", "member_since", "member_until",
                             "referent_agent", "substitute_agent", "last_summer_replacement", "deliberation_date",
                             "hosts_immersion", "referent_volunteer", "non_recruitment_until", "left_on", "left_ground",
                             "mayor", "address", "phone", "email"]
        let requestColumns = ["member", "motive", "received", "start_date", "end_date", "minutes_per_week", "exceptional",
                              "missions", "renews", "staff_fte", "answer_date", "answer_text"]
        let evaluationColumns = ["received", "quality", "adaptation", "relations", "punctuality", "overall", "again", "comment"]
        func day(_ column: String) -> String {
            "TEXT CHECK (\(column) IS NULL OR date(\(column), '+0 days') IS \(column))"
        }
        func flag(_ column: String) -> String { "INTEGER CHECK (\(column) IS NULL OR \(column) IN (0, 1))" }
        func score(_ column: String) -> String { "\(column) INTEGER NOT NULL CHECK (\(column) BETWEEN 1 AND 4)" }
        return """
            ALTER TABLE request ADD COLUMN renews TEXT REFERENCES request(id) ON UPDATE CASCADE ON DELETE SET NULL;
            ALTER TABLE request ADD COLUMN staff_fte TEXT;
            ALTER TABLE request ADD COLUMN answer_date \(day("answer_date"));
            ALTER TABLE request ADD COLUMN answer_text TEXT;
            CREATE INDEX request_renews ON request(renews) WHERE renews IS NOT NULL;
            ALTER TABLE member ADD COLUMN deliberation_date \(day("deliberation_date"));
            ALTER TABLE member ADD COLUMN hosts_immersion \(flag("hosts_immersion"));
            ALTER TABLE member ADD COLUMN referent_volunteer \(flag("referent_volunteer"));
            ALTER TABLE member ADD COLUMN non_recruitment_until \(day("non_recruitment_until"));
            ALTER TABLE member ADD COLUMN left_on \(day("left_on"));
            ALTER TABLE member ADD COLUMN left_ground TEXT CHECK (left_ground IS NULL OR left_ground IN ('faute', 'interet_general'));
            ALTER TABLE member ADD COLUMN mayor TEXT;
            ALTER TABLE member ADD COLUMN address TEXT;
            ALTER TABLE member ADD COLUMN phone TEXT;
            ALTER TABLE member ADD COLUMN email TEXT;
            CREATE TABLE evaluation (
                request TEXT PRIMARY KEY REFERENCES request(id) ON UPDATE CASCADE ON DELETE RESTRICT,
                received TEXT NOT NULL CHECK (date(received, '+0 days') IS received),
                \(score("quality")),
                \(score("adaptation")),
                \(score("relations")),
                \(score("punctuality")),
                \(score("overall")),
                again INTEGER NOT NULL CHECK (again IN (0, 1)),
                comment TEXT,
                version INTEGER NOT NULL DEFAULT 1
            );
            DROP TRIGGER audit_member_insert;
            DROP TRIGGER audit_member_update;
            DROP TRIGGER audit_member_delete;
            DROP TRIGGER audit_request_insert;
            DROP TRIGGER audit_request_update;
            DROP TRIGGER audit_request_delete;

            """ + auditTriggers(table: "member", entity: "member", key: "ROW.code", columns: memberColumns)
            + auditTriggers(table: "request", entity: "request", key: "ROW.id", columns: requestColumns)
            + auditTriggers(table: "evaluation", entity: "evaluation", key: "ROW.request", columns: evaluationColumns)
    }()

    /// Issue 15 (rules.md §10): the help line's questions; `at` is `YYYY-MM-DDTHH:MM`. Audited.
    static let v18Helpline: String = """
        CREATE TABLE helpline_call (
            id TEXT PRIMARY KEY,
            at TEXT NOT NULL CHECK (length(at) = 16 AND date(substr(at, 1, 10), '+0 days') IS substr(at, 1, 10)),
            caller TEXT REFERENCES person(id) ON UPDATE CASCADE ON DELETE SET NULL,
            member TEXT REFERENCES member(code) ON UPDATE CASCADE ON DELETE SET NULL,
            domain TEXT NOT NULL,
            summary TEXT NOT NULL,
            answered_by TEXT REFERENCES person(id) ON UPDATE CASCADE ON DELETE SET NULL,
            minutes INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 720),
            status TEXT NOT NULL CHECK (status IN ('open', 'answered')),
            answer TEXT,
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX helpline_call_at ON helpline_call(at);

        """ + auditTriggers(table: "helpline_call", entity: "helpline", key: "ROW.id",
                             columns: ["at", "caller", "member", "domain", "summary", "answered_by", "minutes", "status", "answer"])

    /// Issue 15 (rules.md §10): the directory of the network, one row per person, its domains
    /// as their codes joined by commas in the order of `ReferentDomain`. Audited.
    static let v17Directory: String = {
        """
            CREATE TABLE person (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                role TEXT NOT NULL CHECK (role IN ('maire', 'elu', 'secretaire', 'agent')),
                member TEXT REFERENCES member(code) ON UPDATE CASCADE ON DELETE SET NULL,
                agent TEXT REFERENCES agent(code) ON UPDATE CASCADE ON DELETE SET NULL,
                phone TEXT,
                email TEXT CHECK (email IS NULL OR instr(email, '@') > 1),
                referent INTEGER NOT NULL DEFAULT 0 CHECK (referent IN (0, 1)),
                domains TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL DEFAULT 1
            );
            CREATE INDEX person_member ON person(member) WHERE member IS NOT NULL;

            """ + auditTriggers(table: "person", entity: "person", key: "ROW.id",
                                 columns: ["name", "role", "member", "agent", "phone", "email", "referent", "domains"])
    }()
}
