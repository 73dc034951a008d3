using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Pipeline.Storage;

namespace Pipeline.Cluster;

/// <summary>No worker could be reached in the cluster (none is running, or the store URL or cluster id differ).</summary>
public sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A worker process: one Orleans silo running <see cref="DocumentWorkerGrain"/>s over the shared store.</summary>
public static class WorkerHost
{
    /// <summary>Runs a silo until <paramref name="stop"/> fires or the process gets Ctrl-C / SIGTERM; logs when it has
    /// joined, how many documents it has committed (when that changes, at most every few seconds), and when it stops.</summary>
    public static async Task RunAsync(ClusterSettings settings, string name, Func<ExtractionPipeline> pipeline, TextWriter log,
        CancellationToken stop = default)
    {
        // The store's schema first (created or migrated once here, not per batch).
        using (PipelineStore.Open(settings.Store)) { }
        settings = settings with
        {
            SiloPort = settings.SiloPort > 0 ? settings.SiloPort : ClusterSettings.FreePort(settings.Address),
            GatewayPort = settings.GatewayPort > 0 ? settings.GatewayPort : ClusterSettings.FreePort(settings.Address),
        };
        var context = new WorkerContext(pipeline(), settings.Store, name);
        var builder = Host.CreateApplicationBuilder();
        Quiet(builder.Logging);
        builder.Services.AddSingleton(context);
        builder.UseOrleans(silo =>
        {
            settings.ConfigureSilo(silo);
            silo.Configure<SiloOptions>(o => o.SiloName = name);
        });
        using var host = builder.Build();
        await host.StartAsync(stop);
        log.WriteLine($"worker {name} joined cluster '{settings.ClusterId}' at {settings.Address}:{settings.SiloPort} " +
                      $"(gateway {settings.GatewayPort}); store {settings.Store}");
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, lifetime.ApplicationStopping);
        long reported = 0;
        try
        {
            while (!linked.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), linked.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                if (context.Processed != reported) log.WriteLine($"worker {name}: {reported = context.Processed} documents processed");
            }
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            log.WriteLine($"worker {name} stopped: {context.Processed} documents processed");
        }
    }

    internal static void Quiet(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        logging.SetMinimumLevel(LogLevel.Warning);
        // Orleans warns about each connection to a killed silo, slow turns on a busy machine and its GC mode; the
        // dispatcher reports what matters to a run (a batch sent again), the worker its own progress.
        logging.AddFilter("Orleans", LogLevel.Error);
        // A host that cannot start is reported by the command, in one line.
        logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
    }
}

/// <summary>A run's connection to the cluster: an Orleans client, open while the run dispatches documents.</summary>
public sealed class ClusterSession : IDisposable
{
    private readonly IHost _host;

    private ClusterSession(IHost host, ClusterDispatcher dispatcher)
    {
        _host = host;
        Dispatcher = dispatcher;
    }

    public ClusterDispatcher Dispatcher { get; }
    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Connects to the workers of the cluster; throws <see cref="ClusterUnavailableException"/> when none answers.</summary>
    public static ClusterSession Connect(ClusterSettings settings, DispatchOptions options, Action<string>? log = null,
        TimeSpan? responseTimeout = null)
    {
        var builder = Host.CreateApplicationBuilder();
        WorkerHost.Quiet(builder.Logging);
        builder.UseOrleansClient(client =>
        {
            settings.ConfigureClient(client);
            // A batch takes well under a second per document; a call unanswered this long is sent again elsewhere.
            client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = responseTimeout ?? TimeSpan.FromMinutes(2));
        });
        var host = builder.Build();
        try
        {
            host.StartAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            host.Dispose();
            throw new ClusterUnavailableException(
                $"no worker reachable in cluster '{settings.ClusterId}' of {settings.Store} (start one with: pipeline worker --store URL): " +
                e.Message.Split('\n')[0].Trim(), e);
        }
        return new ClusterSession(host, new ClusterDispatcher(host.Services.GetRequiredService<IClusterClient>(), options, log));
    }

    public void Dispose()
    {
        try { _host.StopAsync(CancellationToken.None).GetAwaiter().GetResult(); }
        finally { _host.Dispose(); }
    }
}
