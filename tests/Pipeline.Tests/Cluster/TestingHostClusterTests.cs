using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NUnit.Framework;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using Pipeline.Batch;
using Pipeline.Cluster;
using Pipeline.Storage;
using Pipeline.Tests.Storage;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Cluster;

/// <summary>
/// The cluster's fast path in one process: Orleans' TestingHost with two silos running the worker grains over a
/// PostgreSQL store, the run dispatching to them. Needs the throwaway server of test.sh (skips without it).
/// </summary>
[NonParallelizable]
public class TestingHostClusterTests
{
    private static string? _store;
    private static int _failuresLeft;
    private static readonly Lazy<ExtractionPipeline> Pipeline = new(() => ExtractionPipelineBuilder.CreateDefault().Build());

    /// <summary>Each silo's worker context; the first <see cref="_failuresLeft"/> batches fail after processing,
    /// before their commit (a worker lost mid-batch).</summary>
    private sealed class Workers : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo) => silo.Services.AddSingleton(sp =>
            new WorkerContext(Pipeline.Value, StoreLocation.Parse(_store!), sp.GetRequiredService<IOptions<SiloOptions>>().Value.SiloName)
            {
                BeforeCommit = _ =>
                {
                    if (Interlocked.Decrement(ref _failuresLeft) >= 0) throw new IOException("worker lost before its commit");
                },
            });
    }

    private TestCluster? _cluster;
    private string _dir = "";

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        _store = TestPostgres.CreateDatabase();
        using (PipelineStore.Open(StoreLocation.Parse(_store))) { } // the schema, as a worker host creates it
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<Workers>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    [OneTimeTearDown]
    public async Task StopCluster()
    {
        if (_cluster is not null)
        {
            await _cluster.StopAllSilosAsync();
            await _cluster.DisposeAsync();
        }
        TestPostgres.Drop(_store);
    }

    [SetUp]
    public void SetUp() => _dir = Path.Combine(Path.GetTempPath(), "pipeline-th-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void TearDown()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, true);
    }

    private (RunSummary Summary, ClusterDispatcher Dispatcher) RunOnCluster(string input, string outDir)
    {
        var dispatcher = new ClusterDispatcher(_cluster!.Client, new DispatchOptions { BatchSize = 3, MaxInFlight = 4 },
            line => TestContext.Out.WriteLine(line));
        var runner = new BatchRunner(Pipeline.Value, TestReconciler.Create(), dispatcher);
        var summary = runner.Run(new BatchOptions { Inputs = [input], OutDir = outDir, Store = StoreLocation.Parse(_store!), Full = true });
        return (summary, dispatcher);
    }

    private string LocalRun(string input)
    {
        var outDir = Path.Combine(_dir, "local");
        new BatchRunner(Pipeline.Value, TestReconciler.Create()).Run(new BatchOptions { Inputs = [input], OutDir = outDir });
        return outDir;
    }

    [Test]
    public void Two_silos_give_the_datasets_of_a_local_run()
    {
        _failuresLeft = 0;
        var input = TestCorpus.Make(Path.Combine(_dir, "in"), 40);
        var expected = LocalRun(input);
        var (summary, dispatcher) = RunOnCluster(input, Path.Combine(_dir, "cluster"));

        Assert.That(TestCorpus.Differences(expected, Path.Combine(_dir, "cluster")), Is.Empty);
        Assert.That(summary.Processed, Is.EqualTo(40));
        // Each document is committed once, and an undated one the batch's coverage can date a second time (second pass).
        Assert.That(dispatcher.DocumentsByWorker.Values.Sum(), Is.InRange(40, 80), "each document committed once, the undated at most twice");
        TestContext.Out.WriteLine("documents per silo: " + string.Join(", ", dispatcher.DocumentsByWorker.Select(p => $"{p.Key} {p.Value}")));
        Assert.That(dispatcher.DocumentsByWorker, Has.Count.EqualTo(2), "both silos worked");
        Assert.That(TestPostgres.Scalar(_store!, "SELECT count(*) FROM documents"), Is.EqualTo(40L));
    }

    [Test]
    public void Batches_lost_mid_way_are_sent_again_and_the_datasets_are_unchanged()
    {
        _failuresLeft = 3;
        var input = TestCorpus.Make(Path.Combine(_dir, "in"), 24);
        var expected = LocalRun(input);
        var (summary, dispatcher) = RunOnCluster(input, Path.Combine(_dir, "cluster"));

        Assert.That(dispatcher.Retries, Is.EqualTo(3));
        Assert.That(summary.Processed, Is.EqualTo(24), "every document counted once");
        Assert.That(TestCorpus.Differences(expected, Path.Combine(_dir, "cluster")), Is.Empty);
    }
}
