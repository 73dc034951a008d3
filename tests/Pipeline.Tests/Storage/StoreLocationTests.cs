using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using Npgsql;
using Pipeline.Storage;

namespace Pipeline.Tests.Storage;

public class StoreLocationTests
{
    [Test]
    public void A_postgres_url_becomes_a_connection_string_and_is_shown_without_its_password()
    {
        var location = StoreLocation.Parse("postgres://analyst:s%40cret@db.internal:6543/newsfacts");
        var b = new NpgsqlConnectionStringBuilder(((PostgresDialect)location.Dialect).ConnectionString);
        Assert.Multiple(() =>
        {
            Assert.That(b.Host, Is.EqualTo("db.internal"));
            Assert.That(b.Port, Is.EqualTo(6543));
            Assert.That(b.Username, Is.EqualTo("analyst"));
            Assert.That(b.Password, Is.EqualTo("s@cret"));
            Assert.That(b.Database, Is.EqualTo("newsfacts"));
            Assert.That(location.Display, Is.EqualTo("postgres://analyst:***@db.internal:6543/newsfacts"));
            Assert.That(location.IsShared, Is.True);
        });
    }

    [Test]
    public void Postgresql_scheme_and_default_port_are_accepted()
    {
        var b = new NpgsqlConnectionStringBuilder(((PostgresDialect)StoreLocation.Parse("postgresql://etl@127.0.0.1/facts").Dialect).ConnectionString);
        Assert.That((b.Port, b.Username, b.Database), Is.EqualTo((5432, "etl", "facts")));
    }

    [Test]
    public void Sqlite_urls_and_bare_paths_are_the_embedded_store()
    {
        Assert.That(((SqliteDialect)StoreLocation.Parse("sqlite:out/pipeline.db").Dialect).Path, Is.EqualTo(Path.GetFullPath("out/pipeline.db")));
        Assert.That(((SqliteDialect)StoreLocation.Parse("data/facts.db").Dialect).Path, Is.EqualTo(Path.GetFullPath("data/facts.db")));
        Assert.That(StoreLocation.Parse("sqlite:x.db").IsShared, Is.False);
    }

    [TestCase("mysql://root@localhost/db", "unknown store scheme")]
    [TestCase("postgres://user@host:5432/", "names no database")]
    [TestCase("sqlite:", "needs a file path")]
    [TestCase("  ", "empty")]
    public void A_bad_location_says_why(string url, string reason) =>
        Assert.That(() => StoreLocation.Parse(url), Throws.TypeOf<FormatException>().With.Message.Contains(reason));

    [Test]
    public void Both_dialects_render_every_table_of_the_one_schema()
    {
        foreach (IStoreDialect dialect in new IStoreDialect[] { new SqliteDialect("x.db"), new PostgresDialect("Host=x") })
            foreach (var table in StoreSchema.Tables)
            {
                var ddl = StoreSchema.Ddl(table, dialect).First();
                foreach (var column in table.Columns) Assert.That(ddl, Does.Contain($"\"{column.Name}\""), $"{dialect.Name} {table.Name}");
            }
        Assert.That(StoreSchema.Claims.Columns.Select(c => c.Name), Is.SupersetOf(new[] { "segment", "basis", "as_written", "equivalent_of" }));
        // Text sorts byte-wise in both, so datasets read back in ORDER BY come out in one order.
        Assert.That(new PostgresDialect("Host=x").TypeName(ColumnType.Text), Does.Contain("COLLATE \"C\""));
    }
}
