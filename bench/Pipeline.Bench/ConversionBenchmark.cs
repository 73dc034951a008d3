using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Pipeline.Chinese;

namespace Pipeline.Bench;

/// <summary>Throughput figures in MB/s of UTF-8 input. <see cref="CliMBps"/> is null when the <c>opencc</c> tool is absent.</summary>
public sealed record ConversionBenchmarkResult(
    ChineseProfile Profile, long InputBytes, int Rounds,
    double StageMBps, double NativeMBps, double? CliMBps, double? CliStartupMs, bool CliOutputMatches)
{
    public override string ToString() =>
        $"{Profile.ConfigName()}: {InputBytes / 1e6:F2} MB x {Rounds}: stage (mapped, script detection) {StageMBps:F2} MB/s, " +
        $"one native call {NativeMBps:F2} MB/s, opencc CLI " +
        (CliMBps is { } c ? $"{c:F2} MB/s (start-up {CliStartupMs:F0} ms, output {(CliOutputMatches ? "identical" : "DIFFERENT")})" : "not installed");
}

/// <summary>
/// Measures conversion throughput beside the <c>opencc</c> command-line tool on the same input and configuration
/// (for <c>pipeline bench</c>; no assertions). The text is repeated up to <c>minBytes</c> so timings are not noise.
/// </summary>
public static class ConversionBenchmark
{
    public static ConversionBenchmarkResult Run(string text, ChineseProfile profile = ChineseProfile.T2S, int minBytes = 2_000_000, int rounds = 2)
    {
        var converter = ChineseConverter.Open(profile);
        var unit = Encoding.UTF8.GetByteCount(text);
        var sb = new StringBuilder();
        do sb.Append(text).Append('\n'); while (Encoding.UTF8.GetByteCount(sb.ToString()) < minBytes && unit > 0);
        var input = sb.ToString();
        var bytes = Encoding.UTF8.GetByteCount(input);

        converter.Convert(input, out _); // warm-up
        var stage = Time(rounds, () => converter.Convert(input, out _));
        var native = Time(rounds, () => converter.Native.Convert(input));
        var expected = converter.Convert(input);

        double? cliMBps = null, startup = null;
        var matches = false;
        var dir = Directory.CreateTempSubdirectory("pipeline-opencc-bench-");
        try
        {
            var config = converter.WriteOpenCcConfig(dir.FullName);
            var inPath = Path.Combine(dir.FullName, "in.txt");
            var emptyPath = Path.Combine(dir.FullName, "empty.txt");
            var outPath = Path.Combine(dir.FullName, "out.txt");
            File.WriteAllText(inPath, input, new UTF8Encoding(false));
            File.WriteAllText(emptyPath, "", new UTF8Encoding(false));
            if (RunCli(config, emptyPath, outPath) is { } empty)
            {
                startup = empty.TotalMilliseconds;
                var best = TimeSpan.MaxValue;
                for (var r = 0; r < rounds; r++)
                    if (RunCli(config, inPath, outPath) is { } t && t < best) best = t;
                cliMBps = bytes / 1e6 / best.TotalSeconds;
                matches = File.ReadAllText(outPath, Encoding.UTF8) == expected;
            }
        }
        finally
        {
            try { dir.Delete(true); } catch (IOException) { }
        }
        return new ConversionBenchmarkResult(profile, bytes, rounds, bytes / 1e6 / stage.TotalSeconds, bytes / 1e6 / native.TotalSeconds,
            cliMBps, startup, matches);
    }

    private static TimeSpan Time(int rounds, Action action)
    {
        var best = TimeSpan.MaxValue;
        for (var r = 0; r < rounds; r++)
        {
            var clock = Stopwatch.StartNew();
            action();
            if (clock.Elapsed < best) best = clock.Elapsed;
        }
        return best;
    }

    /// <summary>Runs <c>opencc -c config -i in -o out</c>; null when the tool is missing or fails.</summary>
    internal static TimeSpan? RunCli(string config, string input, string output)
    {
        try
        {
            var psi = new ProcessStartInfo("opencc") { UseShellExecute = false, RedirectStandardError = true };
            foreach (var a in new[] { "-c", config, "-i", input, "-o", output }) psi.ArgumentList.Add(a);
            var clock = Stopwatch.StartNew();
            using var p = Process.Start(psi);
            if (p is null) return null;
            p.StandardError.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? clock.Elapsed : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
