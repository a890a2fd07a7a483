import SQLKit

extension SQLDatabase {
    /// Whether the database is PostgreSQL, whose concurrent writers need the locks that SQLite's one writer at a
    /// time makes unnecessary (`RowLock`, `DutyLock`), and whose text ordering needs spelling out.
    var isPostgreSQL: Bool { dialect.name == "postgresql" }
}
