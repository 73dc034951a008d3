using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Pipeline.Bench;

/// <summary>What a peer measured: characters per second, or null with the reason it did not run.</summary>
public sealed record PeerResult(double? CharsPerSecond, string Note);

/// <summary>
/// A recognizer implementation measured beside ours on the same seed files (all its models on, one pass). To add a
/// peer (for example the .NET Microsoft.Recognizers.Text packages), write a class implementing this interface in
/// this folder and add one line to <see cref="RecognizerPeers.Create"/>.
/// </summary>
public interface IRecognizerPeer
{
    string Name { get; }

    /// <summary>True for the peer the "≥ 100× the JavaScript peer" target is judged against.</summary>
    bool IsReference { get; }

    PeerResult Run(IReadOnlyList<string> seedFiles);
}

/// <summary>The registered peers, in report order.</summary>
public static class RecognizerPeers
{
    public static IReadOnlyList<IRecognizerPeer> Create(BenchOptions options, TextWriter log) =>
    [
        new RecognizersJsPeer(options.PeerRecognizers, Path.Combine(options.WorkDir, "peer-node"), log),
    ];
}

/// <summary>Recognizers-Text JavaScript (the shared <c>peers/recognizers-js</c> runner): installs its npm packages
/// once into the work folder, then runs <c>node run.js --bench 1 FILES</c> and reads its JSON.</summary>
public sealed class RecognizersJsPeer(string? peerDir, string modules, TextWriter log) : IRecognizerPeer
{
    public string Name => "Recognizers-Text JavaScript";

    public bool IsReference => true;

    public PeerResult Run(IReadOnlyList<string> seedFiles)
    {
        if (peerDir is null || !File.Exists(Path.Combine(peerDir, "run.js"))) return new(null, "peer not found");
        if (!Directory.Exists(Path.Combine(modules, "node_modules")))
        {
            using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(peerDir, "package.json")));
            var deps = package.RootElement.GetProperty("dependencies").EnumerateObject().Select(p => $"{p.Name}@{p.Value.GetString()}").ToList();
            Directory.CreateDirectory(modules);
            log.WriteLine($"installing the peer's packages into {modules}");
            var (npm, npmOut) = BenchHarness.RunProcess("npm", ["install", "--no-audit", "--no-fund", "--prefix", modules, .. deps]);
            if (npm != 0) { log.WriteLine(npmOut); return new(null, "npm install failed"); }
        }
        log.WriteLine("running the recognizers-js peer (all four models, one pass over ~1 MB; this takes minutes)");
        var (code, output) = BenchHarness.RunProcess("node", [Path.Combine(peerDir, "run.js"), "--bench", "1", .. seedFiles],
            new Dictionary<string, string> { ["PEER_RECOGNIZERS_DIR"] = modules });
        if (code != 0) return new(null, $"peer failed (exit {code})");
        try
        {
            using var json = JsonDocument.Parse(output[output.IndexOf('{')..]);
            var runs = json.RootElement.GetProperty("runs");
            var all = runs.EnumerateObject().OrderByDescending(p => p.Name.Count(c => c == '+')).First();
            return new(all.Value[0].GetProperty("chars_per_sec").GetDouble(), "");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentOutOfRangeException)
        {
            return new(null, "peer output unreadable");
        }
    }
}
