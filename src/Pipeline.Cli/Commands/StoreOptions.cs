using System;
using System.CommandLine;
using System.IO;
using System.Net;
using Pipeline.Cluster;
using Pipeline.Storage;

namespace Pipeline.Cli.Commands;

/// <summary>The <c>--store</c> and cluster options shared by <c>run</c>, <c>reconcile</c> and <c>worker</c>.</summary>
internal static class StoreOptions
{
    public static Option<string?> Store(string description = "Store: sqlite:PATH (default OUT/pipeline.db) or postgres://USER[:PASSWORD]@HOST:PORT/DB") =>
        new("--store") { Description = description };

    public static Option<bool> Cluster() => new("--cluster")
    {
        Description = "Process documents on the workers of the cluster (pipeline worker) instead of in this process; needs a postgres:// store",
    };

    public static Option<string> ClusterId() => new("--cluster-id")
    {
        Description = "Which cluster in the store's database (several may share one)", DefaultValueFactory = _ => ClusterSettings.DefaultClusterId,
    };

    /// <summary>Parses <c>--store</c>; null when not given.</summary>
    public static StoreLocation? Parse(string? url)
    {
        if (url is null) return null;
        try { return StoreLocation.Parse(url); }
        catch (FormatException e) { throw new UsageException($"--store: {e.Message}"); }
    }

    public static ClusterSettings Settings(StoreLocation? store, string clusterId, IPAddress? address = null, int port = 0, int gatewayPort = 0)
    {
        if (store is not { IsShared: true })
            throw new UsageException("the cluster needs a shared store: --store postgres://USER[:PASSWORD]@HOST:PORT/DB");
        if (string.IsNullOrWhiteSpace(clusterId)) throw new UsageException("--cluster-id must not be empty");
        return new ClusterSettings
        {
            Store = store, ClusterId = clusterId, Address = address ?? IPAddress.Loopback, SiloPort = port, GatewayPort = gatewayPort,
        };
    }

    /// <summary>Opens a connection to the cluster for a run, or null when the run is local.</summary>
    public static ClusterSession? Connect(bool cluster, StoreLocation? store, string clusterId, TextWriter log)
    {
        if (!cluster) return null;
        var settings = Settings(store, clusterId);
        try
        {
            return ClusterSession.Connect(settings, new DispatchOptions(), line => { lock (log) log.WriteLine(line); });
        }
        catch (ClusterUnavailableException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
