using System;
using System.Diagnostics;
using Pipeline.Recognition;

namespace Pipeline.Bench;

/// <summary>Throughput of a recognition model with all recognizers on, line by line (<c>pipeline bench</c> calls it; it
/// lives in the benchmark project, not in the library).
/// The peer is measured with <c>node run.js --bench 3 FILE...</c> in ../shared/peers/recognizers-js on the same text.</summary>
public static class RecognizerBenchmark
{
    /// <summary>One measured round: wall-clock time and the process CPU time it used (fairer on a busy machine).</summary>
    public sealed record Result(long Characters, long Utf8Bytes, int Mentions, TimeSpan Elapsed, TimeSpan Cpu)
    {
        public double CharsPerSecond => Characters / Math.Max(Elapsed.TotalSeconds, 1e-9);
        public double CharsPerCpuSecond => Characters / Math.Max(Cpu.TotalSeconds, 1e-9);
        /// <summary>Megabytes of UTF-8 text per second (the peer measures its ~1 MB in UTF-8 bytes).</summary>
        public double MegabytesPerSecond => Utf8Bytes / Math.Max(Elapsed.TotalSeconds, 1e-9) / 1_000_000;
    }

    /// <summary>Recognizes <paramref name="text"/> line by line (as the peer is fed), <paramref name="rounds"/>
    /// times after one warm-up round, and returns the best round.</summary>
    public static Result Run(string text, int rounds = 3, RecognitionModel? model = null)
    {
        model ??= RecognitionExtensions.CreateChineseModel();
        var lines = text.Split('\n');
        var bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        var context = RecognitionContext.Chinese(new NodaTime.LocalDate(2026, 1, 18));
        Result? best = null;
        for (var round = 0; round <= rounds; round++)
        {
            var mentions = 0;
            var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            foreach (var line in lines) mentions += model.Recognize(line, context).Count;
            sw.Stop();
            process.Refresh();
            var r = new Result(text.Length, bytes, mentions, sw.Elapsed, process.TotalProcessorTime - cpu0);
            if (round > 0 && (best is null || r.Elapsed < best.Elapsed)) best = r;
        }
        return best!;
    }
}
