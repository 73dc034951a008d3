using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NUnit.Framework;
using Pipeline.Batch;
using Pipeline.Storage;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Storage;

/// <summary>The PostgreSQL store behaves as the SQLite one: same datasets, same incremental runs, idempotent writes.
/// Needs the throwaway server of test.sh (skips without it).</summary>
public class PostgresStoreTests
{
    private string _dir = "";
    private string? _db;

    [SetUp]
    public void SetUp()
    {
        _db = TestPostgres.CreateDatabase();
        _dir = Path.Combine(Path.GetTempPath(), "pipeline-pg-" + Guid.NewGuid().ToString("N"));
    }

    [TearDown]
    public void TearDown()
    {
        TestPostgres.Drop(_db);
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private static BatchRunner Runner() => new(ExtractionPipelineBuilder.CreateDefault().Build(), TestReconciler.Create());

    /// <summary>Inputs whose ids sort differently under a locale than byte-wise (capitals, Chinese, punctuation).</summary>
    private string Inputs()
    {
        var dir = TestCorpus.Make(Path.Combine(_dir, "in"), 12);
        var seeds = Directory.GetFiles(TestPaths.Corpus, "*.txt").Order(StringComparer.Ordinal).ToArray();
        File.Copy(seeds[0], Path.Combine(dir, "Reuters-Zhipu.txt"));
        File.WriteAllText(Path.Combine(dir, "reuters_zhipu.txt"), File.ReadAllText(seeds[1]) + "\n记者：路透社 北京\n");
        File.WriteAllText(Path.Combine(dir, "财联社-智谱.txt"), File.ReadAllText(seeds[2]) + "\n（财联社记者 张伟）\n");
        return dir;
    }

    [Test]
    public void A_postgres_store_gives_the_same_datasets_as_sqlite_and_skips_unchanged_documents_next_time()
    {
        var input = Inputs();
        var local = Path.Combine(_dir, "sqlite");
        var shared = Path.Combine(_dir, "postgres");
        var expected = Runner().Run(new BatchOptions { Inputs = [input], OutDir = local });
        var first = Runner().Run(new BatchOptions { Inputs = [input], OutDir = shared, Store = StoreLocation.Parse(_db!) });

        Assert.That(TestCorpus.Differences(local, shared), Is.Empty);
        Assert.That((first.Processed, first.Claims, first.Facts), Is.EqualTo((expected.Processed, expected.Claims, expected.Facts)));
        Assert.That(File.Exists(Path.Combine(shared, "pipeline.db")), Is.False, "nothing goes to the embedded store");

        var again = Runner().Run(new BatchOptions { Inputs = [input], OutDir = shared, Store = StoreLocation.Parse(_db!) });
        Assert.That((again.Processed, again.Unchanged), Is.EqualTo((0, expected.Processed)));
        Assert.That(TestCorpus.Differences(local, shared), Is.Empty);
    }

    [Test]
    public void Text_with_nul_characters_and_the_escape_character_comes_back_from_postgres_as_it_was()
    {
        // PostgreSQL text cannot hold U+0000; decoded articles keep it (and U+FFFF, the store's escape, must survive too).
        var input = Path.Combine(_dir, "nul");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "reuters-nul.txt"),
            "HONG KONG, Jan 8 (Reuters) - Zhipu raised HK$4.3 billion\0 in its Hong Kong IPO, pricing shares at HK$116.20\uFFFF0 each.\n");
        var local = Path.Combine(_dir, "sqlite");
        var shared = Path.Combine(_dir, "postgres");
        Runner().Run(new BatchOptions { Inputs = [input], OutDir = local });
        Runner().Run(new BatchOptions { Inputs = [input], OutDir = shared, Store = StoreLocation.Parse(_db!) });

        Assert.That(TestCorpus.Differences(local, shared), Is.Empty);
        var clean = File.ReadAllText(Path.Combine(shared, "clean", "reuters-nul.txt"));
        Assert.That(clean, Is.EqualTo(File.ReadAllText(Path.Combine(local, "clean", "reuters-nul.txt"))));
        Assert.That(clean, Does.Contain("\0").And.Contain("\uFFFF0"));
    }

    [Test]
    public void A_document_written_twice_leaves_one_copy_of_its_rows()
    {
        var pipeline = ExtractionPipelineBuilder.CreateDefault().Build();
        var raw = new Pipeline.Documents.CorpusReader(null).Read([TestPaths.Corpus]).OfType<Pipeline.Documents.DocumentInput>().First().Document;
        var result = pipeline.Process(raw);
        var location = StoreLocation.Parse(_db!);
        for (var i = 0; i < 2; i++)
        {
            using var store = location.Open();
            store.BeginBatch();
            store.SaveResult(result, "v", 1);
            store.CommitBatch();
        }
        Assert.Multiple(() =>
        {
            Assert.That(TestPostgres.Scalar(_db!, "SELECT count(*) FROM documents"), Is.EqualTo(1L));
            Assert.That(TestPostgres.Scalar(_db!, "SELECT count(*) FROM claims"), Is.EqualTo((long)result.Claims.Count));
            Assert.That(TestPostgres.Scalar(_db!, "SELECT count(*) FROM mentions"), Is.EqualTo((long)result.Mentions.Count));
        });
        Assert.That(result.Claims, Is.Not.Empty, "the seed article states figures");
    }

    [Test]
    public void Workers_opening_a_new_store_at_once_create_the_schema_once()
    {
        var location = StoreLocation.Parse(_db!);
        Parallel.For(0, 6, _ => { using var store = location.Open(); });
        Assert.That(TestPostgres.Scalar(_db!, "SELECT value FROM meta WHERE key = 'schema'"), Is.EqualTo(StoreSchema.Version.ToString()));
    }

    [Test]
    public void A_second_run_on_the_same_postgres_store_is_refused_while_the_first_holds_it()
    {
        var location = StoreLocation.Parse(_db!);
        using var first = location.Open();
        Assert.That(first.TryLockRun(), Is.True);
        Assert.That(() => Runner().Run(new BatchOptions { Inputs = [TestPaths.Corpus], OutDir = Path.Combine(_dir, "o"), Store = location }),
            Throws.TypeOf<StoreBusyException>().With.Message.Contains("another run is using the store"));
    }
}
