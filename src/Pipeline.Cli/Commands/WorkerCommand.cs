using System;
using System.CommandLine;
using System.Net;
using Pipeline.Cluster;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline worker --store postgres://… [--cluster-id ID] [--address IP] [--port N] [--gateway-port N] [--name NAME]</c>:
/// one worker silo of the cluster; runs until Ctrl-C or SIGTERM.</summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var store = StoreOptions.Store("The shared store, which also holds the cluster's membership: postgres://USER[:PASSWORD]@HOST:PORT/DB");
        store.Required = true;
        var clusterId = StoreOptions.ClusterId();
        var address = new Option<string>("--address")
        {
            Description = "The address other workers and runs reach this one at (default 127.0.0.1: a cluster on one machine)",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var port = new Option<int>("--port") { Description = "Silo-to-silo port (default: a free port)" };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Port runs connect to (default: a free port)" };
        var name = new Option<string?>("--name") { Description = "This worker's name in logs (default: host name and process id)" };
        var command = new Command("worker", "Start a worker of the cluster: processes the documents that `pipeline run --cluster` sends, writing them to the shared store. Stops on Ctrl-C or SIGTERM.")
        {
            store, clusterId, address, port, gatewayPort, name,
        };
        command.SetAction(parse =>
        {
            if (!IPAddress.TryParse(parse.GetValue(address), out var ip)) throw new UsageException($"--address is not an IP address: {parse.GetValue(address)}");
            var p = parse.GetValue(port);
            var g = parse.GetValue(gatewayPort);
            if (p is < 0 or > 65535 || g is < 0 or > 65535) throw new UsageException("--port and --gateway-port must be between 0 and 65535");
            var settings = StoreOptions.Settings(StoreOptions.Parse(parse.GetValue(store)), parse.GetValue(clusterId)!, ip, p, g);
            var workerName = parse.GetValue(name) ?? $"{Environment.MachineName}-{Environment.ProcessId}";
            WorkerHost.RunAsync(settings, workerName, PipelineFactory.CreatePipeline, parse.InvocationConfiguration.Output).GetAwaiter().GetResult();
            return Cli.Ok;
        });
        return command;
    }
}
