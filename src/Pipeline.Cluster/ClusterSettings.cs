using System;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Messaging;
using Pipeline.Storage;

namespace Pipeline.Cluster;

/// <summary>How workers and runs find each other: the PostgreSQL store (which also holds the membership table) and
/// a cluster id, so that several clusters may share one database.</summary>
public sealed record ClusterSettings
{
    public const string DefaultClusterId = "pipeline";

    public required StoreLocation Store { get; init; }
    public string ClusterId { get; init; } = DefaultClusterId;
    /// <summary>The address other silos and runs reach this worker at (<c>--address</c>); loopback by default, so a
    /// local cluster needs no configuration. On several machines, each worker gives its own address.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;
    /// <summary>Silo-to-silo port; 0: any free port.</summary>
    public int SiloPort { get; init; }
    /// <summary>Port runs connect to; 0: any free port.</summary>
    public int GatewayPort { get; init; }
    /// <summary>How often a run re-reads the list of workers, and how fast a silent worker is declared dead.</summary>
    public TimeSpan Refresh { get; init; } = TimeSpan.FromSeconds(5);

    public string ConnectionString => Store.Dialect is PostgresDialect pg
        ? pg.ConnectionString
        : throw new InvalidOperationException("the cluster needs a PostgreSQL store (--store postgres://USER@HOST:PORT/DB)");

    internal PostgresMembershipTable MembershipTable() => new(ConnectionString, ClusterId);

    /// <summary>A free TCP port on the given address (0 asks the system).</summary>
    internal static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void ConfigureSilo(ISiloBuilder silo)
    {
        var siloPort = SiloPort > 0 ? SiloPort : FreePort(Address);
        var gatewayPort = GatewayPort > 0 ? GatewayPort : FreePort(Address);
        silo.Configure<ClusterOptions>(o => { o.ClusterId = ClusterId; o.ServiceId = "pipeline"; });
        silo.ConfigureEndpoints(Address, siloPort, gatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(Address));
        silo.Services.AddSingleton<IMembershipTable>(_ => MembershipTable());
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            // Declare a killed worker dead in seconds, not the default minute: its batches are already sent again by
            // then, but the membership view (and the gateway list runs read) catches up sooner.
            o.ProbeTimeout = Refresh;
            o.NumMissedProbesLimit = 2;
            o.IAmAliveTablePublishTimeout = Refresh;
            o.TableRefreshTimeout = Refresh;
        });
    }

    public void ConfigureClient(IClientBuilder client)
    {
        client.Configure<ClusterOptions>(o => { o.ClusterId = ClusterId; o.ServiceId = "pipeline"; });
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = Refresh);
        client.Services.AddSingleton<IGatewayListProvider>(_ => new PostgresGatewayListProvider(MembershipTable(), Refresh));
    }
}
